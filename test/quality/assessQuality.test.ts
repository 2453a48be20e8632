/**
 * assessQuality's rule-of-thumb warnings on hand-built cases (values worked out in the comments).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY_THRESHOLDS, assessQuality } from '../../src/quality/index.js';
import { fitFromCorrelation } from './fitFromWeights.js';

// A: 2 items r = 0.95 → alpha = rhoA = 1.9/1.95 = 0.974 (> 0.95), loadings sqrt(0.975) = 0.987, item VIF 1/(1 − 0.9025) = 10.3.
// B: mode B, 2 items r = 0.1 → alpha 0.18 (but mode B: no reliability warnings), item VIF 1/(1 − 0.01) = 1.01.
// X: single item. Cross correlations 0.3.
const s = new Float64Array([
  1, 0.95, 0.3, 0.3, 0.3,
  0.95, 1, 0.3, 0.3, 0.3,
  0.3, 0.3, 1, 0.1, 0.3,
  0.3, 0.3, 0.1, 1, 0.3,
  0.3, 0.3, 0.3, 0.3, 1,
]);
const model = {
  constructs: [
    { name: 'A', items: ['a1', 'a2'] },
    { name: 'B', items: ['b1', 'b2'], mode: 'B' as const },
    { name: 'X', items: ['x'] },
  ],
  paths: [
    { from: 'A', to: 'X' },
    { from: 'B', to: 'X' },
  ],
};
const fit = fitFromCorrelation(model, s, () => 1, 100);

describe('assessQuality', () => {
  it('returns every section', () => {
    const q = assessQuality(fit);
    expect(Object.keys(q.reliability)).toEqual(['A', 'B', 'X']);
    expect(q.htmt).toHaveLength(3);
    expect(q.fornellLarcker.constructs).toEqual(['A', 'B', 'X']);
    expect(Object.keys(q.itemVif)).toEqual(['A', 'B', 'X']);
    expect(Object.keys(q.innerVif)).toEqual(['X']);
  });

  it('default thresholds: redundant items in A (HIGH_RELIABILITY, COLLINEARITY), nothing about mode-B or single-item reliability', () => {
    const q = assessQuality(fit);
    const codes = q.warnings.map((w) => `${w.code}:${w.construct}${w.column ? '.' + w.column : ''}`).sort();
    expect(codes).toEqual(['COLLINEARITY:A.a1', 'COLLINEARITY:A.a2', 'HIGH_RELIABILITY:A']);
    const high = q.warnings.find((w) => w.code === 'HIGH_RELIABILITY')!;
    expect(high.message).toMatch(/alpha 0\.974.*rhoC.*rhoA 0\.974/);
  });

  it('thresholds can be changed: loading 0.99 flags both of A\'s items (0.987); vif 20 silences the item VIFs; htmt 0.2 flags A–X', () => {
    // HTMT(A, X) = 0.3 / sqrt(0.95 · 1) = 0.308; HTMT(A, B) and (B, X) involve mode B: not flagged.
    const q = assessQuality(fit, { thresholds: { loading: 0.99, vif: 20, htmt: 0.2 } });
    const codes = q.warnings.map((w) => `${w.code}:${w.construct}${w.column ? '.' + w.column : ''}`).sort();
    expect(codes).toEqual(['DISCRIMINANT_VALIDITY:A', 'HIGH_RELIABILITY:A', 'LOW_LOADING:A.a1', 'LOW_LOADING:A.a2']);
    expect(DEFAULT_QUALITY_THRESHOLDS.loading).toBe(0.708);
  });

  it('uses PLSc loadings for rhoC, AVE, the Fornell–Larcker diagonal and loading warnings when given', () => {
    const loadings = new Float64Array(fit.crossLoadings.length);
    loadings[0 * 3 + 0] = 0.6; // a1 on A
    loadings[1 * 3 + 0] = 0.6; // a2 on A
    const q = assessQuality(fit, { consistent: { loadings } });
    expect(q.reliability.A.ave).toBeCloseTo(0.36, 14);
    expect(q.fornellLarcker.matrix[0][0]).toBeCloseTo(0.6, 14);
    expect(q.warnings.filter((w) => w.code === 'LOW_LOADING').map((w) => w.column)).toEqual(['a1', 'a2']);
    expect(q.warnings.some((w) => w.code === 'LOW_AVE' && w.construct === 'A')).toBe(true);
  });

  it('inner VIF above 5 is flagged on the endogenous construct', () => {
    // two single-item predictors correlating 0.95: VIF = 1/(1 − 0.9025) = 10.26
    const s3 = new Float64Array([1, 0.95, 0.5, 0.95, 1, 0.5, 0.5, 0.5, 1]);
    const f3 = fitFromCorrelation(
      { constructs: [{ name: 'P', items: ['p'] }, { name: 'Q', items: ['q'] }, { name: 'Y', items: ['y'] }], paths: [{ from: 'P', to: 'Y' }, { from: 'Q', to: 'Y' }] },
      s3,
      () => 1,
      100,
    );
    const q = assessQuality(f3);
    expect(q.innerVif.Y.P).toBeCloseTo(1 / (1 - 0.9025), 12);
    expect(q.warnings.filter((w) => w.code === 'COLLINEARITY').map((w) => w.construct)).toEqual(['Y', 'Y']);
  });
});
