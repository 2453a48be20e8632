import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/parse.js';
import { estimate } from '../../src/inference/estimate.js';
import { estimateFromMoments } from '../../src/pls/estimateFromMoments.js';
import { momentsFromSurvey } from '../../src/stats/momentsFromSurvey.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';
import { maxDiffNested } from '../helpers/moments.js';

/** seminr 2.3.1 on mobi, ECSI model (../shared/reference/mobi-ecsi.json), read at run time. */
describe.skipIf(!HAS_SHARED)(`parity with seminr 2.3.1, ECSI on mobi — ${HAS_SHARED ? 'mobi-ecsi.json' : SKIP_MESSAGE}`, () => {
  const ref = HAS_SHARED ? JSON.parse(sharedText('reference/mobi-ecsi.json')) : null;
  const survey = HAS_SHARED ? sharedSurvey('datasets/mobi.csv') : null;
  const model = HAS_SHARED ? parseModel(sharedText('reference/mobi-ecsi.model')) : null;
  const res = HAS_SHARED ? estimate(survey!, model!, { scores: true }) : null;
  const TOL = 1e-6;

  it('converges at seminr’s iteration count', () => {
    expect(res!.converged).toBe(true);
    expect(res!.iterations).toBe(ref.iterations);
    expect(res!.n).toBe(ref.meta.n_used);
    expect(Math.abs(res!.weightDiff - ref.weight_diff_at_stop)).toBeLessThan(1e-12);
  });

  it('every outer weight and loading within 1e-6', () => {
    const single = (o: Record<string, Record<string, number>>) => o; // items keyed by name already
    expect(maxDiffNested(res!.outerWeights, single(ref.outer_weights))).toBeLessThan(TOL);
    expect(maxDiffNested(res!.loadings, ref.outer_loadings)).toBeLessThan(TOL);
    expect(Object.keys(ref.outer_weights).length).toBe(7);
  });

  it('every path, R², adjusted R² and total effect within 1e-6', () => {
    for (const p of ref.paths) {
      const got = res!.paths.find((q) => q.from === p.from && q.to === p.to);
      expect(Math.abs(got!.estimate - p.coef)).toBeLessThan(TOL);
    }
    expect(res!.paths.length).toBe(ref.paths.length);
    for (const [c, v] of Object.entries(ref.r_squared) as [string, { r2: number; adj_r2: number }][]) {
      expect(Math.abs(res!.rSquared[c].r2 - v.r2)).toBeLessThan(TOL);
      expect(Math.abs(res!.rSquared[c].adjR2 - v.adj_r2)).toBeLessThan(TOL);
    }
    for (const t of ref.total_effects) {
      const got = res!.totalEffects.find((q) => q.from === t.from && q.to === t.to);
      expect(Math.abs(got!.estimate - t.effect)).toBeLessThan(TOL);
    }
    expect(res!.totalEffects.length).toBe(ref.total_effects.length);
    for (const t of ref.total_indirect_effects) {
      const got = res!.indirectEffects.find((q) => q.from === t.from && q.to === t.to);
      expect(Math.abs((got?.estimate ?? 0) - t.effect)).toBeLessThan(TOL);
    }
  });

  it('construct correlations and the first construct scores within 1e-6', () => {
    expect(maxDiffNested(res!.constructCorrelations, ref.construct_score_correlations)).toBeLessThan(TOL);
    ref.construct_scores_first5.forEach((row: Record<string, number>, r: number) => {
      for (const [c, v] of Object.entries(row)) expect(Math.abs(res!.scores![c][r] - v)).toBeLessThan(TOL);
    });
  });

  it('reliability and HTMT (from assessQuality) within 1e-6', () => {
    const q = res!.quality!;
    for (const [c, v] of Object.entries(ref.reliability) as [string, Record<string, number>][]) {
      expect(Math.abs(q.reliability[c].alpha - v.alpha)).toBeLessThan(TOL);
      expect(Math.abs(q.reliability[c].rhoC - v.rhoC)).toBeLessThan(TOL);
      expect(Math.abs(q.reliability[c].rhoA - v.rhoA)).toBeLessThan(TOL);
      expect(Math.abs(q.reliability[c].ave - v.AVE)).toBeLessThan(TOL);
    }
    for (const h of ref.htmt) {
      const got = q.htmt.find((x) => (x.a === h.a && x.b === h.b) || (x.a === h.b && x.b === h.a));
      expect(Math.abs(got!.value - h.htmt)).toBeLessThan(TOL);
    }
  });

  it('f² (re-estimation without each path, as seminr) within 1e-6 when asked', () => {
    const withF2 = estimate(survey!, model!, { fSquared: true });
    for (const f of ref.f_squared) {
      const got = withF2.quality!.fSquared!.find((x) => x.from === f.from && x.to === f.to);
      expect(Math.abs(got!.value - f.f2)).toBeLessThan(TOL);
    }
  });

  it('estimate = momentsFromSurvey + estimateFromMoments (one estimator)', () => {
    const mo = momentsFromSurvey(survey!, { items: survey!.itemNames });
    const viaMoments = estimateFromMoments(mo, model!);
    expect(viaMoments.outerWeights).toEqual(res!.outerWeights);
    expect(viaMoments.paths).toEqual(res!.paths);
  });
});
