/**
 * Hand-derived small cases for each measure. Every expected value is worked out on paper in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import {
  averageVarianceExtracted,
  cronbachAlpha,
  fornellLarcker,
  htmt,
  innerVif,
  itemVif,
  reliability,
  rhoA,
  rhoC,
} from '../../src/quality/index.js';
import { fitFromCorrelation } from './fitFromWeights.js';

/** Symmetric matrix from its upper triangle rows (diagonal 1). */
function corr(upper: number[][]): Float64Array {
  const p = upper.length + 1;
  const r = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    r[a * p + a] = 1;
    for (let b = a + 1; b < p; b++) r[a * p + b] = r[b * p + a] = upper[a][b - a - 1];
  }
  return r;
}

describe('cronbachAlpha', () => {
  it('two items with correlation r: alpha = 2r/(1+r)', () => {
    for (const r of [0.1, 0.5, 0.83]) expect(cronbachAlpha(new Float64Array([1, r, r, 1]), 2)).toBeCloseTo((2 * r) / (1 + r), 14);
  });
  it('K equicorrelated items: alpha = K r / (1 + (K−1) r) (Spearman–Brown)', () => {
    const k = 4;
    const r = 0.3;
    const m = new Float64Array(k * k).map((_, i) => (i % (k + 1) === 0 ? 1 : r));
    expect(cronbachAlpha(m, k)).toBeCloseTo((k * r) / (1 + (k - 1) * r), 14);
  });
  it('single item gives 1 (seminr convention)', () => {
    expect(cronbachAlpha(new Float64Array([1]), 1)).toBe(1);
  });
});

describe('rhoC and AVE', () => {
  it('loadings 0.8 and 0.6: rhoC = 1.4² / (1.4² + 0.36 + 0.64) = 1.96/2.96, AVE = (0.64 + 0.36)/2 = 0.5', () => {
    expect(rhoC([0.8, 0.6])).toBeCloseTo(1.96 / 2.96, 14);
    expect(averageVarianceExtracted([0.8, 0.6])).toBeCloseTo(0.5, 14);
  });
  it('single item gives 1 for both (seminr convention)', () => {
    expect(rhoC([0.4])).toBe(1);
    expect(averageVarianceExtracted([0.4])).toBe(1);
  });
});

describe('rhoA', () => {
  it('two items with equal weights: rhoA = 2r/(1+r), i.e. standardized alpha (w² = 1/(2(1+r)) makes the composite unit-variance; (w\'w)² = 4w⁴, w\'(S−D)w = 2w²r, w\'(ww\'−D)w = 2w⁴)', () => {
    const r = 0.49;
    expect(rhoA(new Float64Array([1, r, r, 1]), [1, 1])).toBeCloseTo((2 * r) / (1 + r), 14);
  });
  it('does not depend on the scale of the weights', () => {
    const s = corr([[0.5, 0.3], [0.4]]);
    const w = [0.3, 0.5, 0.4];
    expect(rhoA(s, w.map((x) => 3 * x))).toBeCloseTo(rhoA(s, w), 14);
  });
  it('single item gives 1', () => {
    expect(rhoA(new Float64Array([1]), [1])).toBe(1);
  });
  it('a block with negatively correlated items gives a negative rhoA (2r/(1+r) with r = −0.3), not an error', () => {
    expect(rhoA(new Float64Array([1, -0.3, -0.3, 1]), [1, 1])).toBeCloseTo(-0.6 / 0.7, 14);
  });
});

