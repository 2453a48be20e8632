import { describe, expect, it } from 'vitest';
import { surveyColumns } from '../../src/stats/surveyColumns.js';
import { momentsFromSurvey } from '../../src/stats/momentsFromSurvey.js';
import { surveyOf } from '../helpers/csvSurvey.js';

describe('surveyColumns', () => {
  const a = Float64Array.of(1, 2);
  const b = Float64Array.of(3, 4);
  const age = Float64Array.of(30, 40);
  const survey = { ...surveyOf(['a', 'b'], [a, b]), numeric: [{ name: 'age', values: age }] };

  it('returns item columns, then numeric columns, in the order asked (the arrays themselves)', () => {
    const cols = surveyColumns(survey, ['b', 'age', 'a']);
    expect(cols[0]).toBe(b);
    expect(cols[1]).toBe(age);
    expect(cols[2]).toBe(a);
  });

  it('an unknown name is a MISSING_COLUMN naming it (also through momentsFromSurvey)', () => {
    const missing = expect.objectContaining({ code: 'MISSING_COLUMN', column: 'nope' });
    expect(() => surveyColumns(survey, ['a', 'nope'])).toThrow(missing);
    expect(() => momentsFromSurvey(survey, { items: ['nope'] })).toThrow(missing);
  });
});
