import { describe, expect, it } from 'vitest';
import { accumulateMoments } from '../../src/stats/accumulateMoments.js';
import { correlationFromMoments, correlationInto } from '../../src/stats/correlationFromMoments.js';
import { selectMoments } from '../../src/stats/selectMoments.js';
import type { MissingRule } from '../../src/stats/index.js';
import { csvColumns, HAS_SHARED, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';

/** The estimator's index-mapped correlations equal correlationFromMoments(selectMoments(…)) bit for bit. */
function viaInto(mo: ReturnType<typeof accumulateMoments>, names: string[], missing: MissingRule) {
  const same = names.length === mo.items.length && names.every((nm, i) => nm === mo.items[i]);
  const idx = same ? null : Int32Array.from(names, (nm) => mo.items.indexOf(nm));
  const q = names.length;
  const r = new Float64Array(q * q);
  const means = new Float64Array(q);
  const sds = new Float64Array(q);
  const n = correlationInto(mo, idx, missing, r, means, sds, new Float64Array(q * q));
  return { r: Array.from(r), means: Array.from(means), sds: Array.from(sds), n };
}
function viaSelect(mo: ReturnType<typeof accumulateMoments>, names: string[], missing: MissingRule) {
  const c = correlationFromMoments(selectMoments(mo, names), missing);
  return { r: Array.from(c.r), means: Array.from(c.means), sds: Array.from(c.sds), n: c.n };
}
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return { error: String(e), code: (e as { code?: string }).code };
  }
}

describe.skipIf(!HAS_SHARED)(`correlationInto = correlationFromMoments(selectMoments(…)) — ${HAS_SHARED ? 'mobi, corp_rep' : SKIP_MESSAGE}`, () => {
  for (const file of ['datasets/mobi.csv', 'datasets/corp_rep_data.csv']) {
    it(`${file}: every rule, in order, reordered, a subset, weighted; errors alike`, () => {
      const { names, columns } = csvColumns(sharedText(file));
      const w = new Float64Array(columns[0].length).map((_, i) => 1 + (i % 4) * 0.25);
      const subset = names.filter((_, k) => k % 3 !== 1).reverse();
      for (const missing of ['mean', 'casewise', 'pairwise'] as MissingRule[]) {
        for (const weights of [null, w]) {
          const mo = accumulateMoments(columns, { names, weights, ...(missing === 'casewise' ? { missing } : {}) });
          for (const sel of [names, [...names].reverse(), subset, names.slice(0, 1)]) {
            expect(outcome(() => viaInto(mo, sel, missing))).toEqual(outcome(() => viaSelect(mo, sel, missing)));
          }
        }
      }
    });
  }

  it('a selection without missing values counts as complete (selectMoments\' rule), the whole moments not', () => {
    const a = new Float64Array([1, 2, 3, 4, 5]);
    const b = new Float64Array([2, 1, 4, 3, 6]);
    const c = new Float64Array([1, NaN, 2, 5, 3]);
    const mo = accumulateMoments([a, b, c], { names: ['a', 'b', 'c'] });
    for (const missing of ['mean', 'casewise', 'pairwise'] as MissingRule[]) {
      for (const sel of [['b', 'a'], ['a', 'b'], ['c', 'a'], ['a', 'b', 'c']]) {
        expect(outcome(() => viaInto(mo, sel, missing))).toEqual(outcome(() => viaSelect(mo, sel, missing)));
      }
    }
  });
});