describe('reliability (seminr conventions per construct)', () => {
  // A: 2 items r = 0.5; B: mode B, 2 items r = 0.3; C: single item. Cross correlations 0.2.
  const s = corr([
    [0.5, 0.2, 0.2, 0.2],
    [0.2, 0.2, 0.2],
    [0.3, 0.2],
    [0.2],
  ]);
  const model = {
    constructs: [
      { name: 'A', items: ['a1', 'a2'] },
      { name: 'B', items: ['b1', 'b2'], mode: 'B' as const },
      { name: 'C', items: ['c1'] },
    ],
    paths: [
      { from: 'A', to: 'C' },
      { from: 'B', to: 'C' },
    ],
  };
  const fit = fitFromCorrelation(model, s, () => 1, 100);
  const rel = reliability(fit);
  it('mode A: alpha = rhoA = 2r/(1+r); loadings sqrt((1+r)/2) each, so AVE = (1+r)/2 and rhoC = 2(1+r)/(2(1+r) + 1 − r)... = 2(1+r)/(3+r)', () => {
    const r = 0.5;
    expect(rel.A.alpha).toBeCloseTo((2 * r) / (1 + r), 14);
    expect(rel.A.rhoA).toBeCloseTo((2 * r) / (1 + r), 14);
    expect(rel.A.ave).toBeCloseTo((1 + r) / 2, 14);
    // (Σλ)² = 4(1+r)/2 = 2(1+r); Σ(1−λ²) = 2 − (1+r) = 1 − r
    expect(rel.A.rhoC).toBeCloseTo((2 * (1 + r)) / (2 * (1 + r) + 1 - r), 14);
  });
  it('mode B: rhoA = 1, alpha/rhoC/AVE still from items and loadings', () => {
    const r = 0.3;
    expect(rel.B.rhoA).toBe(1);
    expect(rel.B.alpha).toBeCloseTo((2 * r) / (1 + r), 14);
    expect(rel.B.ave).toBeCloseTo((1 + r) / 2, 14);
  });
  it('single item: all four are 1', () => {
    expect(rel.C).toEqual({ alpha: 1, rhoC: 1, rhoA: 1, ave: 1 });
  });
  it('accepts other loadings (e.g. PLSc-corrected) for rhoC and AVE only', () => {
    const l = new Float64Array(fit.crossLoadings.length);
    l[0 * 3 + 0] = 0.8;
    l[1 * 3 + 0] = 0.6;
    const r2 = reliability(fit, { loadings: l });
    expect(r2.A.ave).toBeCloseTo(0.5, 14);
    expect(r2.A.rhoC).toBeCloseTo(1.96 / 2.96, 14);
    expect(r2.A.alpha).toBe(rel.A.alpha);
    expect(r2.A.rhoA).toBe(rel.A.rhoA);
  });
});

describe('htmt', () => {
  it('two 2-item blocks: mean |cross| / sqrt(r_a r_b) = ((0.3+0.4+0.2+0.5)/4) / sqrt(0.6·0.5)', () => {
    const s = corr([
      [0.6, 0.3, 0.4],
      [0.2, 0.5],
      [0.5],
    ]);
    const fit = fitFromCorrelation({ constructs: [{ name: 'A', items: ['a1', 'a2'] }, { name: 'B', items: ['b1', 'b2'] }], paths: [{ from: 'A', to: 'B' }] }, s, () => 1, 50);
    const h = htmt(fit);
    expect(h).toHaveLength(1);
    expect(h[0].a).toBe('A');
    expect(h[0].b).toBe('B');
    expect(h[0].value).toBeCloseTo(0.35 / Math.sqrt(0.3), 14);
  });
  it('uses absolute correlations and a monotrait mean of 1 for a single item: (|−0.3| + 0.5)/2 / sqrt(|−0.4| · 1)', () => {
    const s = corr([
      [-0.4, -0.3],
      [0.5],
    ]);
    const fit = fitFromCorrelation({ constructs: [{ name: 'A', items: ['a1', 'a2'] }, { name: 'C', items: ['c'] }], paths: [{ from: 'A', to: 'C' }] }, s, () => 1, 50);
    expect(htmt(fit)[0].value).toBeCloseTo(0.4 / Math.sqrt(0.4), 14);
  });
  it('three constructs give three pairs in construct order', () => {
    const s = corr([[0.2, 0.3], [0.4]]);
    const fit = fitFromCorrelation(
      { constructs: [{ name: 'X', items: ['x'] }, { name: 'Y', items: ['y'] }, { name: 'Z', items: ['z'] }], paths: [{ from: 'X', to: 'Z' }, { from: 'Y', to: 'Z' }] },
      s,
      () => 1,
      50,
    );
    expect(htmt(fit).map((e) => [e.a, e.b, e.value])).toEqual([
      ['X', 'Y', 0.2],
      ['X', 'Z', 0.3],
      ['Y', 'Z', 0.4],
    ]);
  });
});

