import { describe, expect, it } from 'vitest';
import { constructIndices, indexScores, indexScales, studentTQuantile } from '../../src/indices/index.js';
import { parseModel } from '../../src/model/parse.js';
import { estimate } from '../../src/inference/estimate.js';
import { momentsFromSurvey } from '../../src/stats/momentsFromSurvey.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';

/** seminr 2.3.1 + the recipe in mobi-ecsi.json `acsi_index.method` (read at run time from ../shared). */
describe.skipIf(!HAS_SHARED)(`ACSI indices on mobi — ${HAS_SHARED ? 'mobi-ecsi.json acsi_index' : SKIP_MESSAGE}`, () => {
  const ref = HAS_SHARED ? JSON.parse(sharedText('reference/mobi-ecsi.json')).acsi_index : null;
  const survey = HAS_SHARED ? sharedSurvey('datasets/mobi.csv') : null;
  const model = HAS_SHARED ? parseModel(sharedText('reference/mobi-ecsi.model')) : null;
  const res = HAS_SHARED ? estimate(survey!, model!) : null;
  const moments = HAS_SHARED ? momentsFromSurvey(survey!, { items: survey!.itemNames }) : null;
  const scales = HAS_SHARED ? indexScales(survey!.itemNames, { scale: [ref.scale_min, ref.scale_max] }) : {};
  const out = HAS_SHARED ? constructIndices(res!, moments!, { model: model!, scales }) : null;

  it('mean index of every construct within 1e-6', () => {
    let maxDiff = 0;
    for (const [c, v] of Object.entries(ref.mean_index) as [string, number][]) maxDiff = Math.max(maxDiff, Math.abs(out!.indices[c].mean! - v));
    expect(Object.keys(out!.indices).sort()).toEqual(Object.keys(ref.mean_index).sort());
    expect(maxDiff).toBeLessThan(1e-6);
    console.log(`[indices] mobi acsi_index mean index: ${Object.keys(ref.mean_index).length} constructs, max |diff| ${maxDiff.toExponential(2)}`);
  });

  it('normalised weights and index SDs within 1e-6', () => {
    // Every construct of mean_index has a detail entry with weights and an SD: the loop cannot pass by being empty.
    expect(Object.keys(ref.detail).sort()).toEqual(Object.keys(ref.mean_index).sort());
    for (const [c, d] of Object.entries(ref.detail) as [string, { weights_normalised: Record<string, number>; sd_index: number }][]) {
      expect(Object.keys(d.weights_normalised).sort(), c).toEqual(Object.keys(out!.indexWeights[c]).sort());
      for (const [k, w] of Object.entries(d.weights_normalised)) expect(Math.abs(out!.indexWeights[c][k] - w)).toBeLessThan(1e-6);
      expect(d.sd_index, `${c} sd_index`).toBeTypeOf('number');
      expect(Math.abs(out!.indices[c].sd! - d.sd_index)).toBeLessThan(1e-6);
    }
  });

  it('first five per-respondent indices within 1e-6', () => {
    const cols = Object.fromEntries(survey!.itemNames.map((k, i) => [k, survey!.items[i]]));
    const scores = indexScores(out!.forms, cols, out!.itemMoments, 'mean');
    for (const [c, d] of Object.entries(ref.detail) as [string, { first5_index: number[] }][]) {
      d.first5_index.forEach((v, r) => expect(Math.abs(scores[c][r] - v)).toBeLessThan(1e-6));
      // The mean of the per-respondent indices is the moment-based mean index.
      const mean = scores[c].reduce((a, b) => a + b, 0) / scores[c].length;
      expect(Math.abs(mean - out!.indices[c].mean!)).toBeLessThan(1e-9);
    }
  });

  it('SE and t interval: sd/√n and qt(0.975, n − 1)', () => {
    const s = out!.indices.Satisfaction;
    expect(s.se).toBeCloseTo(s.sd! / Math.sqrt(250), 12);
    // R: qt(0.975, 249) = 1.969537
    expect((s.upper! - s.mean!) / s.se!).toBeCloseTo(1.969537, 6);
  });
});

describe('studentTQuantile', () => {
  it('matches R qt', () => {
    // R 4.x: qt(0.975, c(1, 10, 249)) = 12.706205, 2.228139, 1.969537
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706205, 5);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 6);
    expect(studentTQuantile(0.975, 249)).toBeCloseTo(1.969537, 6);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228139, 6);
  });
});
