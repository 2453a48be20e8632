import { CsiError } from '../errors.js';
import type { Moments } from './moments-types.js';
import { toNumbers } from './accumulateMoments.js';
import { checkMoments } from './mergeMoments.js';

/**
 * The {@link Moments} of a subset of the items, in the given order (every field restricted to those items).
 * `complete` becomes true when none of the chosen items has a missing value (nObs = n for all of them); the result
 * is then in the complete form (m, p, q empty; {@link fillCompleteForm} restores them). Returns the moments themselves when the items are already
 * exactly these, in this order.
 *
 * @example
 * selectMoments(moments, ['CUSA2', 'CUSA1']).items // ['CUSA2', 'CUSA1']
 */
export function selectMoments(moments: Moments, items: readonly string[]): Moments {
  const mo = moments;
  checkMoments(mo);
  const k = mo.items.length;
  if (items.length === k && items.every((name, i) => name === mo.items[i])) return mo;
  const index = new Map<string, number>();
  mo.items.forEach((name, i) => index.set(name, i));
  const idx = items.map((name) => {
    const i = index.get(name);
    if (i === undefined) throw new CsiError('MISSING_COLUMN', `Item ${name} is not among the moments' items.`, { column: name });
    return i;
  });
  const q = idx.length;
  const pick = (a: readonly number[]): number[] => {
    const out = new Float64Array(q * q);
    for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) out[i * q + j] = a[idx[i] * k + idx[j]];
    return toNumbers(out);
  };
  const nObs = idx.map((i) => mo.nObs[i]);
  const complete = mo.complete || nObs.every((v) => v === mo.n);
  if (complete) {
    // complete form: m, p, q follow from sw, s, c (see fillCompleteForm)
    return { items: [...items], n: mo.n, weighted: mo.weighted, sw: mo.sw, sww: mo.sww, nObs, s: idx.map((i) => mo.s[i]), m: [], p: [], q: [], c: pick(mo.c), complete };
  }
  return {
    items: [...items],
    n: mo.n,
    weighted: mo.weighted,
    sw: mo.sw,
    sww: mo.sww,
    nObs,
    s: idx.map((i) => mo.s[i]),
    m: pick(mo.m),
    p: pick(mo.p),
    q: pick(mo.q),
    c: pick(mo.c),
    complete,
  };
}
