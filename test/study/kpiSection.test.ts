import { describe, expect, it } from 'vitest';
import { kpiSection, kpiSectionBySegment, kpiSectionByWave } from '../../src/study/index.js';
import { surveyOf } from '../helpers/csvSurvey.js';

const f = (...x: number[]) => Float64Array.from(x);

function survey() {
  const s = surveyOf(['P1', 'P2', 'E1', 'NPS'], [f(10, 9, 5, 1), f(10, 9, 6, 2), f(9, 9, 9, 9), f(10, 9, 2, 7)]);
  s.codebook = {
    items: [
      { id: 'P1', scale: { min: 1, max: 10 } },
      { id: 'P2', scale: { min: 1, max: 10 } },
      { id: 'E1', scale: { min: 1, max: 10 }, expectationOf: 'P1' },
      { id: 'NPS', scale: { min: 0, max: 10 } },
    ],
    kpis: [{ kind: 'nps', column: 'NPS' }],
  };
  s.segments = [{ name: 'wave', levels: ['Q1', 'Q2'], codes: Int32Array.from([0, 0, 1, 1]) }];
  return s;
}
const index = { indexWeights: { P: { P1: 1, P2: 1 }, E: { E1: 1 } } };

describe('kpiSection', () => {
  it('kpis from the codebook, construct and item gaps, item and construct distribution', () => {
    const r = kpiSection(survey(), { gaps: [{ perceived: 'P', expected: 'E' }], distribution: true }, index);
    expect(Object.keys(r.kpis!)).toEqual(['nps']);
    // P index per respondent: 100·((P1 + P2)/2 − 1)/9 = 100, 88.9, 50, 5.6; E: 100·8/9 = 88.9 each
    expect(r.gaps![0].mean).toBeCloseTo((100 + (100 * 8) / 9 + 50 + (100 * 0.5) / 9) / 4 - (100 * 8) / 9, 10);
    expect(r.gaps![0].shareBelow).toBe(0.5); // 88.9 vs 88.9 (computed two ways) is a tie, not below
    expect(r.gapItems![0]).toMatchObject({ perceived: 'P1', expected: 'E1' });
    expect(r.distribution!.P.cuts[0]).toBeCloseTo((100 * 8) / 9, 12);
    expect(r.distribution!.P.shares).toEqual([0.5, 0, 0.25, 0.25]); // 100 and 88.9 very satisfied; 50 neutral; 5.6
    expect(r.distribution!.NPS.cuts).toEqual([9, 7, 5]);
  });

  it('per segment level and per wave', () => {
    const seg = kpiSectionBySegment(survey(), {}, index, 'wave');
    expect(seg.Q1.n).toBe(2);
    expect(seg.Q1.kpis!.nps.estimate).toBe(100);
    expect(seg.Q2.gaps![0].n).toBe(2);
    const w = kpiSectionByWave(survey(), {}, 'wave');
    // Q1 NPS: 10, 9 → 100; Q2: 2 (detractor), 7 (passive) → −50
    expect(w.changes).toEqual([expect.objectContaining({ measure: 'nps', from: 'Q1', to: 'Q2', diff: -150 })]);
  });
});
