import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/index.js';
import { estimateFromMoments, leanEstimator } from '../../src/pls/index.js';
import { momentsFromSurvey, type MissingRule } from '../../src/stats/index.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';

/**
 * The lean per-resample form is the estimator itself, not a copy: on the same moments its p × p fit is bit for bit
 * the full estimator's (this replaces the old run-time equality check in the bootstrap).
 */
describe.skipIf(!HAS_SHARED)(`leanEstimator = estimateFromMoments's fit — ${HAS_SHARED ? 'mobi, corp_rep' : SKIP_MESSAGE}`, () => {
  const cases: [string, string, string][] = [
    ['mobi ECSI', 'datasets/mobi.csv', 'reference/mobi-ecsi.model'],
    ['corp_rep (missing values)', 'datasets/corp_rep_data.csv', 'reference/peer-fixtures/models/corp-rep-simple.model'],
    ['mobi mode B', 'datasets/mobi.csv', 'reference/peer-fixtures/models/mobi-quality-modeB.model'],
  ];
  for (const [name, data, modelFile] of cases) {
    for (const missing of ['mean', 'casewise', 'pairwise'] as MissingRule[]) {
      for (const scheme of ['path', 'factorial', 'centroid'] as const) {
        it(`${name}, ${missing}, ${scheme}`, () => {
          const survey = sharedSurvey(data);
          const model = parseModel(sharedText(modelFile));
          const lean = leanEstimator(model, { missing, scheme })!;
          const mo = momentsFromSurvey(survey, { items: lean.items, missing });
          const fit = lean.fit(mo);
          const full = estimateFromMoments(mo, model, { missing, scheme }).fit;
          expect(fit.itemNames).toEqual(full.itemNames);
          expect(fit.constructNames).toEqual(full.constructNames);
          for (const key of ['weights', 'crossLoadings', 'constructCorrelation', 'paths', 'rSquared', 'itemCorrelation'] as const) {
            expect(Array.from(fit[key]), key).toEqual(Array.from(full[key]));
          }
          expect([fit.iterations, fit.converged, fit.weightDiff, fit.n]).toEqual([full.iterations, full.converged, full.weightDiff, full.n]);
        });
      }
    }
  }

  it('fitShared = fit, resample after resample (mean, pairwise with missing values; mode B)', async () => {
    const { resampleCounts } = await import('../../src/inference/index.js');
    for (const [data, modelFile] of [
      ['datasets/corp_rep_data.csv', 'reference/peer-fixtures/models/corp-rep-simple.model'],
      ['datasets/mobi.csv', 'reference/peer-fixtures/models/mobi-quality-modeB.model'],
    ]) {
      const survey = sharedSurvey(data);
      const model = parseModel(sharedText(modelFile));
      for (const missing of ['mean', 'pairwise'] as MissingRule[]) {
        const lean = leanEstimator(model, { missing })!;
        for (let r = 0; r < 5; r++) {
          const counts = r === 0 ? null : resampleCounts(survey.n, 3, r);
          const mo = momentsFromSurvey(survey, { items: lean.items, missing, counts });
          const shared = lean.fitShared(mo);
          const fresh = lean.fit(mo);
          for (const key of ['weights', 'crossLoadings', 'constructCorrelation', 'paths', 'rSquared', 'itemCorrelation'] as const) {
            expect(Array.from(shared[key]), key).toEqual(Array.from(fresh[key]));
          }
          expect([shared.iterations, shared.converged, shared.weightDiff, shared.n, shared.warnings]).toEqual([fresh.iterations, fresh.converged, fresh.weightDiff, fresh.n, fresh.warnings]);
          expect([shared.itemNames, shared.constructNames, shared.blocks, shared.modes]).toEqual([fresh.itemNames, fresh.constructNames, fresh.blocks, fresh.modes]);
        }
      }
    }
  });

  it('declines what needs the full estimator: PLSc, higher-order constructs', () => {
    const model = parseModel(sharedText('reference/mobi-ecsi.model'));
    expect(leanEstimator(model, { consistent: true })).toBeNull();
    expect(leanEstimator(parseModel(sharedText('reference/peer-fixtures/models/mobi-hoc.model')))).toBeNull();
  });
});
