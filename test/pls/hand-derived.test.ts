import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/inference/estimate.js';
import { estimateFromMoments } from '../../src/pls/estimateFromMoments.js';
import type { ModelSpec } from '../../src/model/types.js';
import { HAS_SHARED, sharedSurvey, SKIP_MESSAGE } from '../helpers/csvSurvey.js';
import { momentsWithCorrelation, pearson } from '../helpers/moments.js';

describe('small models solved on paper', () => {
  it('two single-item constructs: weights 1, path = their correlation, R² = r²', () => {
    const model: ModelSpec = {
      constructs: [
        { name: 'X', mode: 'A', items: ['x'] },
        { name: 'Y', mode: 'A', items: ['y'] },
      ],
      paths: [{ from: 'X', to: 'Y' }],
    };
    const r = 0.37;
    const res = estimateFromMoments(momentsWithCorrelation(['x', 'y'], [1, r, r, 1], 101), model);
    expect(res.outerWeights).toEqual({ X: { x: 1 }, Y: { y: 1 } });
    expect(res.paths[0].estimate).toBeCloseTo(r, 14);
    expect(res.rSquared.Y.r2).toBeCloseTo(r * r, 14);
    // adjusted R² = 1 − (1 − R²)(n − 1)/(n − 2) with n = 101
    expect(res.rSquared.Y.adjR2).toBeCloseTo(1 - ((1 - r * r) * 100) / 99, 14);
    expect(res.totalEffects).toEqual([{ from: 'X', to: 'Y', estimate: res.paths[0].estimate }]);
  });

  it('two two-item mode-A blocks: the fixed point derived analytically', () => {
    // Items x1, x2 (r = a) and y1, y2 (r = b); r(x1, y·) = c1, r(x2, y·) = c2. Y's items are exchangeable, so at
    // the fixed point Y = (y1 + y2)/√(2 + 2b) and cov(x_k, Y) = 2c_k/√(2 + 2b): mode A gives w_X ∝ (c1, c2), scaled to
    // unit variance: w_X = (c1, c2)/√(c1² + c2² + 2a·c1·c2); w_Y = (1, 1)/√(2 + 2b).
    // Path = cor(X, Y) = Σ w_Xk w_Yl r_kl = 2(c1² + c2²) / (√(c1² + c2² + 2a c1 c2) · √(2 + 2b)).
    const a = 0.5;
    const b = 0.4;
    const c1 = 0.3;
    const c2 = 0.5;
    const R = [1, a, c1, c1, a, 1, c2, c2, c1, c2, 1, b, c1, c2, b, 1];
    const model: ModelSpec = {
      constructs: [
        { name: 'X', mode: 'A', items: ['x1', 'x2'] },
        { name: 'Y', mode: 'A', items: ['y1', 'y2'] },
      ],
      paths: [{ from: 'X', to: 'Y' }],
    };
    for (const scheme of ['path', 'factorial', 'centroid'] as const) {
      const res = estimateFromMoments(momentsWithCorrelation(['x1', 'x2', 'y1', 'y2'], R), model, { scheme, tolerance: 1e-13 });
      const dx = Math.sqrt(c1 * c1 + c2 * c2 + 2 * a * c1 * c2);
      const dy = Math.sqrt(2 + 2 * b);
      expect(res.outerWeights.X.x1).toBeCloseTo(c1 / dx, 12);
      expect(res.outerWeights.X.x2).toBeCloseTo(c2 / dx, 12);
      expect(res.outerWeights.Y.y1).toBeCloseTo(1 / dy, 12);
      expect(res.outerWeights.Y.y2).toBeCloseTo(1 / dy, 12);
      const path = (2 * (c1 * c1 + c2 * c2)) / (dx * dy);
      expect(res.paths[0].estimate).toBeCloseTo(path, 12);
      // loadings: λ_x1 = cor(x1, X) = (c1 + a c2)/dx; λ_y1 = (1 + b)/dy
      expect(res.loadings.X.x1).toBeCloseTo((c1 + a * c2) / dx, 12);
      expect(res.loadings.Y.y1).toBeCloseTo((1 + b) / dy, 12);
    }
  });

  it('a three-construct chain: total effect = product of paths, listed without a direct path', () => {
    const model: ModelSpec = {
      constructs: [
        { name: 'A', mode: 'A', items: ['a'] },
        { name: 'B', mode: 'A', items: ['b'] },
        { name: 'C', mode: 'A', items: ['c'] },
      ],
      paths: [
        { from: 'A', to: 'B' },
        { from: 'B', to: 'C' },
      ],
    };
    // Single items: path A→B = r_ab = 0.6, B→C = r_bc = 0.5; total A→C = 0.3, all indirect.
    const res = estimateFromMoments(momentsWithCorrelation(['a', 'b', 'c'], [1, 0.6, 0.2, 0.6, 1, 0.5, 0.2, 0.5, 1]), model);
    const ac = res.totalEffects.find((e) => e.from === 'A' && e.to === 'C')!;
    expect(ac.estimate).toBeCloseTo(0.3, 14);
    expect(res.indirectEffects).toEqual([{ from: 'A', to: 'C', estimate: ac.estimate }]);
    expect(res.directEffects.map((e) => `${e.from}${e.to}`)).toEqual(['AB', 'BC']);
  });
});

