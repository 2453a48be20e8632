import { describe, expect, it } from 'vitest';
import { accumulateMoments } from '../../src/stats/accumulateMoments.js';
import { correlationFromMoments } from '../../src/stats/correlationFromMoments.js';
import { isCsiError } from '../../src/errors.js';
import { csvColumns, HAS_SHARED, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';
import { pearson } from '../helpers/moments.js';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return isCsiError(e) ? e.code : 'not a CsiError';
  }
  return undefined;
};

describe('correlationFromMoments, small cases', () => {
  it('complete data: Pearson r (hand-checked: a = 1,2,3, b = 1,3,2 → r = 0.5)', () => {
    const mo = accumulateMoments([new Float64Array([1, 2, 3]), new Float64Array([1, 3, 2])], { names: ['a', 'b'] });
    for (const rule of ['mean', 'casewise', 'pairwise'] as const) {
      const c = correlationFromMoments(mo, rule);
      expect(c.r[1]).toBeCloseTo(0.5, 15);
      expect(c.means[0]).toBe(2);
      expect(c.sds[0]).toBe(1); // sample SD of 1,2,3 with n − 1
      expect(c.n).toBe(3);
    }
  });

  it('integer weights equal duplicated rows (weighted Pearson, SD divisor Σw − 1)', () => {
    const x = [3, 1, 4, 1, 5, 9, 2];
    const y = [2, 7, 1, 8, 2, 8, 1];
    const w = [1, 2, 3, 1, 2, 3, 1];
    const dupX: number[] = [];
    const dupY: number[] = [];
    x.forEach((v, i) => {
      for (let k = 0; k < w[i]; k++) {
        dupX.push(v);
        dupY.push(y[i]);
      }
    });
    const a = correlationFromMoments(accumulateMoments([Float64Array.from(x), Float64Array.from(y)], { weights: Float64Array.from(w) }));
    const b = correlationFromMoments(accumulateMoments([Float64Array.from(dupX), Float64Array.from(dupY)]));
    expect(Math.abs(a.r[1] - b.r[1])).toBeLessThan(1e-14);
    expect(Math.abs(a.sds[0] - b.sds[0])).toBeLessThan(1e-14);
    expect(a.n).toBe(b.n);
    expect(Math.abs(a.r[1] - pearson(x, y, w))).toBeLessThan(1e-14);
  });

  it('zero variance is an error naming the column', () => {
    const mo = accumulateMoments([new Float64Array([1, 2, 3]), new Float64Array([4, 4, 4])], { names: ['a', 'flat'] });
    try {
      correlationFromMoments(mo);
      expect.unreachable();
    } catch (e) {
      expect(isCsiError(e) && e.code).toBe('ZERO_VARIANCE');
      expect(isCsiError(e) && e.column).toBe('flat');
    }
  });

  it('casewise on moments of incomplete rows says it needs the complete rows', () => {
    const mo = accumulateMoments([new Float64Array([1, 2, 3, 5]), new Float64Array([1, NaN, 2, 2])]);
    expect(codeOf(() => correlationFromMoments(mo, 'casewise'))).toBe('NEEDS_ROWS');
  });

  it('too few rows is an error', () => {
    expect(codeOf(() => correlationFromMoments(accumulateMoments([new Float64Array([1])]), 'mean'))).toBe('TOO_FEW_ROWS');
  });

  it('complete-form moments without m/p/q that claim completeness wrongly are refused', () => {
    const mo = accumulateMoments([new Float64Array([1, 2, 3]), new Float64Array([1, NaN, 2])]);
    expect(codeOf(() => correlationFromMoments({ ...mo, complete: true, m: [], p: [], q: [] }))).toBe('INVALID_MOMENTS');
  });
});

describe.skipIf(!HAS_SHARED)(`correlationFromMoments on corp_rep_data (missing values) — ${HAS_SHARED ? 'shared data' : SKIP_MESSAGE}`, () => {
  const { names, columns }: { names: string[]; columns: Float64Array[] } = HAS_SHARED ? csvColumns(sharedText('datasets/corp_rep_data.csv')) : { names: [], columns: [] };
  const pick = ['comp_1', 'comp_2', 'comp_3', 'like_1', 'like_2', 'like_3', 'cusa', 'cusl_1', 'cusl_2', 'cusl_3', 'age', 'occupation'];
  const cols = pick.map((n) => columns[names.indexOf(n)]);
  const N = cols[0]?.length ?? 0;
  const weights = Float64Array.from({ length: N }, (_, r) => 1 + ((r * 5) % 3));

  it('has missing values in these columns (the test would be vacuous otherwise)', () => {
    expect(cols.some((c) => c.some((v) => Number.isNaN(v)))).toBe(true);
  });

  for (const weighted of [false, true]) {
    it(`mean replacement from moments = explicit fill-then-Pearson on the rows${weighted ? ' (weighted)' : ''}`, () => {
      const w = weighted ? weights : null;
      const got = correlationFromMoments(accumulateMoments(cols, { weights: w }), 'mean');
      // seminr mean_replacement: each NA ← the item's (weighted) mean of its observed rows, then Pearson.
      const filled = cols.map((c) => {
        let sw = 0;
        let sx = 0;
        c.forEach((v, r) => {
          if (!Number.isNaN(v)) {
            sw += w ? w[r] : 1;
            sx += (w ? w[r] : 1) * v;
          }
        });
        const mean = sx / sw;
        return Float64Array.from(c, (v) => (Number.isNaN(v) ? mean : v));
      });
      let mx = 0;
      for (let i = 0; i < cols.length; i++) {
        for (let j = 0; j < cols.length; j++) mx = Math.max(mx, Math.abs(got.r[i * cols.length + j] - pearson(filled[i], filled[j], w ?? undefined)));
      }
      expect(mx).toBeLessThan(1e-12);
    });

    it(`pairwise = Pearson on each pair's complete rows${weighted ? ' (weighted)' : ''}`, () => {
      const w = weighted ? weights : null;
      const got = correlationFromMoments(accumulateMoments(cols, { weights: w }), 'pairwise');
      let mx = 0;
      let minN = Infinity;
      for (let i = 0; i < cols.length; i++) {
        for (let j = i + 1; j < cols.length; j++) {
          const rows = [...Array(N).keys()].filter((r) => !Number.isNaN(cols[i][r]) && !Number.isNaN(cols[j][r]));
          const x = rows.map((r) => cols[i][r]);
          const y = rows.map((r) => cols[j][r]);
          minN = Math.min(minN, rows.reduce((a, r) => a + (w ? w[r] : 1), 0));
          mx = Math.max(mx, Math.abs(got.r[i * cols.length + j] - pearson(x, y, w ? rows.map((r) => w[r]) : undefined)));
        }
      }
      expect(mx).toBeLessThan(1e-12);
      expect(got.n).toBe(minN);
    });
  }

  it('casewise = Pearson on the complete rows', () => {
    const got = correlationFromMoments(accumulateMoments(cols, { missing: 'casewise' }), 'casewise');
    const rows = [...Array(N).keys()].filter((r) => cols.every((c) => !Number.isNaN(c[r])));
    expect(rows.length).toBeLessThan(N);
    expect(got.n).toBe(rows.length);
    const x = rows.map((r) => cols[0][r]);
    const y = rows.map((r) => cols[6][r]);
    expect(Math.abs(got.r[6] - pearson(x, y))).toBeLessThan(1e-12);
  });
});
