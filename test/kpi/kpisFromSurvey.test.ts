import { describe, expect, it } from 'vitest';
import type { Survey } from '../../src/data/survey.js';
import { CsiError } from '../../src/errors.js';
import { csatFromColumn, kpisByLevel, kpisFromSurvey, surveyWilsonInterval, weightedMeanLinearized } from '../../src/kpi/index.js';
import { surveyOf } from '../helpers/csvSurvey.js';

const f = (...x: number[]) => Float64Array.from(x);

function telecomLike(weights: Float64Array | null = null): Survey {
  const s = surveyOf(['SAT', 'NPS'], [f(5, 4, 2, 5, NaN, 1), f(10, 9, 3, 7, 8, NaN)], weights);
  s.codebook = { items: [{ id: 'SAT', scale: { min: 1, max: 5 } }, { id: 'NPS', scale: { min: 0, max: 10 } }], segments: [{ id: 'line', levels: [{ value: 'b' }, { value: 'a' }] }] };
  s.segments = [{ name: 'line', levels: ['a', 'b'], codes: Int32Array.from([0, 1, 0, 1, 0, -1]) }];
  s.numeric = [{ name: 'wait', values: f(10, 20, 90, NaN, 40, 61) }];
  return s;
}

describe('kpisFromSurvey', () => {
  it('reads items with their codebook scale, numeric columns, and keys by kind', () => {
    const k = kpisFromSurvey(telecomLike(), [{ kind: 'csat', column: 'SAT' }, { kind: 'nps', column: 'NPS' }, { kind: 'time', column: 'wait', threshold: 60 }]);
    expect(Object.keys(k)).toEqual(['csat', 'nps', 'time']);
    expect(k.csat).toMatchObject({ n: 5, estimate: 3 / 5, box: [4, 5] }); // 5, 4, 5 of 5 answers
    expect(k.nps).toMatchObject({ n: 5, estimate: 100 * (2 / 5 - 1 / 5) }); // promoters 10, 9; detractor 3
    expect(k.time).toMatchObject({ n: 5, share: 3 / 5, median: 40 });
  });

  it('uses the survey weights: design-based Wilson, Kish n_eff', () => {
    const w = f(1, 2, 1, 3, 1, 2);
    const k = kpisFromSurvey(telecomLike(w), [{ kind: 'csat', column: 'SAT' }]).csat;
    const y = f(1, 1, 0, 1, NaN, 0);
    const m = weightedMeanLinearized(y, w);
    const ci = surveyWilsonInterval(m.mean, m.variance, 4);
    expect(k.estimate).toBeCloseTo(6 / 9, 14); // weights of 5, 4, 5: 1 + 2 + 3 of 1 + 2 + 1 + 3 + 2
    expect(k.lower).toBeCloseTo(ci.lower, 14);
    expect(k.nEff).toBeCloseTo(81 / 19, 12); // (Σw)²/Σw² over the 5 answered rows: 9²/(1+4+1+9+4)
    expect(k.method).toBe('wilson-design');
    expect(csatFromColumn(f(5, 4), { scale: [1, 5] }).method).toBe('wilson');
  });

  it('per level, in the codebook order', () => {
    const by = kpisByLevel(telecomLike(), [{ kind: 'nps', column: 'NPS' }], 'line');
    expect(by.order).toEqual(['b', 'a']);
    expect(by.levels.a.n).toBe(3);
    expect(by.levels.b.kpis.nps.n).toBe(2);
  });

  it('names the missing column', () => {
    let e: CsiError | undefined;
    try {
      kpisFromSurvey(telecomLike(), [{ kind: 'nps', column: 'nope' }]);
    } catch (x) {
      e = x as CsiError;
    }
    expect(e?.code).toBe('MISSING_COLUMN');
    expect(e?.column).toBe('nope');
  });
});
