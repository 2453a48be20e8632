/**
 * bootstrapFromReplicates: summaries of replicate moments (as an engine computes them) are the in-memory bootstrap's.
 * Fed the moments of exactly the resamples `bootstrap` draws (same seed: planCounts), it must return the same result
 * (every entry's estimate, mean, SE, t, p, pT, percentile and BC interval; nboot, requested, seed) within 1e-10 —
 * so the engine path differs from the in-memory one only in how replicates are drawn (Poisson vs multinomial).
 */
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/index.js';
import { bootstrap, bootstrapFromReplicates } from '../../src/inference/index.js';
import { makePlan, planCounts } from '../../src/inference/engine.js';
import { momentsFromSurvey } from '../../src/stats/index.js';
import { SMALL_MODEL, smallSurvey, surveyOf } from './helpers.js';

const model = parseModel(SMALL_MODEL);

function entriesOf(b: Awaited<ReturnType<typeof bootstrap>>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const g of ['outerWeights', 'loadings', 'paths', 'totalEffects', 'rSquared', 'htmt'] as const) {
    for (const e of b[g]) out[`${g} ${e.name}`] = [e.estimate, e.mean, e.se, e.t, e.p, e.pT, e.lower, e.upper, ...e.percentile, ...e.bc];
  }
  return out;
}

describe('bootstrapFromReplicates', () => {
  const { names, columns } = smallSurvey(300, 5);
  const weights = Float64Array.from({ length: 300 }, (_, i) => 1 + (i % 3));
  const survey = surveyOf(names, columns, weights);

  it('on the in-memory resamples equals the in-memory bootstrap (percentile and BC)', async () => {
    for (const ci of ['percentile', 'bc'] as const) {
      const want = await bootstrap(survey, model, { resamples: 120, seed: 77, ci });
      const plan = makePlan(survey.n, { resamples: 120, seed: 77 });
      const reps = Array.from({ length: 120 }, (_, r) => momentsFromSurvey(survey, { items: names, counts: planCounts(plan, r) }));
      const got = bootstrapFromReplicates(momentsFromSurvey(survey, { items: names }), reps, model, { seed: 77, ci });
      expect(got.nboot).toBe(want.nboot);
      expect(got.requested).toBe(120);
      expect(got.seed).toBe(77);
      expect(got.ci).toBe(ci);
      const a = entriesOf(got);
      const b = entriesOf(want);
      expect(Object.keys(a)).toEqual(Object.keys(b));
      let worst = 0;
      for (const key of Object.keys(b)) b[key].forEach((v, i) => (worst = Math.max(worst, Math.abs(v - a[key][i]))));
      expect(worst).toBeLessThan(1e-10);
      expect(Object.keys(b).length).toBe(27); // 8 weights, 8 loadings, 3 paths, 3 total effects, 2 R², 3 HTMT
    }
  });

  it('refuses BCa and an empty list; drops an empty replicate by reason', () => {
    const full = momentsFromSurvey(survey, { items: names });
    expect(() => bootstrapFromReplicates(full, [full, full], model, { ci: 'bca' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => bootstrapFromReplicates(full, [], model)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    const empty = momentsFromSurvey(survey, { items: names, counts: new Float64Array(300) });
    const res = bootstrapFromReplicates(full, [full, empty, full], model, { seed: 1 });
    expect(res.nboot).toBe(2);
    expect(res.dropped.count).toBe(1);
    expect(res.dropped.reasons[0]).toMatchObject({ reason: 'EMPTY', resamples: [2] });
  });
});
