import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/data/readSurvey.js';
import { parseCodebook } from '../../src/data/parseCodebook.js';
import { surveyFromRows } from '../../src/data/surveyFromRows.js';
import { isCsiError } from '../../src/errors.js';
import { cb, csiErrorOf } from './helpers.js';

describe('bad input: each case has its error code and location (row: header = 1)', () => {
  const cases: { name: string; text: string; codebook?: ReturnType<typeof cb>; code: string; row?: number; column?: string }[] = [
    { name: 'out-of-scale value (11 on 1-10)', text: 'Q1,Q2\n5,5\n11,5\n', codebook: cb(['Q1', 'Q2']), code: 'OUT_OF_SCALE', row: 3, column: 'Q1' },
    { name: 'out-of-scale value (0 on 1-10)', text: 'Q1,Q2\n5,0\n', codebook: cb(['Q1', 'Q2']), code: 'OUT_OF_SCALE', row: 2, column: 'Q2' },
    { name: 'non-numeric cell in an item', text: 'Q1,Q2\n5,5\n6,abc\n', codebook: cb(['Q1', 'Q2']), code: 'NON_NUMERIC', row: 3, column: 'Q2' },
    { name: 'an overflowing number is not a number', text: 'Q1,n\n1,1e400\n', codebook: cb(['Q1'], { numeric: [{ id: 'n' }] }), code: 'NON_NUMERIC', row: 2, column: 'n' },
    { name: 'hex is not a number', text: 'Q1\n0x5\n', codebook: cb(['Q1']), code: 'NON_NUMERIC', row: 2, column: 'Q1' },
    { name: 'duplicate respondent ids', text: 'id,Q1\na,1\nb,2\na,3\n', codebook: cb(['Q1'], { id: 'id' }), code: 'DUPLICATE_ID', row: 4, column: 'id' },
    { name: 'missing respondent id', text: 'id,Q1\na,1\n,2\n', codebook: cb(['Q1'], { id: 'id' }), code: 'MISSING_ID', row: 3, column: 'id' },
    { name: 'item declared but missing from the file', text: 'Q1,Q3\n1,2\n', codebook: cb(['Q1', 'Q2']), code: 'MISSING_COLUMN', row: 1, column: 'Q2' },
    { name: 'segment declared but missing', text: 'Q1\n1\n', codebook: cb(['Q1'], { segments: [{ id: 'region' }] }), code: 'MISSING_COLUMN', column: 'region' },
    { name: 'empty file', text: '', codebook: cb(['Q1']), code: 'EMPTY_FILE' },
    { name: 'only blank lines', text: '\n\n\r\n', code: 'EMPTY_FILE' },
    { name: 'header-only file', text: 'Q1,Q2\n', codebook: cb(['Q1', 'Q2']), code: 'HEADER_ONLY', row: 1 },
    { name: 'header-only file without a codebook', text: 'Q1,Q2', code: 'HEADER_ONLY', row: 1 },
    { name: 'ragged row (too few fields)', text: 'Q1,Q2\n1,2\n3\n', codebook: cb(['Q1', 'Q2']), code: 'RAGGED_ROW', row: 3, column: 'Q2' },
    { name: 'ragged row (too many fields)', text: 'Q1,Q2\n1,2,3\n', code: 'RAGGED_ROW', row: 2 },
    { name: 'duplicate column names', text: 'Q1,Q2,Q1\n1,2,3\n', code: 'DUPLICATE_COLUMN', row: 1, column: 'Q1' },
    { name: 'a column named __proto__', text: 'Q1,__proto__\n1,2\n', code: 'FORBIDDEN_COLUMN_NAME', row: 1, column: '__proto__' },
    { name: 'a column named constructor', text: 'constructor,Q1\n1,2\n', codebook: cb(['Q1']), code: 'FORBIDDEN_COLUMN_NAME', row: 1, column: 'constructor' },
    { name: 'negative weight', text: 'w,Q1\n1,1\n-1,2\n', codebook: cb(['Q1'], { weight: 'w' }), code: 'INVALID_WEIGHT', row: 3, column: 'w' },
    { name: 'non-numeric weight', text: 'w,Q1\nx,1\n', codebook: cb(['Q1'], { weight: 'w' }), code: 'INVALID_WEIGHT', row: 2, column: 'w' },
    { name: 'empty weight', text: 'w,Q1\n,1\n', codebook: cb(['Q1'], { weight: 'w' }), code: 'INVALID_WEIGHT', row: 2, column: 'w' },
    { name: 'all weights zero', text: 'w,Q1\n0,1\n0,2\n', codebook: cb(['Q1'], { weight: 'w' }), code: 'INVALID_WEIGHT', column: 'w' },
    { name: 'segment value outside the codebook levels', text: 'g,Q1\na,1\nz,2\n', codebook: cb(['Q1'], { segments: [{ id: 'g', levels: [{ value: 'a' }] }] }), code: 'UNKNOWN_LEVEL', row: 3, column: 'g' },
    { name: 'unterminated quote', text: 'Q1,g\n1,"abc\n2,x\n', code: 'UNTERMINATED_QUOTE', row: 2 },
    { name: 'NUL bytes (binary input)', text: 'Q1\n1\u0000\n', code: 'BINARY_INPUT' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const e = csiErrorOf(() => readSurvey(c.text, c.codebook ? { codebook: c.codebook } : {}));
      expect(e.code).toBe(c.code);
      if (c.row !== undefined) expect(e.row).toBe(c.row);
      if (c.column !== undefined) expect(e.column).toBe(c.column);
      expect(e.message.length).toBeGreaterThan(10);
    });
  }

  it('row numbers are file rows even with quoted line breaks and blank lines before the error', () => {
    // rows: 1 header, 2 (quoted text spanning two lines), 3 blank, 4 bad value
    const e = csiErrorOf(() => readSurvey('g,Q1\n"a\nb",1\n\nc,12\n', { codebook: cb(['Q1'], { segments: [{ id: 'g' }] }) }));
    expect([e.code, e.row]).toEqual(['OUT_OF_SCALE', 4]);
  });

  it('MISSING_COLUMN hints at a column that differs only in case', () => {
    const e = csiErrorOf(() => readSurvey('q1\n1\n', { codebook: cb(['Q1']) }));
    expect(e.message).toContain('"q1"');
  });

  it('a forbidden name never pollutes objects, also through surveyFromRows', () => {
    const rows = [JSON.parse('{"Q1": 1, "__proto__": 5}') as Record<string, unknown>];
    const e = csiErrorOf(() => surveyFromRows(rows));
    expect(e.code).toBe('FORBIDDEN_COLUMN_NAME');
    expect(({} as Record<string, unknown>).Q1).toBeUndefined();
  });
});

