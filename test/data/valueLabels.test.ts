import { describe, expect, it } from 'vitest';
import type { Codebook } from '../../src/data/codebook.js';
import { parseCodebook } from '../../src/data/parseCodebook.js';
import { readSurvey } from '../../src/data/readSurvey.js';
import { readSurveyXlsx } from '../../src/data/xlsx/readSurveyXlsx.js';
import { writeXlsx } from '../helpers/xlsxWriter.js';
import { csiErrorOf } from './helpers.js';

const likert = [
  { value: 5, label: { zh: '非常满意', en: 'Very satisfied' } },
  { value: 4, label: { zh: '满意', en: 'Satisfied' }, aliases: ['sat.'] },
  { value: 3, label: { zh: '一般', en: 'Neutral' } },
  { value: 2, label: { zh: '不满意', en: 'Dissatisfied' } },
  { value: 1, label: { zh: '非常不满意', en: 'Very dissatisfied' } },
  { value: 99, label: { zh: '不知道', en: "Don't know" } },
];
const codebook: Codebook = {
  items: [
    { id: 'SAT1', scale: { min: 1, max: 5 }, values: likert, missing: [{ value: 99 }] },
    { id: 'SAT2', scale: { min: 1, max: 5 }, values: likert, reverse: true },
  ],
};

describe('value labels: text answers ↔ codes', () => {
  it('text cells matching a label (zh, en, alias; trimmed, case-insensitive) are read as its code, in CSV', () => {
    const s = readSurvey('SAT1,SAT2\n非常满意,very SATISFIED\n 满意 ,Sat.\n一般,1\n不知道,Neutral\n4,\n', { codebook });
    expect(Array.from(s.items[0])).toEqual([5, 4, 3, NaN, 4]);
    expect(Array.from(s.items[1])).toEqual([1, 2, 5, 3, NaN]); // reversed after mapping
    expect(s.log.missingCodes).toEqual([{ column: 'SAT1', value: 99, count: 1 }]);
  });

  it('the same in an xlsx workbook', () => {
    const bytes = writeXlsx([{ name: 'S', rows: [['SAT1', 'SAT2'], ['非常满意', 3], ['不满意', { inline: 'Very dissatisfied' }]] }]);
    const s = readSurveyXlsx(bytes, { codebook });
    expect(Array.from(s.items[0])).toEqual([5, 2]);
    expect(Array.from(s.items[1])).toEqual([3, 5]);
  });

  it('an unmapped text in an item column is a bad cell named by row, column and value, listing the labels', () => {
    const e = csiErrorOf(() => readSurvey('SAT1,SAT2\n满意,3\n很好,4\n', { codebook }));
    expect(e.code).toBe('NON_NUMERIC');
    expect(e.row).toBe(3);
    expect(e.column).toBe('SAT1');
    expect(e.message).toContain('"很好"');
    expect(e.message).toContain('非常满意 (5)');
  });

  it('the codebook refuses a value listed twice or a text that labels two values', () => {
    const twice = { items: [{ id: 'Q', scale: { min: 1, max: 5 }, values: [{ value: 1, label: { en: 'No' } }, { value: 1, label: { en: 'Nope' } }] }] };
    expect(csiErrorOf(() => parseCodebook(twice)).code).toBe('INVALID_CODEBOOK');
    const clash = { items: [{ id: 'Q', scale: { min: 1, max: 5 }, values: [{ value: 1, label: { en: 'No' } }, { value: 2, aliases: ['no'] }] }] };
    const e = csiErrorOf(() => parseCodebook(clash));
    expect(e.code).toBe('INVALID_CODEBOOK');
    expect(e.column).toBe('Q');
    expect(csiErrorOf(() => parseCodebook({ items: [{ id: 'Q', scale: { min: 1, max: 5 }, values: [{ value: 'one' }] }] })).code).toBe('INVALID_CODEBOOK');
  });

  it('missing ranges make values missing and are logged per value', () => {
    const s = readSurvey('Q,wait\n3,12\n4,999\n5,998\n', {
      codebook: { items: [{ id: 'Q', scale: { min: 1, max: 5 } }], numeric: [{ id: 'wait', missingRanges: [{ min: 990, max: 999 }] }] },
    });
    expect(Array.from(s.numeric[0].values)).toEqual([12, NaN, NaN]);
    expect(s.log.missingCodes).toEqual([
      { column: 'wait', value: 998, count: 1 },
      { column: 'wait', value: 999, count: 1 },
    ]);
  });
});