describe('itemVif and innerVif', () => {
  it('item VIF: two items 1/(1 − r²); three equicorrelated items 1/(1 − 2r²/(1+r)); single item 1', () => {
    const s = corr([
      [0.6, 0, 0, 0, 0],
      [0, 0, 0, 0],
      [0.4, 0.4, 0],
      [0.4, 0],
      [0],
    ]);
    const fit = fitFromCorrelation(
      {
        constructs: [{ name: 'A', items: ['a1', 'a2'] }, { name: 'B', items: ['b1', 'b2', 'b3'] }, { name: 'C', items: ['c'] }],
        paths: [{ from: 'A', to: 'C' }, { from: 'B', to: 'C' }],
      },
      s,
      () => 1,
      50,
    );
    const v = itemVif(fit);
    expect(v.A.a1).toBeCloseTo(1 / (1 - 0.36), 13);
    expect(v.A.a2).toBeCloseTo(1 / (1 - 0.36), 13);
    for (const i of ['b1', 'b2', 'b3']) expect(v.B[i]).toBeCloseTo(1 / (1 - (2 * 0.16) / 1.4), 13);
    expect(v.C).toEqual({ c: 1 });
  });
  it('perfectly collinear items give Infinity, not a crash', () => {
    const s = corr([[1, 0.5], [0.5]]);
    const fit = fitFromCorrelation({ constructs: [{ name: 'A', items: ['a1', 'a2', 'a3'] }], paths: [] }, s, (_c, i) => (i === 'a3' ? 1 : 0.5), 50);
    expect(itemVif(fit).A.a1).toBe(Number.POSITIVE_INFINITY);
  });
  it('inner VIF: two predictors correlating ρ give 1/(1 − ρ²) each; a single predictor gives 1', () => {
    const s = corr([[0.5, 0.3], [0.2]]);
    const fit = fitFromCorrelation(
      { constructs: [{ name: 'X', items: ['x'] }, { name: 'Y', items: ['y'] }, { name: 'Z', items: ['z'] }], paths: [{ from: 'X', to: 'Z' }, { from: 'Y', to: 'Z' }, { from: 'X', to: 'Y' }] },
      s,
      () => 1,
      50,
    );
    const v = innerVif(fit);
    expect(v.Z.X).toBeCloseTo(1 / (1 - 0.25), 14);
    expect(v.Z.Y).toBeCloseTo(1 / (1 - 0.25), 14);
    expect(v.Y).toEqual({ X: 1 });
    expect(v.X).toBeUndefined();
  });
});

describe('fornellLarcker', () => {
  it('diag sqrt(AVE) = sqrt((1+r)/2) for two equal-weight items; off-diag the construct correlation; verdict per construct', () => {
    // A: r = 0.2 → sqrt(AVE) = sqrt(0.6) = 0.775; B: r = 0.8 → sqrt(0.9) = 0.949; cross correlations 0.35 →
    // cor(A, B) = 4 · 0.35 · w_a w_b = 1.4 / sqrt(2·1.2 · 2·1.8) = 1.4 / sqrt(8.64) = 0.476
    const s = corr([
      [0.2, 0.35, 0.35],
      [0.35, 0.35],
      [0.8],
    ]);
    const fit = fitFromCorrelation({ constructs: [{ name: 'A', items: ['a1', 'a2'] }, { name: 'B', items: ['b1', 'b2'] }], paths: [{ from: 'A', to: 'B' }] }, s, () => 1, 50);
    const fl = fornellLarcker(fit);
    expect(fl.matrix[0][0]).toBeCloseTo(Math.sqrt(0.6), 14);
    expect(fl.matrix[1][1]).toBeCloseTo(Math.sqrt(0.9), 14);
    expect(fl.matrix[0][1]).toBeCloseTo(1.4 / Math.sqrt(8.64), 14);
    expect(fl.pass).toEqual({ A: true, B: true });
    // raise the cross correlation to 0.5: cor = 2/sqrt(8.64) = 0.680 < 0.775 still; to 0.58: 2.32/2.939 = 0.789 > 0.775
    const s2 = corr([
      [0.2, 0.58, 0.58],
      [0.58, 0.58],
      [0.8],
    ]);
    const fit2 = fitFromCorrelation({ constructs: [{ name: 'A', items: ['a1', 'a2'] }, { name: 'B', items: ['b1', 'b2'] }], paths: [{ from: 'A', to: 'B' }] }, s2, () => 1, 50);
    expect(fornellLarcker(fit2).pass).toEqual({ A: false, B: true });
  });
});
