import { CsiError, shownList } from '../errors.js';
import type { Moments } from './moments-types.js';
import { toNumbers } from './accumulateMoments.js';

/**
 * Adds two {@link Moments} of the same items field by field (every field is a sum over rows), so moments of chunks,
 * workers, resamples or database shards combine into the moments of all their rows. Exact up to floating-point
 * addition (exact for integer data). `complete` is true only when both parts are complete; `weighted` when either is.
 * Complete-form inputs without m/p/q are filled first ({@link fillCompleteForm}).
 *
 * @example
 * const a = accumulateMoments([new Float64Array([1, 2])], { names: ['x'] });
 * const b = accumulateMoments([new Float64Array([3])], { names: ['x'] });
 * mergeMoments(a, b).s // [6]  (= moments of [1, 2, 3])
 */
export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.items.length !== b.items.length || a.items.some((name, i) => name !== b.items[i])) {
    throw new CsiError('INVALID_MOMENTS', `Cannot merge moments of different items (${shownList(a.items)} vs ${shownList(b.items)}).`);
  }
  const x = fillCompleteForm(a);
  const y = fillCompleteForm(b);
  const add = (u: readonly number[], v: readonly number[]): number[] => u.map((val, i) => val + v[i]);
  return {
    items: [...x.items],
    n: x.n + y.n,
    weighted: x.weighted || y.weighted,
    sw: x.sw + y.sw,
    sww: x.sww + y.sww,
    nObs: add(x.nObs, y.nObs),
    s: add(x.s, y.s),
    m: add(x.m, y.m),
    p: add(x.p, y.p),
    q: add(x.q, y.q),
    c: add(x.c, y.c),
    complete: x.complete && y.complete,
  };
}

/**
 * Checks a {@link Moments} value's shape and, for a complete-form value (what an engine sends when no value is
 * missing: n, sw, sww, nObs, s, c), fills m = sw, p[i,j] = s[i], q[i,j] = c[i,i]. Throws INVALID_MOMENTS when
 * array lengths do not match the items, or when `complete` is claimed although a per-item count nObs[i] is below n
 * (the complete form would then have summed each column over different rows: a wrong number, never returned).
 *
 * @example
 * fillCompleteForm({ items: ['x'], n: 2, weighted: false, sw: 2, sww: 2, nObs: [2], s: [3], m: [], p: [], q: [], c: [5], complete: true }).m // [2]
 */
export function fillCompleteForm(mo: Moments): Moments {
  checkMoments(mo);
  const k = mo.items.length;
  const kk = k * k;
  if (!mo.complete || (mo.m.length === kk && mo.p.length === kk && mo.q.length === kk)) return mo;
  const p = new Float64Array(kk);
  const q = new Float64Array(kk);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      p[i * k + j] = mo.s[i];
      q[i * k + j] = mo.c[i * k + i];
    }
  }
  return { ...mo, m: toNumbers(new Float64Array(kk).fill(mo.sw)), p: toNumbers(p), q: toNumbers(q) };
}

/**
 * Checks a {@link Moments} value's shape without copying it: array lengths match the items (m, p, q may be empty
 * for the complete form), n and sw are ≥ 0, and `complete` is not claimed while an item's nObs is below n.
 * Throws INVALID_MOMENTS otherwise.
 *
 * @example
 * checkMoments(momentsFromSurvey(survey)) // returns nothing, or throws
 */
export function checkMoments(mo: Moments): void {
  const k = mo.items.length;
  const kk = k * k;
  const bad = (what: string): never => {
    throw new CsiError('INVALID_MOMENTS', `Moments: ${what}.`);
  };
  if (mo.nObs.length !== k) bad(`nObs has ${mo.nObs.length} entries for ${k} items`);
  if (mo.s.length !== k) bad(`s has ${mo.s.length} entries for ${k} items`);
  if (mo.c.length !== kk) bad(`c has ${mo.c.length} entries, expected ${kk}`);
  if (!(mo.n >= 0) || !(mo.sw >= 0)) bad('n and sw must be ≥ 0');
  if (mo.complete) {
    for (let i = 0; i < k; i++) {
      if (mo.nObs[i] < mo.n) {
        throw new CsiError(
          'INVALID_MOMENTS',
          `Moments claim complete data but item ${mo.items[i]} is observed in ${mo.nObs[i]} of ${mo.n} rows: the complete form would sum each item over different rows. Compute the pairwise-complete form instead.`,
          { column: mo.items[i] },
        );
      }
    }
    return;
  }
  if (mo.m.length !== kk || mo.p.length !== kk || mo.q.length !== kk) bad('incomplete data need the pairwise-complete form (m, p, q of p × p)');
}

/**
 * a − b field by field (every Moments field is a sum over rows): the moments of a's rows without b's (b's rows must
 * be among a's). The inverse of {@link mergeMoments}; a jackknife leaves a group out this way.
 *
 * @example
 * const all = accumulateMoments(columns, { names });
 * const rest = subtractMoments(all, accumulateMoments(columns, { names, rows: new Int32Array([0]) })); // without row 0
 */
export function subtractMoments(a: Moments, b: Moments): Moments {
  const sub = (u: readonly number[], v: readonly number[]): number[] => u.map((x, i) => x - v[i]);
  return {
    items: a.items,
    n: a.n - b.n,
    weighted: a.weighted,
    sw: a.sw - b.sw,
    sww: a.sww - b.sww,
    nObs: sub(a.nObs, b.nObs),
    s: sub(a.s, b.s),
    m: sub(a.m, b.m),
    p: sub(a.p, b.p),
    q: sub(a.q, b.q),
    c: sub(a.c, b.c),
    complete: a.complete,
  };
}