describe('codebook validation', () => {
  it('INVALID_CODEBOOK names the path of the zod issue', () => {
    const e = csiErrorOf(() => parseCodebook({ items: [{ id: 'Q1', scale: { min: 1, max: 10 } }, { id: 'Q2', scale: { min: 5, max: 1 } }] }));
    expect(e.code).toBe('INVALID_CODEBOOK');
    expect(e.message).toContain('items[1].scale');
    expect(e.column).toBe('Q2'); // the id of items[1]
    expect(csiErrorOf(() => parseCodebook({ items: 'Q1' })).column).toBeUndefined(); // no entry, no column
  });

  it('INVALID_CODEBOOK for a wrong type, an unknown key, duplicates and forbidden names', () => {
    for (const bad of [
      { items: 'Q1' },
      { items: [], color: 'red' },
      { items: [{ id: 'Q1', scale: { min: 1, max: 10 } }, { id: 'Q1', scale: { min: 1, max: 10 } }] },
      { items: [{ id: 'Q1', scale: { min: 1, max: 10 } }], segments: [{ id: 'Q1' }] },
      { items: [{ id: '__proto__', scale: { min: 1, max: 10 } }] },
      { items: [{ id: 'Q1', scale: { min: 1, max: 10 } }], segments: [{ id: 'g', levels: [{ value: 'a' }, { value: 'a' }] }] },
      null,
    ]) {
      expect(csiErrorOf(() => parseCodebook(bad)).code).toBe('INVALID_CODEBOOK');
    }
  });

  it('readSurvey validates the codebook it is given', () => {
    const bad = { items: [{ id: 'Q1', scale: { min: 1 } }] } as unknown as ReturnType<typeof cb>;
    const e = csiErrorOf(() => readSurvey('Q1\n1\n', { codebook: bad }));
    expect(e.code).toBe('INVALID_CODEBOOK');
    expect(e.message).toContain('items[0].scale.max');
  });

  it('bad options are INVALID_OPTION', () => {
    expect(csiErrorOf(() => readSurvey('Q\n1\n', { highMissingShare: 2 })).code).toBe('INVALID_OPTION');
    expect(csiErrorOf(() => readSurvey('Q\n1\n', { delimiter: '|' as ',' })).code).toBe('INVALID_OPTION');
    expect(csiErrorOf(() => readSurvey('Q\n1\n', { encoding: 'latin1' as 'utf-8' })).code).toBe('INVALID_OPTION');
    expect(csiErrorOf(() => readSurvey(42 as unknown as string)).code).toBe('INVALID_OPTION');
  });

  it('isCsiError recognises the errors', () => {
    expect(isCsiError(csiErrorOf(() => readSurvey('')))).toBe(true);
  });
});
