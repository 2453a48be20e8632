import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/data/index.js';
import { isCsiError } from '../../src/errors.js';
import { bootstrap } from '../../src/inference/bootstrap.js';
import { parseModel } from '../../src/model/index.js';
import { estimate } from '../../src/inference/index.js';
import { rescaledWeights } from '../../src/stats/index.js';
import { surveyCsv } from '../helpers/hostile.js';

const ITEMS = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'];
const MODEL = parseModel('A =~ a1 + a2 + a3\nB =~ b1 + b2 + b3\nB ~ A');
const survey = () => readSurvey(surveyCsv(250, ITEMS, 5));

describe('extreme weights and values (issue 18 items 10, 14, 15)', () => {
  it('item 15: uniform weights of 1e200 or 1e-200 estimate as unit weights do (scale-free), bootstrap included', async () => {
    const s = survey();
    const base = estimate(s, MODEL).paths[0].estimate;
    for (const w of [1e200, 1e-200]) {
      const weighted = { ...s, weights: new Float64Array(s.n).fill(w) };
      expect(estimate(weighted, MODEL).paths[0].estimate).toBeCloseTo(base, 12);
      const boot = await bootstrap(weighted, MODEL, { resamples: 20, seed: 3 });
      expect(boot.dropped.count).toBe(0);
    }
  });

  it('item 15: ordinary weights are not touched (bit-identical sums), extreme ones scaled by a power of two', () => {
    const w = new Float64Array([1, 3, 0.5, 1e9]);
    expect(rescaledWeights(w)).toBe(w);
    const big = rescaledWeights(new Float64Array([1e200, 3e200]));
    expect(big[1] / big[0]).toBe(3e200 / 1e200);
    expect(big[1]).toBeGreaterThanOrEqual(0.5);
    expect(big[1]).toBeLessThan(1);
  });

  it('item 10: one weight of 1e12 among 249 of 1 warns LOW_EFFECTIVE_N with Kish n_eff ≈ 1', () => {
    const s = survey();
    const weights = new Float64Array(s.n).fill(1);
    weights[0] = 1e12;
    const r = estimate({ ...s, weights }, MODEL);
    const w = r.warnings.find((x) => x.code === 'LOW_EFFECTIVE_N');
    expect(w?.message).toMatch(/effective sample size of the weights is 1\.0 of 250 rows/);
    expect(w?.message).toMatch(/takes Σw = 1\.00000e\+12 as n/);
    // ordinary weights do not warn
    const ok = estimate({ ...s, weights: new Float64Array(s.n).fill(2) }, MODEL);
    expect(ok.warnings.some((x) => x.code === 'LOW_EFFECTIVE_N')).toBe(false);
  });

  it('item 14: 1e308 in an item is reported as an overflow, not as "no variance"', () => {
    const s = readSurvey(surveyCsv(50, ITEMS, 2, (row, item, v) => (row === 7 && item === 'a2' ? '1e308' : String(v))), {
      codebook: { items: ITEMS.map((id) => ({ id, scale: { min: 1, max: 1e308 } })) },
    });
    let e: unknown;
    try {
      estimate(s, MODEL);
    } catch (x) {
      e = x;
    }
    expect(isCsiError(e)).toBe(true);
    expect((e as { column?: string }).column).toBe('a2');
    expect((e as Error).message).toMatch(/too large.*overflows/);
    expect((e as Error).message).not.toMatch(/no variance/);
  });
});
