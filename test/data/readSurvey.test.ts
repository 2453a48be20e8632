import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/data/readSurvey.js';
import { cb } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('readSurvey: CSV dialects', () => {
  const expected = [
    [7, 8],
    [9, 10],
  ];
  const cases: [string, string, string][] = [
    ['comma', 'Q1,Q2\n7,8\n9,10\n', ','],
    ['semicolon', 'Q1;Q2\n7;8\n9;10\n', ';'],
    ['tab', 'Q1\tQ2\n7\t8\n9\t10\n', '\t'],
    ['CRLF', 'Q1,Q2\r\n7,8\r\n9,10\r\n', ','],
    ['lone CR', 'Q1,Q2\r7,8\r9,10', ','],
    ['no final newline', 'Q1,Q2\n7,8\n9,10', ','],
    ['quoted', '"Q1","Q2"\n"7","8"\n"9",10\n', ','],
    ['spaces around values', 'Q1, Q2\n 7 ,8\n9, 10 \n', ','],
  ];
  for (const [name, text, delim] of cases) {
    it(name, () => {
      const s = readSurvey(text, { codebook: cb(['Q1', 'Q2']) });
      expect(s.log.delimiter).toBe(delim);
      expect(s.n).toBe(2);
      expect([0, 1].map((r) => [s.items[0][r], s.items[1][r]])).toEqual(expected);
    });
  }

  it('UTF-8 with and without BOM give the same survey; the BOM is recorded', () => {
    const text = 'Q1,Q2\n7,8\n';
    const plain = readSurvey(enc(text), { codebook: cb(['Q1', 'Q2']) });
    const bom = readSurvey(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)]), { codebook: cb(['Q1', 'Q2']) });
    expect(plain.log.encoding).toBe('utf-8');
    expect(bom.log.encoding).toBe('utf-8-bom');
    expect(bom.itemNames).toEqual(['Q1', 'Q2']);
    expect(Array.from(bom.items[0])).toEqual(Array.from(plain.items[0]));
    // A BOM in a string input is dropped too.
    expect(readSurvey('\ufeffQ1,Q2\n7,8\n', { codebook: cb(['Q1', 'Q2']) }).n).toBe(1);
  });

  it('quoted fields keep delimiters, line breaks and escaped quotes', () => {
    const text = 'id,seg,Q1\n1,"a,b",3\n2,"line\nbreak",4\n3,"say ""hi""",5\n';
    const s = readSurvey(text, { codebook: cb(['Q1'], { id: 'id', segments: [{ id: 'seg' }] }) });
    expect(s.segments[0].levels).toEqual(['a,b', 'line\nbreak', 'say "hi"']);
    expect(Array.from(s.items[0])).toEqual([3, 4, 5]);
    expect(s.ids).toEqual(['1', '2', '3']);
  });

  it('a decimal comma is read in semicolon files', () => {
    const s = readSurvey('Q1;wait\n3;2,5\n4;10\n', { codebook: cb(['Q1'], { numeric: [{ id: 'wait' }] }) });
    expect(Array.from(s.numeric[0].values)).toEqual([2.5, 10]);
  });

  it('decimals and signs are read exactly as Number() reads them', () => {
    const s = readSurvey('x\n66.67\n-0.5\n1e2\n.25\n', { codebook: { items: [{ id: 'x', scale: { min: -1, max: 100 } }] } });
    expect(Array.from(s.items[0])).toEqual([66.67, -0.5, 100, 0.25]);
  });
});

