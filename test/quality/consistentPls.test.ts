/**
 * PLSc on hand-derived cases: two parallel 2-item common factors with loadings λ_a, λ_b and factor correlation φ
 * (item correlations λ_a², λ_b² within blocks and λ_a λ_b φ across). Equal weights w = 1/sqrt(2(1 + λ²)) are the
 * mode-A solution. On paper: ρ_A = 2λ²/(1 + λ²); the composite correlation is 2λ_aλ_bφ/sqrt((1+λ_a²)(1+λ_b²));
 * dividing by sqrt(ρ_A,a ρ_A,b) gives back φ; the corrected loadings w·sqrt(ρ_A)/(w'w) give back λ.
 */
import { describe, expect, it } from 'vitest';
import { consistentPls } from '../../src/quality/index.js';
import { fitFromCorrelation } from './fitFromWeights.js';

function parallel(la: number, lb: number, phi: number): Float64Array {
  const a = la * la;
  const b = lb * lb;
  const c = la * lb * phi;
  return new Float64Array([1, a, c, c, a, 1, c, c, c, c, 1, b, c, c, b, 1]);
}
const model = {
  constructs: [
    { name: 'A', items: ['a1', 'a2'] },
    { name: 'B', items: ['b1', 'b2'] },
  ],
  paths: [{ from: 'A', to: 'B' }],
};

describe('consistentPls', () => {
  it('recovers the factor correlation, the path, R² and the loadings of a parallel two-factor model', () => {
    const [la, lb, phi] = [0.7, 0.8, 0.5];
    const fit = fitFromCorrelation(model, parallel(la, lb, phi), () => 1, 200);
    const c = consistentPls(fit);
    expect(c.admissible).toBe(true);
    expect(c.warnings).toEqual([]);
    expect(c.commonFactors).toEqual(['A', 'B']);
    expect(c.rhoA.A).toBeCloseTo((2 * la * la) / (1 + la * la), 14);
    expect(c.rhoA.B).toBeCloseTo((2 * lb * lb) / (1 + lb * lb), 14);
    expect(c.constructCorrelation[1]).toBeCloseTo(phi, 14);
    expect(c.paths[0 * 2 + 1]).toBeCloseTo(phi, 14);
    expect(c.rSquared[1]).toBeCloseTo(phi * phi, 14);
    expect(Number.isNaN(c.rSquared[0])).toBe(true);
    // adjusted R² = 1 − (1 − R²)(n − 1)/(n − 2) with n = 200, one predictor
    expect(c.adjustedRSquared[1]).toBeCloseTo(1 - ((1 - phi * phi) * 199) / 198, 14);
    // loadings (p × m, in-block)
    expect([c.loadings[0], c.loadings[2], c.loadings[5], c.loadings[7]].map((x) => Number(x.toFixed(12)))).toEqual([la, la, lb, lb]);
    expect(c.loadings[1]).toBe(0);
  });

  it('mixed model: by default (seminr 2.3.1 quirk) a mode-A composite is disattenuated too; with disattenuateComposites: false only the common factor is', () => {
    const [la, lb, phi] = [0.7, 0.8, 0.5];
    const ra = la * la;
    const rb = lb * lb;
    const fit = fitFromCorrelation(model, parallel(la, lb, phi), () => 1, 200);
    const quirk = consistentPls(fit, { commonFactors: ['A'] });
    expect(quirk.commonFactors).toEqual(['A']);
    expect(quirk.paths[1]).toBeCloseTo(phi, 14);
    // B keeps its PLS loadings sqrt((1 + r_b)/2)
    expect(quirk.loadings[2 * 2 + 1]).toBeCloseTo(Math.sqrt((1 + rb) / 2), 14);
    const cs = consistentPls(fit, { commonFactors: ['A'], disattenuateComposites: false });
    expect(cs.rhoA.B).toBe(1);
    // r_AB / sqrt(ρ_A,a) = [2c/sqrt((1+r_a)(1+r_b))] · sqrt((1+r_a)/(2 r_a)) = 2c / sqrt(2 r_a (1 + r_b))
    expect(cs.paths[1]).toBeCloseTo((2 * la * lb * phi) / Math.sqrt(2 * ra * (1 + rb)), 14);
  });

  it('mode-B constructs are never corrected (ρ_A = 1) even when listed as common factors', () => {
    const fit = fitFromCorrelation(
      { ...model, constructs: [model.constructs[0], { ...model.constructs[1], mode: 'B' as const }] },
      parallel(0.7, 0.8, 0.5),
      () => 1,
      200,
    );
    const c = consistentPls(fit, { commonFactors: ['A', 'B'] });
    expect(c.commonFactors).toEqual(['A']);
    expect(c.rhoA.B).toBe(1);
  });

  it('ρ_A ≤ 0 gives INADMISSIBLE and NaN, never a throw', () => {
    // block A's items correlate −0.3: ρ_A = 2r/(1+r) < 0 with equal weights
    const s = new Float64Array([1, -0.3, 0.2, 0.2, -0.3, 1, 0.2, 0.2, 0.2, 0.2, 1, 0.5, 0.2, 0.2, 0.5, 1]);
    const fit = fitFromCorrelation(model, s, () => 1, 100);
    const c = consistentPls(fit);
    expect(c.admissible).toBe(false);
    expect(c.warnings.some((w) => w.code === 'INADMISSIBLE' && w.construct === 'A')).toBe(true);
    expect(Number.isNaN(c.paths[1])).toBe(true);
  });

  it('a corrected correlation above 1 gives INADMISSIBLE (within 0.1, across 0.3: r̃ = 0.3/0.1 = 3)', () => {
    const s = new Float64Array([1, 0.1, 0.3, 0.3, 0.1, 1, 0.3, 0.3, 0.3, 0.3, 1, 0.1, 0.3, 0.3, 0.1, 1]);
    const fit = fitFromCorrelation(model, s, () => 1, 100);
    const c = consistentPls(fit);
    expect(c.constructCorrelation[1]).toBeCloseTo(3, 12);
    expect(c.admissible).toBe(false);
    expect(c.warnings.map((w) => w.code)).toContain('INADMISSIBLE');
    expect(c.warnings.some((w) => /not positive definite/.test(w.message))).toBe(true);
  });

  it('single-item constructs keep ρ_A = 1 and their loading', () => {
    const s = new Float64Array([1, 0.49, 0.3, 0.49, 1, 0.3, 0.3, 0.3, 1]);
    const fit = fitFromCorrelation({ constructs: [{ name: 'A', items: ['a1', 'a2'] }, { name: 'C', items: ['c'] }], paths: [{ from: 'A', to: 'C' }] }, s, () => 1, 100);
    const c = consistentPls(fit);
    expect(c.rhoA.C).toBe(1);
    expect(c.loadings[2 * 2 + 1]).toBeCloseTo(1, 14);
    // r(A, C) = 0.6/sqrt(2·1.49); ρ_A = 0.98/1.49 → r̃ = 0.6/sqrt(2·1.49) / sqrt(0.98/1.49) = 0.6/sqrt(1.96) = 0.3/0.7
    expect(c.paths[1]).toBeCloseTo(0.3 / 0.7, 14);
  });
});
