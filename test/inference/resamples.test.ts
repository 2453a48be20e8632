import { describe, expect, it } from 'vitest';
import { CsiError } from '../../src/errors.js';
import { countsFromIndices, parseResamples } from '../../src/inference/resamples.js';

describe('parseResamples', () => {
  it('reads 1-based R resamples into 0-based indices, one per line', () => {
    const r = parseResamples('1,2,2\r\n3,1,1\n\n', 3);
    expect(r.map((x) => Array.from(x))).toEqual([[0, 1, 1], [2, 0, 0]]);
  });
  it('accepts other separators, quotes and a header line of names', () => {
    const r = parseResamples('"V1";"V2";"V3"\n"2";"1";"3"\n3 3\t1\n', 3);
    expect(r.map((x) => Array.from(x))).toEqual([[1, 0, 2], [2, 2, 0]]);
  });
  it('rejects values outside 1..n with the line and position', () => {
    const check = (text: string, line: number, col: number): void => {
      try {
        parseResamples(text, 3);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(CsiError);
        expect((e as CsiError).code).toBe('INVALID_RESAMPLE');
        expect((e as CsiError).row).toBe(line); // the file's line, as a spreadsheet numbers rows
        expect((e as CsiError).line).toBe(line);
        expect((e as CsiError).col).toBe(col);
      }
    };
    check('1,2,3\n1,4,2\n', 2, 2);
    check('1,2,3\n\n0,1,1\n', 3, 1);
    check('1,2.5,3\n', 1, 2);
  });
  it('rejects a line of separators only, naming its row', () => {
    expect(() => parseResamples('1,2,3\n , ;\n', 3)).toThrow(expect.objectContaining({ code: 'INVALID_RESAMPLE', row: 2 }));
  });
  it('rejects an empty file', () => {
    expect(() => parseResamples('\n\n', 3)).toThrow(CsiError);
  });
});

describe('countsFromIndices', () => {
  it('counts row multiplicities and validates 0-based indices', () => {
    expect(Array.from(countsFromIndices([0, 2, 2], 3))).toEqual([1, 0, 2]);
    expect(() => countsFromIndices([0, 3], 3)).toThrow(/outside 0..2/);
    const into = Uint32Array.of(7, 7, 7); // a reused buffer is overwritten, not added to
    expect(countsFromIndices([0, 2, 2], 3, 0, into)).toBe(into);
    expect(Array.from(into)).toEqual([1, 0, 2]);
  });
});
