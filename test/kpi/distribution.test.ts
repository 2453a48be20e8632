import { describe, expect, it } from 'vitest';
import { defaultDistributionCuts, distributionFromSurvey, satisfactionDistribution } from '../../src/kpi/index.js';
import { surveyOf } from '../helpers/csvSurvey.js';

const f = (...x: number[]) => Float64Array.from(x);

describe('satisfaction distribution table', () => {
  it('default cuts per scale length (README)', () => {
    expect(defaultDistributionCuts([1, 5])).toEqual([5, 4, 3]);
    expect(defaultDistributionCuts([1, 7])).toEqual([6, 5, 4]);
    expect(defaultDistributionCuts([1, 10])).toEqual([9, 7, 5]);
    expect(defaultDistributionCuts([0, 10])).toEqual([9, 7, 5]);
    expect(defaultDistributionCuts([0, 100])).toEqual([80, 60, 40]);
  });

  it('shares per category, top down, summing to 1 over the answers', () => {
    // 1-10, cuts 9/7/5: 10, 9 very satisfied; 8, 7 satisfied; 6, 5 neutral; 4, 1 needs improvement
    const r = satisfactionDistribution(f(10, 9, 8, 7, 6, 5, 4, 1, NaN), { scale: [1, 10] });
    expect(r.categories).toEqual(['very satisfied', 'satisfied', 'neutral', 'needs improvement']);
    expect(r.cuts).toEqual([9, 7, 5]);
    expect(r.shares).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(r.n).toBe(8);
  });

  it('weighted shares and settable cuts', () => {
    const r = satisfactionDistribution(f(5, 4, 1), { scale: [1, 5], weights: f(2, 1, 1), cuts: [5, 3, 2] });
    expect(r.shares).toEqual([0.5, 0.25, 0, 0.25]);
    expect(() => satisfactionDistribution(f(1), { scale: [1, 5], cuts: [3, 4, 2] })).toThrow(/decreasing/);
    expect(() => satisfactionDistribution(f(1), { scale: [1, 5], cuts: [9, 4, 2] })).toThrow(/1-5/);
  });

  it('survey items on their scales; constructs on 0-100 with the items\u2019 cuts mapped', () => {
    const s = surveyOf(['A'], [f(5, 4, 3, 1)]);
    s.codebook = { items: [{ id: 'A', scale: { min: 1, max: 5 } }] };
    // construct scores: a respondent answering 9 on every 1-10 item has 100·8/9: "very satisfied" like the item
    const scores = f((100 * 8) / 9, (100 * 6) / 9, 50, 0);
    const d = distributionFromSurvey(s, { constructs: { C: { scores, itemScale: [1, 10] } } });
    expect(d.A.shares).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(d.C.cuts[0]).toBeCloseTo((100 * 8) / 9, 12);
    expect(d.C.shares).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(distributionFromSurvey(s, { cuts: { '1-5': [5, 3, 2] } }).A.cuts).toEqual([5, 3, 2]);
  });
});