describe.skipIf(!HAS_SHARED)(`mode B against a plain OLS regression — ${HAS_SHARED ? 'mobi rows' : SKIP_MESSAGE}`, () => {
  it('mode-B weights = OLS coefficients of the outcome on the block, scaled; path = multiple R', () => {
    const survey = sharedSurvey('datasets/mobi.csv');
    const xs = ['PERQ1', 'PERQ2', 'PERQ5', 'IMAG1'];
    const model: ModelSpec = {
      constructs: [
        { name: 'X', mode: 'B', items: xs },
        { name: 'Y', mode: 'A', items: ['CUSA1'] },
      ],
      paths: [{ from: 'X', to: 'Y' }],
    };
    const res = estimate(survey, model, { tolerance: 1e-12 });
    // OLS by the normal equations on the standardized rows, computed here: (Z'Z) β = Z'y.
    const col = (name: string) => survey.items[survey.itemNames.indexOf(name)];
    const std = (v: Float64Array) => {
      const n = v.length;
      const mean = v.reduce((s, x) => s + x, 0) / n;
      const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
      return Array.from(v, (x) => (x - mean) / sd);
    };
    const Z = xs.map((x) => std(col(x)));
    const y = std(col('CUSA1'));
    const k = xs.length;
    const A = Z.map((zi) => Z.map((zj) => zi.reduce((s, v, r) => s + v * zj[r], 0)));
    const rhs = Z.map((zi) => zi.reduce((s, v, r) => s + v * y[r], 0));
    // Gaussian elimination
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const f = A[j][i] / A[i][i];
        for (let c = i; c < k; c++) A[j][c] -= f * A[i][c];
        rhs[j] -= f * rhs[i];
      }
    }
    const beta = new Array<number>(k).fill(0);
    for (let i = k - 1; i >= 0; i--) {
      let v = rhs[i];
      for (let c = i + 1; c < k; c++) v -= A[i][c] * beta[c];
      beta[i] = v / A[i][i];
    }
    const fitted = y.map((_, r) => Z.reduce((s, zi, i) => s + beta[i] * zi[r], 0));
    const sdFit = Math.sqrt(fitted.reduce((s, v) => s + v * v, 0) / (y.length - 1));
    xs.forEach((x, i) => expect(res.outerWeights.X[x]).toBeCloseTo(beta[i] / sdFit, 10));
    const multipleR = pearson(fitted, y);
    expect(res.paths[0].estimate).toBeCloseTo(multipleR, 10);
    expect(res.rSquared.Y.r2).toBeCloseTo(multipleR * multipleR, 10);
  });

  it('two single-item constructs on rows: path = Pearson r of the two columns', () => {
    const survey = sharedSurvey('datasets/mobi.csv');
    const model: ModelSpec = {
      constructs: [
        { name: 'X', mode: 'A', items: ['CUEX1'] },
        { name: 'Y', mode: 'A', items: ['CUSL2'] },
      ],
      paths: [{ from: 'X', to: 'Y' }],
    };
    const res = estimate(survey, model);
    const col = (name: string) => survey.items[survey.itemNames.indexOf(name)];
    expect(res.paths[0].estimate).toBeCloseTo(pearson(col('CUEX1'), col('CUSL2')), 13);
  });
});