describe('readSurvey: codebook rules', () => {
  it('flips reverse items as min + max − x', () => {
    const codebook = { items: [{ id: 'R', scale: { min: 1, max: 7 }, reverse: true }, { id: 'Z', scale: { min: 0, max: 10 }, reverse: true }] };
    const s = readSurvey('R,Z\n1,0\n7,10\n3,4\n', { codebook });
    // 1+7−x and 0+10−x, worked by hand.
    expect(Array.from(s.items[0])).toEqual([7, 1, 5]);
    expect(Array.from(s.items[1])).toEqual([10, 0, 6]);
    expect(s.log.reversed).toEqual(['R', 'Z']);
  });

  it('turns missing codes and empty cells into NaN and counts them per column', () => {
    const codebook = {
      items: [
        { id: 'Q1', scale: { min: 1, max: 10 }, missing: [{ value: 99 }, { value: 98 }] },
        { id: 'Q2', scale: { min: 1, max: 10 } },
      ],
    };
    const s = readSurvey('Q1,Q2\n99,5\n98,\n99,NA\n4,6\n', { codebook });
    expect(Array.from(s.items[0]).map((v) => (Number.isNaN(v) ? null : v))).toEqual([null, null, null, 4]);
    expect(s.log.missingCodes).toEqual([
      { column: 'Q1', value: 99, count: 2 },
      { column: 'Q1', value: 98, count: 1 },
    ]);
    expect(s.log.emptyCells).toEqual([{ column: 'Q2', count: 2 }]);
    expect(s.warnings.find((w) => w.code === 'MISSING_CODE')?.count).toBe(3);
  });

  it('missing codes are applied before the scale check and never flipped', () => {
    const codebook = { items: [{ id: 'Q', scale: { min: 1, max: 5 }, reverse: true, missing: [{ value: 9 }] }, { id: 'P', scale: { min: 1, max: 5 } }] };
    const s = readSurvey('Q,P\n9,1\n2,2\n', { codebook });
    expect(Number.isNaN(s.items[0][0])).toBe(true);
    expect(s.items[0][1]).toBe(4);
  });

  it('ignores and lists columns the codebook does not name', () => {
    const s = readSurvey('x,Q1,y\na,1,b\nc,2,d\n', { codebook: cb(['Q1']) });
    expect(s.log.ignoredColumns).toEqual(['x', 'y']);
    expect(s.warnings.some((w) => w.code === 'IGNORED_COLUMN' && w.count === 2)).toBe(true);
  });

  it('keeps codebook order for items, reads segments as levels + codes, numeric columns and weights', () => {
    const text = 'rid,region,Q2,wait,Q1,w\nr1,North,3,120,4,1.5\nr2,South,5,,6,0.5\nr3,North,7,30,8,1\nr4,,9,45,10,2\n';
    const s = readSurvey(text, {
      codebook: { id: 'rid', weight: 'w', items: cb(['Q1', 'Q2']).items, segments: [{ id: 'region' }], numeric: [{ id: 'wait' }] },
    });
    expect(s.itemNames).toEqual(['Q1', 'Q2']);
    expect(Array.from(s.items[0])).toEqual([4, 6, 8, 10]);
    expect(s.segments[0].levels).toEqual(['North', 'South']);
    expect(Array.from(s.segments[0].codes)).toEqual([0, 1, 0, -1]);
    expect(Array.from(s.numeric[0].values).map((v) => (Number.isNaN(v) ? null : v))).toEqual([120, null, 30, 45]);
    expect(Array.from(s.weights!)).toEqual([1.5, 0.5, 1, 2]);
    expect(s.ids).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('uses the codebook level order for segments', () => {
    const s = readSurvey('line,Q\n4G,1\n3G,2\n', {
      codebook: { items: cb(['Q']).items, segments: [{ id: 'line', levels: [{ value: '3G' }, { value: '4G' }, { value: 'broadband' }] }] },
    });
    expect(s.segments[0].levels).toEqual(['3G', '4G', 'broadband']);
    expect(Array.from(s.segments[0].codes)).toEqual([1, 0]);
  });

  it('skips blank lines but names each in log.excludedRows, and keeps file row numbers right', () => {
    // rows: 1 header, 2 data, 3 blank, 4 data (straight-liner), 5 blank, 6 data (straight-liner)
    const s = readSurvey('Q1,Q2\n1,2\n\n3,3\n\n5,5\n', { codebook: cb(['Q1', 'Q2']) });
    expect(s.n).toBe(3);
    expect(s.log.rowsRead).toBe(3);
    expect(s.log.excludedRows).toEqual([
      { row: 3, reason: 'blank line' },
      { row: 5, reason: 'blank line' },
    ]);
    expect(s.quality?.straightLiners).toEqual([4, 6]);
    expect(s.warnings.find((w) => w.code === 'ROWS_EXCLUDED')?.count).toBe(2);
  });
});

describe('readSurvey: data-quality flags', () => {
  it('flags straight-liners, high missing and zero variance', () => {
    const text = ['A,B,C,D', '5,5,5,5', '1,2,3,1', '2,,,', '3,4,,4', '4,4,4,4'].join('\n');
    const s = readSurvey(text, { codebook: cb(['A', 'B', 'C', 'D']) });
    // Row 2 and row 6 answer the same on all four items; row 4 misses 3 of 4 (> 50 %); row 5 misses 1 of 4.
    expect(s.quality?.straightLiners).toEqual([2, 6]);
    expect(s.quality?.highMissing).toEqual([4]);
    const sl = s.warnings.find((w) => w.code === 'STRAIGHT_LINER');
    expect(sl?.count).toBe(2);
    expect(sl?.message).toContain('2, 6');
    expect(s.warnings.find((w) => w.code === 'HIGH_MISSING')?.count).toBe(1);
    expect(s.warnings.some((w) => w.code === 'ZERO_VARIANCE')).toBe(false);
  });

  it('judges straight-lining on the answers as given, before reverse items are flipped', () => {
    const codebook = { items: [...cb(['A', 'B']).items, { id: 'R', scale: { min: 1, max: 10 }, reverse: true }] };
    // Row 2 answered 4,4,4 (stored 4,4,7); row 3 answered 4,4,7 (stored 4,4,4).
    const s = readSurvey('A,B,R\n4,4,4\n4,4,7\n', { codebook });
    expect(s.quality?.straightLiners).toEqual([2]);
  });

  it('honours highMissingShare', () => {
    const text = 'A,B,C,D\n1,2,,\n1,2,3,4\n';
    expect(readSurvey(text, { codebook: cb(['A', 'B', 'C', 'D']) }).quality?.highMissing).toEqual([]);
    expect(readSurvey(text, { codebook: cb(['A', 'B', 'C', 'D']), highMissingShare: 0.25 }).quality?.highMissing).toEqual([2]);
  });

  it('flags an item with zero variance', () => {
    const s = readSurvey('A,B\n3,1\n3,2\n3,\n', { codebook: cb(['A', 'B']) });
    expect(s.quality?.zeroVariance).toEqual(['A']);
    const w = s.warnings.find((x) => x.code === 'ZERO_VARIANCE');
    expect(w?.column).toBe('A');
  });
});

describe('readSurvey without a codebook', () => {
  it('infers items with snapped scales, segments, id and weight, and warns INFERRED_SCALE', () => {
    const text = 'id,Q1,Q2,region,weight,blank\n1,4,7,N,1,\n2,10,9,S,2,\n3,6,1,N,1,\n';
    const s = readSurvey(text);
    expect(s.codebook.id).toBe('id');
    expect(s.codebook.weight).toBe('weight');
    expect(s.codebook.items).toEqual([
      { id: 'Q1', scale: { min: 1, max: 10 }, inferred: true },
      { id: 'Q2', scale: { min: 1, max: 10 }, inferred: true },
    ]);
    expect(s.codebook.segments).toEqual([{ id: 'region' }]);
    expect(s.log.ignoredColumns).toEqual(['blank']);
    expect(s.warnings.some((w) => w.code === 'INFERRED_SCALE')).toBe(true);
  });

  it('a numeric column that turns out to hold text becomes a segment, keeping earlier values as levels', () => {
    const s = readSurvey('Q,g\n1,1\n2,2\n3,x\n');
    expect(s.itemNames).toEqual(['Q']);
    expect(s.segments[0].levels).toEqual(['1', '2', 'x']);
    expect(Array.from(s.segments[0].codes)).toEqual([0, 1, 2]);
  });
});
