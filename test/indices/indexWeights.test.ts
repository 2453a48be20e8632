import { describe, expect, it } from 'vitest';
import { constructIndices, indexScales } from '../../src/indices/index.js';
import { parseModel } from '../../src/model/parse.js';
import { estimate } from '../../src/inference/estimate.js';
import { momentsFromSurvey } from '../../src/stats/momentsFromSurvey.js';
import { surveyOf } from '../helpers/csvSurvey.js';

describe('explicit index weights naming no construct', () => {
  it('are refused (a misspelt construct does not silently fall back to pls)', () => {
    const s = surveyOf(['a', 'b', 'y'], [Float64Array.from([1, 2, 3, 4, 5]), Float64Array.from([2, 2, 4, 5, 4]), Float64Array.from([1, 3, 2, 5, 4])]);
    const model = parseModel('X =~ a + b\nY =~ y\nY ~ X');
    const res = estimate(s, model);
    const scales = indexScales(['a', 'b', 'y'], { scale: [1, 5] });
    expect(() => constructIndices(res, momentsFromSurvey(s), { model, scales, weights: { Xx: { a: 1, b: 1 } } })).toThrow(/Xx/);
    expect(constructIndices(res, momentsFromSurvey(s), { model, scales, weights: { X: { a: 1, b: 1 } } }).indexWeights.X.a).toBeCloseTo(0.5, 12);
  });
});

describe('equal index weights on items with different ranges', () => {
  it('weigh the items’ 0-100 scores equally (as the hierarchy’s equal weights do)', async () => {
    const { rollUpHierarchy } = await import('../../src/indices/index.js');
    const a = Float64Array.from([1, 2, 3, 4, 5, 3]);
    const b = Float64Array.from([2, 4, 7, 8, 10, 6]);
    const y = Float64Array.from([1, 3, 2, 5, 4, 4]);
    const s = surveyOf(['a', 'b', 'y'], [a, b, y]);
    const model = parseModel('X =~ a + b\nY =~ y\nY ~ X');
    const res = estimate(s, model);
    const scales = { a: [1, 5], b: [1, 10], y: [1, 5] } as Record<string, [number, number]>;
    const ci = constructIndices(res, momentsFromSurvey(s), { model, scales, weights: 'equal' });
    const mean = (v: Float64Array) => v.reduce((p, q) => p + q, 0) / v.length;
    const byHand = ((100 * (mean(a) - 1)) / 4 + (100 * (mean(b) - 1)) / 9) / 2;
    expect(ci.indices.X.mean).toBeCloseTo(byHand, 10);
    const { root } = rollUpHierarchy(res, ci, { model, scales, spec: { target: 'Y', levels: { '2': 'equal', '4': 'equal' } } });
    expect(root.children.find((c) => c.name === 'X')!.index.mean).toBeCloseTo(ci.indices.X.mean!, 10);
  });
});
