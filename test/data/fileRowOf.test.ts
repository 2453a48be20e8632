import { describe, expect, it } from 'vitest';
import { fileRowOf } from '../../src/data/fileRowOf.js';
import { readSurvey } from '../../src/data/readSurvey.js';
import { cb } from './helpers.js';

describe('fileRowOf', () => {
  it('maps survey rows to file rows past blank lines before and after the header (rows counted by hand)', () => {
    // File rows: 1 blank, 2 blank, 3 header, 4 "1", 5 blank, 6 blank, 7 "2", 8 "3".
    const s = readSurvey('\n\nQ1\n1\n\n\n2\n3\n', { codebook: cb(['Q1']) });
    expect(s.log.headerRow).toBe(3);
    expect([0, 1, 2].map((r) => fileRowOf(s.log, r))).toEqual([4, 7, 8]);
    expect(Array.from(s.items[0])).toEqual([1, 2, 3]);
  });

  it('is row + 2 for a plain file and undefined without a header row in the log', () => {
    const s = readSurvey('Q1\n1\n2\n', { codebook: cb(['Q1']) });
    expect(fileRowOf(s.log, 1)).toBe(3);
    expect(fileRowOf({ excludedRows: [] }, 0)).toBeUndefined();
  });
});
