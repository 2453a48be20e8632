import { describe, expect, it } from 'vitest';
import { parseModel, type ModelSpec } from '../../src/model/index.js';
import { estimateFromMoments, fitPlan, fitPls, fitWithPlan, stageStructure, stageOneModel, stageTwoModel } from '../../src/pls/index.js';
import type { PlsFit } from '../../src/pls/index.js';
import { correlationFromMoments, momentsFromSurvey, type MissingRule } from '../../src/stats/index.js';
import { resampleCounts } from '../../src/inference/index.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';

/** Every number of a fit, bit for bit (toEqual on arrays of numbers compares with Object.is: −0 and NaN too). */
function expectSameFit(got: PlsFit, want: PlsFit): void {
  for (const key of ['weights', 'crossLoadings', 'constructCorrelation', 'paths', 'rSquared', 'itemCorrelation'] as const) {
    expect(Array.from(got[key]), key).toEqual(Array.from(want[key]));
  }
  expect([got.iterations, got.converged, got.weightDiff, got.n]).toEqual([want.iterations, want.converged, want.weightDiff, want.n]);
  expect([got.itemNames, got.constructNames, got.blocks, got.modes, got.warnings]).toEqual([want.itemNames, want.constructNames, want.blocks, want.modes, want.warnings]);
}

/**
 * One {@link fitPlan} reused over many correlation matrices (its workspace overwritten by every fit) gives, fit by
 * fit, exactly what a fresh `fitPls` gives: across inner schemes, mode A and B, missing rules, resampled moments and
 * both stages of a higher-order model, and after a fit that threw.
 */
describe.skipIf(!HAS_SHARED)(`fitPlan: a reused plan = fresh fits — ${HAS_SHARED ? 'mobi, corp_rep, mobi-hoc' : SKIP_MESSAGE}`, () => {
  const cases: [string, string, string][] = [
    ['mobi ECSI', 'datasets/mobi.csv', 'reference/mobi-ecsi.model'],
    ['mobi mode B', 'datasets/mobi.csv', 'reference/peer-fixtures/models/mobi-quality-modeB.model'],
    ['corp_rep (missing values)', 'datasets/corp_rep_data.csv', 'reference/peer-fixtures/models/corp-rep-simple.model'],
  ];
  for (const [name, data, modelFile] of cases) {
    for (const missing of ['mean', 'casewise', 'pairwise'] as MissingRule[]) {
      it(`${name}, ${missing}: 3 schemes × 6 resamples through one plan per scheme`, () => {
        const survey = sharedSurvey(data);
        const model = parseModel(sharedText(modelFile));
        const structure = stageStructure(stageTwoModel(model));
        for (const scheme of ['path', 'factorial', 'centroid'] as const) {
          const plan = fitPlan(structure);
          const options = { scheme, maxIterations: 300, tolerance: 1e-7 };
          for (let r = 0; r < 6; r++) {
            const counts = r === 0 ? null : resampleCounts(survey.n, 11, r);
            const mo = momentsFromSurvey(survey, { items: structure.itemNames, missing, counts });
            const corr = correlationFromMoments(mo, missing);
            expectSameFit(fitWithPlan(plan, corr.r, corr.n, options), fitPls({ ...structure, S: corr.r, n: corr.n }, options));
          }
        }
      });
    }
  }

  it('higher-order model: one plan per stage reproduces the estimator\'s stage-1 fit over resamples', () => {
    const survey = sharedSurvey('datasets/mobi.csv');
    const model: ModelSpec = parseModel(sharedText('reference/peer-fixtures/models/mobi-hoc.model'));
    const s1 = stageStructure(stageOneModel(model));
    const plan = fitPlan(s1);
    const options = { scheme: 'path' as const, maxIterations: 300, tolerance: 1e-7 };
    for (let r = 0; r < 4; r++) {
      const counts = r === 0 ? null : resampleCounts(survey.n, 5, r);
      const mo = momentsFromSurvey(survey, { items: s1.itemNames, counts });
      const corr = correlationFromMoments(mo, 'mean');
      const viaPlan = fitWithPlan(plan, corr.r, corr.n, options);
      expectSameFit(viaPlan, estimateFromMoments(mo, model).firstStage!);
    }
  });

  it('a fit that throws leaves the plan usable', () => {
    const survey = sharedSurvey('datasets/mobi.csv');
    const model = parseModel(sharedText('reference/peer-fixtures/models/mobi-quality-modeB.model'));
    const structure = stageStructure(stageTwoModel(model));
    const plan = fitPlan(structure);
    const options = { scheme: 'path' as const, maxIterations: 300, tolerance: 1e-7 };
    const corr = correlationFromMoments(momentsFromSurvey(survey, { items: structure.itemNames }), 'mean');
    const p = structure.itemNames.length;
    const bad = Float64Array.from(corr.r);
    const modeB = structure.modes.indexOf('B');
    const [i, j] = structure.blocks[modeB];
    for (let k = 0; k < p; k++) {
      bad[j * p + k] = bad[i * p + k];
      bad[k * p + j] = bad[k * p + i];
    }
    bad[j * p + j] = 1;
    expect(() => fitWithPlan(plan, bad, corr.n, options)).toThrow(/collinear/);
    expectSameFit(fitWithPlan(plan, corr.r, corr.n, options), fitPls({ ...structure, S: corr.r, n: corr.n }, options));
  });

  it('rejects what fitPls rejects: an item in two blocks, a construct in no path', () => {
    const base = { itemNames: ['a', 'b', 'c'], constructNames: ['X', 'Y'], modes: ['A', 'A'] as ('A' | 'B')[] };
    expect(() => fitPlan({ ...base, blocks: [[0, 1], [1, 2]], adjacency: Uint8Array.of(0, 1, 0, 0) })).toThrow(/two blocks/);
    expect(() => fitPlan({ ...base, blocks: [[0, 1], [2]], adjacency: new Uint8Array(4) })).toThrow(/no structural path/);
  });
});
