import { describe, expect, it } from 'vitest';
import { inferColumn } from '../../src/data/inferColumn.js';
import { readSurvey } from '../../src/data/readSurvey.js';
import { isCsiError } from '../../src/errors.js';

/** 30 rows of a 1-5 battery A1..A3 (varied answers) and a 1-10 item B, with `cell` put into column A2 at data row `at`. */
function battery(cell?: string, at = 4, rows = 30): string {
  const lines = ['A1,A2,A3,B'];
  for (let r = 0; r < rows; r++) lines.push([1 + (r % 5), 1 + ((r * 2) % 5), 1 + ((r * 3) % 5), 1 + (r % 10)].join(','));
  if (cell !== undefined) {
    const f = lines[at].split(',');
    f[1] = cell;
    lines[at] = f.join(',');
  }
  return `${lines.join('\n')}\n`;
}

function errorOf(f: () => unknown): { code: string; message: string; row?: number; column?: string } {
  try {
    f();
  } catch (e) {
    if (isCsiError(e)) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('codebook inference: bad cells in a numeric column (issue 17.2, 18.12)', () => {
  it('one text cell ("seven") makes an error naming row, column and value, not a segment', () => {
    const e = errorOf(() => readSurvey(battery('seven', 4)));
    expect(e.code).toBe('NON_NUMERIC');
    expect(e.row).toBe(5); // data line 4 = file row 5
    expect(e.column).toBe('A2');
    expect(e.message).toContain('row 5 "seven"');
  });

  const variants: [string, string][] = [
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['1e309', '1e309'],
    ['0x7', '0x7'],
    ['"7,5"', '7,5'],
    ['.', '.'],
    ['-', '-'],
    ['\u00a0', '\\u00a0'],
    ['\ufeff7', '\\ufeff7'],
    ['x'.repeat(1_000_000), 'x'.repeat(40) + '…'],
    ['#7', '#7'],
  ];
  for (const [cell, shown] of variants) {
    it(`a cell ${JSON.stringify(cell.slice(0, 12))} is named as a bad cell`, () => {
      const e = errorOf(() => readSurvey(battery(cell, 4)));
      expect(e.code).toBe('NON_NUMERIC');
      expect(e.message).toContain(`row 5 "${shown}"`);
      expect(e.message.length).toBeLessThan(400);
    });
  }

  it('one x in row 29,992 of 30,000 is named with its row', () => {
    const e = errorOf(() => readSurvey(battery('x', 29_991, 30_000)));
    expect(e.code).toBe('NON_NUMERIC');
    expect(e.row).toBe(29_992);
  });

  it('a line starting with # in the first column is a bad cell of that column', () => {
    const text = battery().replace('\n3,', '\n# a comment,').replace(/^(# a comment,)[^\n]*/m, '$1 1,1,1');
    const e = errorOf(() => readSurvey(text));
    expect(e.column).toBe('A1');
    expect(e.message).toContain('"# a comment"');
  });

  it('a mostly-text column is still a segment', () => {
    const s = readSurvey('Q,g\n1,1\n2,2\n3,x\n');
    expect(s.segments.map((x) => x.name)).toEqual(['g']);
  });

  it('an all-empty column is left out and recorded in log.emptyColumns', () => {
    const s = readSurvey('A,E\n1,\n2,\n3,\n');
    expect(s.log.emptyColumns).toEqual(['E']);
    expect(s.log.ignoredColumns).toEqual(['E']);
  });
});

describe('codebook inference: missing codes, scales, non-rating columns (issues 17.2, 17.16, 17.17)', () => {
  it('99 on a 1-10 item is a likely missing code: treated as missing, in the draft, one warning for the column', () => {
    const text = battery().replace(/\n(\d),(\d),(\d),(\d+)\n/, '\n$1,$2,$3,99\n');
    const s = readSurvey(text);
    const b = s.codebook.items.find((i) => i.id === 'B')!;
    expect(b.scale).toEqual({ min: 1, max: 10 });
    expect(b.missing).toEqual([{ value: 99 }]);
    expect(Number.isNaN(s.items[s.itemNames.indexOf('B')][0])).toBe(true);
    const w = s.warnings.filter((x) => x.code === 'INFERRED_COLUMN' && x.column === 'B');
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain('99 (×1) looks like a missing-value code');
    expect(s.log.missingCodes).toEqual([{ column: 'B', value: 99, count: 1 }]);
  });

  it('9 beside 1-5 answers (20+ rows) is a likely missing code; 9 beside 1-10 answers is not', () => {
    const v = Float64Array.from({ length: 30 }, (_, r) => (r === 3 ? 9 : 1 + (r % 5)));
    expect(inferColumn(v)).toMatchObject({ kind: 'item', scale: { min: 1, max: 5 }, missingCodes: [{ value: 9, count: 1 }] });
    const w = Float64Array.from({ length: 30 }, (_, r) => 1 + (r % 10));
    expect(inferColumn(w)).toMatchObject({ kind: 'item', scale: { min: 1, max: 10 }, missingCodes: [] });
  });

  it('0-5 items are 0-5 (not 0-10) with a "not applicable" hint; mixed scales in one battery are flagged', () => {
    const lines = ['Q1,Q2,Q3'];
    for (let r = 0; r < 30; r++) lines.push([r % 6, 1 + (r % 5), r % 11].join(','));
    const s = readSurvey(lines.join('\n'));
    expect(s.codebook.items.map((i) => `${i.id}:${i.scale.min}-${i.scale.max}`)).toEqual(['Q1:0-5', 'Q2:1-5', 'Q3:0-10']);
    expect(s.warnings.find((w) => w.column === 'Q1')?.message).toContain('"not applicable"');
    expect(s.warnings.find((w) => w.code === 'MIXED_SCALES')?.message).toContain('Q3 0-10');
  });

  it('an id (unique per row), age, distance and decimals are not items; the draft puts them under id/numeric', () => {
    const lines = ['row,age,distance,score,S1,S2'];
    for (let r = 0; r < 40; r++) lines.push([r + 1, 18 + ((r * 7) % 60), 31 + r * 97, (r / 7).toFixed(3), 1 + (r % 5), 1 + ((r + 2) % 5)].join(','));
    const s = readSurvey(lines.join('\n'));
    expect(s.codebook.id).toBe('row');
    expect(s.ids?.[0]).toBe('1');
    expect(s.codebook.items.map((i) => i.id)).toEqual(['S1', 'S2']);
    expect(s.codebook.numeric).toEqual([{ id: 'age' }, { id: 'distance' }, { id: 'score' }]);
    expect(s.numeric.map((c) => c.name)).toEqual(['age', 'distance', 'score']);
    expect(s.warnings.filter((w) => w.code === 'INFERRED_COLUMN').map((w) => w.column)).toEqual(['row', 'age', 'distance', 'score']);
  });

  it('a rating rescaled to 0-100 (few distinct decimals) stays an item on 0-100', () => {
    const v = Float64Array.from({ length: 40 }, (_, r) => Math.round(((r % 10) * 100) / 9 * 100) / 100);
    expect(inferColumn(v)).toMatchObject({ kind: 'item', scale: { min: 0, max: 100 } });
  });

  it('segment levels are in natural order (issue 17.24)', () => {
    const s = readSurvey('Age,Q\n36-45,1\n46-55,2\n>=66,3\n26-35,4\n<18,5\n18-25,1\n');
    expect(s.segments[0].levels).toEqual(['<18', '18-25', '26-35', '36-45', '46-55', '>=66']);
    expect(Array.from(s.segments[0].codes)).toEqual([3, 4, 5, 2, 0, 1]);
  });

  it('a decimal comma is reported as a coercion (issue 17.14)', () => {
    const s = readSurvey('A;B\n7,5;1\n8;2\n6;3\n');
    expect(s.log.decimalCommas).toEqual([{ column: 'A', count: 1 }]);
    expect(s.warnings.find((w) => w.code === 'DECIMAL_COMMA')?.message).toContain('A 1');
  });
});
