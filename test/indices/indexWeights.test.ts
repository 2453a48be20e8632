import { describe, expect, it } from 'vitest';
import { constructIndices, itemScales } from '../../src/indices/index.js';
import { parseModel } from '../../src/model/parse.js';
import { estimate } from '../../src/pls/estimate.js';
import { momentsFromSurvey } from '../../src/stats/momentsFromSurvey.js';
import { surveyOf } from '../helpers/csvSurvey.js';

describe('explicit index weights naming no construct', () => {
  it('are refused (a misspelt construct does not silently fall back to pls)', () => {
    const s = surveyOf(['a', 'b', 'y'], [Float64Array.from([1, 2, 3, 4, 5]), Float64Array.from([2, 2, 4, 5, 4]), Float64Array.from([1, 3, 2, 5, 4])]);
    const model = parseModel('X =~ a + b\nY =~ y\nY ~ X');
    const res = estimate(s, model);
    const scales = itemScales(['a', 'b', 'y'], { scale: [1, 5] });
    expect(() => constructIndices(res, momentsFromSurvey(s), { model, scales, weights: { Xx: { a: 1, b: 1 } } })).toThrow(/Xx/);
    expect(constructIndices(res, momentsFromSurvey(s), { model, scales, weights: { X: { a: 1, b: 1 } } }).indexWeights.X.a).toBeCloseTo(0.5, 12);
  });
});
