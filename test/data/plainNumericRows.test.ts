/**
 * The CSV reader's fast lane (src/data/plainNumericRows.ts, CsvSink.plainRows) must give exactly what the general
 * tokenizer + builder give: the same Survey (values bit for bit, warnings, log, quality flags) and the same errors,
 * on real data (mobi, from ../shared at run time) and on every kind of record the lane must hand back.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Codebook } from '../../src/data/codebook.js';
import { createCsvTokenizer, type CsvSink } from '../../src/data/csvTokenizer.js';
import { createFieldDecoder } from '../../src/data/decodeText.js';
import { laneKinds, LANE_NUMBER, LANE_SKIP, plainNumericRows } from '../../src/data/plainNumericRows.js';
import { builderOptions } from '../../src/data/readSurveyOptions.js';
import { createSurveyBuilder } from '../../src/data/surveyBuilder.js';
import type { Survey } from '../../src/data/survey.js';
import { cb } from './helpers.js';

const MOBI = resolve(__dirname, '../../../shared/datasets/mobi.csv');

let laneRows = 0;

/** Reads `text` in chunks of `chunk` bytes through the tokenizer, with the lane or without it (general path only). */
function read(text: string | Uint8Array, lane: boolean, chunk = 1 << 16, codebook?: Codebook, delimiter: ',' | ';' | '\t' = ',', fullQualityPass = !lane): Survey | string {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  try {
    const builder = createSurveyBuilder({ ...builderOptions({ codebook }, delimiter), decodeField: createFieldDecoder('utf-8'), fullQualityPass });
    let sink: CsvSink = builder.sink;
    if (lane) {
      const plainRows = builder.sink.plainRows!;
      sink = { ...builder.sink, plainRows: (...a) => { const t = plainRows(...a); if (t > 0) laneRows += t; return t; } };
    } else {
      const { plainRows: _lane, ...general } = builder.sink;
      sink = general;
    }
    const tokenizer = createCsvTokenizer(delimiter, sink);
    for (let o = 0; o < bytes.length; o += chunk) tokenizer.push(bytes.subarray(o, o + chunk));
    tokenizer.end();
    return builder.finish({ encoding: 'utf-8', delimiter });
  } catch (e) {
    return `${(e as { code?: string }).code}: ${(e as Error).message} ${JSON.stringify(e)}`;
  }
}

/** Same Survey, compared bit for bit (Object.is on every value, so NaN and −0 count). */
function expectSame(a: Survey | string, b: Survey | string): void {
  if (typeof a === 'string' || typeof b === 'string') {
    expect(a).toBe(b);
    return;
  }
  const bits = (s: Survey) =>
    JSON.stringify(s, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array, (x) => (Object.is(x, -0) ? '-0' : Number.isNaN(x) ? 'NaN' : x)) : v));
  expect(bits(a)).toBe(bits(b));
}

/**
 * The lane (with the quality pass from what the reader learned on the way) against the general path with
 * surveyQuality's own pass, at several chunk sizes; and the general path with the learned pass (the rows it takes
 * get their straight-lining flags in endRow) against the same reference.
 */
function both(text: string, codebook?: Codebook, delimiter: ',' | ';' | '\t' = ','): void {
  for (const chunk of [1, 2, 3, 7, 64, 1 << 16]) {
    const reference = read(text, false, chunk, codebook, delimiter, true);
    expectSame(read(text, true, chunk, codebook, delimiter), reference);
    if (chunk === 7) expectSame(read(text, false, chunk, codebook, delimiter, false), reference);
  }
}

describe('plainNumericRows (the fast lane) equals the general path', () => {
  it.skipIf(!existsSync(MOBI))('on mobi (../shared/datasets/mobi.csv; skipped when ../shared is absent)', () => {
    const bytes = new Uint8Array(readFileSync(MOBI));
    for (const chunk of [1000, 1 << 18]) expectSame(read(bytes, true, chunk), read(bytes, false, chunk));
  });

  it('on a generated 24-item file, with and without a codebook, reversed items, CRLF', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const names = Array.from({ length: 24 }, (_, k) => `Q${k + 1}`);
    const rows = [names.join(',')];
    for (let r = 0; r < 3000; r++) rows.push(names.map(() => 1 + Math.floor(rnd() * 10)).join(','));
    const text = `${rows.join('\n')}\n`;
    laneRows = 0;
    expectSame(read(text, true, 4096), read(text, false, 4096));
    expect(laneRows).toBe(3000);
    const codebook = cb(names, {});
    codebook.items[3].reverse = true;
    expectSame(read(text, true, 4096, codebook), read(text, false, 4096, codebook));
    const crlf = text.replace(/\n/g, '\r\n');
    expectSame(read(crlf, true, 4096, codebook), read(crlf, false, 4096, codebook));
  });

  it('on every kind of record it must hand back', () => {
    const cases = [
      'a,b,c\n1,2,3\n4,5,6\n',
      'a,b,c\n1,2,3\n4,5,6', // no final line end
      'a,b,c\r\n1,2,3\r\n4,5,6\r\n',
      'a,b,c\r1,2,3\r4,5,6\r', // lone CR
      'a,b,c\n1,2,3\n\n4,5,6\n\n7,8,9\n', // blank lines
      'a,b,c\n1,,3\n4,5,6\n', // empty cell
      'a,b,c\n1,2.5,3\n4,5,6\n', // decimal
      'a,b,c\n1,-2,3\n4,5,6\n', // sign
      'a,b,c\n1, 2,3\n4,5 ,6\n', // spaces
      'a,b,c\n1,"2",3\n4,5,6\n', // quoted number
      'a,b,c\n1,NA,3\n4,5,6\n', // NA text
      'a,b,c\n1,2,3,4\n4,5,6\n', // extra field
      'a,b,c\n1,2\n4,5,6\n', // missing field
      'a,b,c\n1,1234567890123456,3\n4,5,6\n1,2,3\n', // 16 digits
      'a,b,c\n1,123456789012345,3\n4,5,6\n1,2,3\n', // 15 digits
      'a,b,c\n1,2,3\n4,5,6\n1,x,3\n', // text once: bad cell
      `a,b,c\n${Array.from({ length: 40 }, (_, r) => `${r % 5},${r % 3 ? 'x' : r},${r % 7}`).join('\n')}\n`, // text: segment
      'id,a,b\n1,2,3\n2,5,6\n3,1,1\n', // id column
      'a,b,c\n0001,2,3\n4,00,6\n', // leading zeros
      'a,,c\n1,2,3\n4,5,6\n', // unnamed column (ignored)
      'a,b,c\n1,2,3\n4,5,6\n\n', // trailing blank line
      'a,b,c\n9,9,9\n9,9,9\n', // straight-liners, zero variance
    ];
    for (const text of cases) both(text);
    // the quality flags the lane computes on the way: straight-liners, top box, zero variance, one item, a non-rating column
    let seed = 3;
    const rnd = (k: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * k);
    const gen = (header: string, f: (r: number) => string, rows = 120) => `${header}\n${Array.from({ length: rows }, (_, r) => f(r)).join('\n')}\n`;
    both(gen('a,b,c', (r) => (r % 4 === 0 ? '7,7,7' : `${1 + rnd(7)},${1 + rnd(7)},${1 + rnd(7)}`)));
    both(gen('a,b,c', () => `${rnd(3) ? 10 : 1 + rnd(10)},${rnd(2) ? 5 : 1 + rnd(5)},${rnd(11)}`)); // top box, a 0-10 item
    both(gen('a,b', () => `${2 + rnd(6)},${3 + rnd(4)}`)); // top of the scale never answered
    both(gen('a', () => `${1 + rnd(5)}`)); // one item
    both(gen('a,b,c', () => `${1 + rnd(5)},4,${1 + rnd(5)}`)); // zero variance
    both(gen('a,age,c', () => `${1 + rnd(5)},${18 + rnd(60)},${1 + rnd(5)}`)); // a numeric column among the items
    both(gen('a,b,c', () => `${1 + rnd(5)},${rnd(20) ? 1 + rnd(5) : 99},${1 + rnd(5)}`)); // a missing code
    both(gen('a,b,c', (r) => (r === 50 ? '1,2,3\n' : `${1 + rnd(5)},${1 + rnd(5)},${1 + rnd(5)}`))); // a blank line
    both(gen('a,b,c', () => `${1 + rnd(5)},${rnd(3)},${1 + rnd(5)}`)); // 0-based item among 1-5
    // the lane counts the inferred columns' tallies: values ≥ 1024 (more than 257 distinct), records it stops in after
    // counting some of their cells (an empty or decimal last cell), an id column
    both(gen('a,b,c', (r) => `${1 + rnd(5)},${rnd(2) ? 1024 + rnd(4000) : 1 + rnd(5)},${r % 9 === 4 ? '' : r % 13 === 6 ? '2.5' : 1 + rnd(5)}`, 700));
    both(gen('id,a,b', (r) => `${r + 1},${1 + rnd(7)},${r % 11 === 0 ? 'NA' : 1 + rnd(7)}`, 400));
    both('a;b;c\n1;2;3\n4;5,5;6\n', undefined, ';'); // decimal comma
    both('a\tb\tc\n1\t2\t3\n4\t5\t6\n', undefined, '\t');
  });

  it('with a codebook: out of scale, missing codes, ignored columns, reversed items with a fractional lo + hi', () => {
    const codebook = cb(['a', 'c'], {}, 5);
    both('a,b,c\n1,x,3\n4,"q",5\n', codebook); // b ignored, with text and quotes
    both('a,b,c\n1,x,3\n4,y,6\n', codebook); // 6 out of scale
    both('a,b,c\n1,x,3\n0,y,5\n', codebook); // 0 out of scale
    both('a,b,c\n1,x,3\n9,y,5\n', { items: [{ id: 'a', scale: { min: 1, max: 5 }, missing: [{ value: 9 }] }, { id: 'c', scale: { min: 1, max: 5 } }] });
    both('a,b,c\n1,x,3\n2,y,5\n', { items: [{ id: 'a', scale: { min: 0.5, max: 5 }, reverse: true }, { id: 'c', scale: { min: 1, max: 5 } }] });
  });

  it('with a codebook and no reversed item: the quality pass from the lane\'s counts equals the pass over the columns', () => {
    let seed = 5;
    const rnd = (k: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * k);
    const gen = (header: string, f: (r: number) => string, rows = 300) => `${header}\n${Array.from({ length: rows }, (_, r) => f(r)).join('\n')}\n`;
    const abc = cb(['a', 'b', 'c'], {});
    both(gen('a,b,c', (r) => (r % 5 === 0 ? '7,7,7' : `${1 + rnd(10)},${rnd(2) ? 10 : 1 + rnd(10)},${1 + rnd(10)}`)), abc); // straight-liners, top box
    both(gen('a,b,c', () => `${1 + rnd(10)},4,${1 + rnd(10)}`), abc); // zero variance
    both(gen('a,b,c', (r) => `${1 + rnd(10)},${r === 150 ? '' : 1 + rnd(10)},${1 + rnd(10)}`), abc); // a row for the general path
    both(gen('a,x,c', () => `${1 + rnd(5)},${rnd(3)},${1 + rnd(5)}`), cb(['a', 'c'], {}, 5)); // an ignored column
    // a scale above the dense counts (values ≥ 1024 go to the sparse counts)
    const high = { items: ['a', 'b'].map((id) => ({ id, scale: { min: 1020, max: 1030 } })) };
    both(gen('a,b', () => `${1020 + rnd(11)},${rnd(3) ? 1030 : 1020 + rnd(11)}`), high);
    // a wide scale: not a rating item, so surveyQuality makes its own pass
    both(gen('a,b', () => `${rnd(50)},${rnd(50)}`), { items: ['a', 'b'].map((id) => ({ id, scale: { min: 0, max: 50 } })) });
  });

  it('with an id column: the lane notes where the ids lie, the builder takes them (same ids, same errors and rows)', () => {
    let seed = 9;
    const rnd = (k: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * k);
    const gen = (header: string, f: (r: number) => string, rows = 300) => `${header}\n${Array.from({ length: rows }, (_, r) => f(r)).join('\n')}\n`;
    both(gen('id,a,b', (r) => `R${r},${1 + rnd(7)},${1 + rnd(7)}`, 9000)); // more records than one lane call's ids
    both(gen('a,id,b', (r) => `${1 + rnd(7)},${r % 7 === 3 ? ` ${r} ` : r % 7 === 4 ? `\t${r}` : String(r)},${1 + rnd(7)}`)); // spaces and tabs around ids
    both(gen('id,a,b', (r) => `${r % 5 === 0 ? `张${r}` : `é${r}`},${1 + rnd(7)},${1 + rnd(7)}`)); // UTF-8 ids
    both(gen('id,a,b', (r) => `${r === 120 ? 7 : r},${1 + rnd(7)},${1 + rnd(7)}`)); // a duplicate id: DUPLICATE_ID, the same rows
    both(gen('id,a,b', (r) => `${r === 150 ? '' : r},${1 + rnd(7)},${1 + rnd(7)}`)); // a missing id
    both(gen('id,a,b', (r) => `${r === 150 ? 'NA' : r},${1 + rnd(7)},${1 + rnd(7)}`)); // NA as the id
    both(gen('id,a,b', (r) => `${r % 3 === 0 ? `"${r}"` : r},${1 + rnd(7)},${1 + rnd(7)}`)); // quoted ids: the general path
    both(gen('id,a,b', (r) => `${r},${1 + rnd(7)},${r === 200 ? 'x' : 1 + rnd(7)}`)); // a bad cell after the ids
    both(gen('a,id,b', (r) => `${1 + rnd(7)},${r},${1 + rnd(7)}`), cb(['a', 'b'], { id: 'id' }, 7)); // with a codebook
    const bad = new Uint8Array([...new TextEncoder().encode('id,a\n1,2\n'), 0xff, 0x41, ...new TextEncoder().encode(',3\n4,5\n')]);
    for (const chunk of [1, 4, 1 << 16]) expectSame(read(bad, true, chunk), read(bad, false, chunk)); // an id not valid UTF-8: ENCODING, the same row
  });

  it('with segment columns (a codebook\'s, or text columns found while reading): the lane passes over them, the builder takes their levels', () => {
    let seed = 13;
    const rnd = (k: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * k);
    const gen = (header: string, f: (r: number) => string, rows = 300) => `${header}\n${Array.from({ length: rows }, (_, r) => f(r)).join('\n')}\n`;
    const regions = ['north', 'south', ' east ', '西部', '', 'NA', '18-25', '>=66'];
    const seg = (r: number) => regions[(r * 7 + rnd(3)) % regions.length];
    const withSegments = cb(['a', 'b'], { id: 'id', segments: [{ id: 'region' }, { id: 'sex' }] }, 7);
    both(gen('id,region,a,sex,b', (r) => `${r},${seg(r)},${1 + rnd(7)},${rnd(2) ? 'f' : 'm'},${1 + rnd(7)}`, 5000), withSegments);
    const fixed = cb(['a'], { segments: [{ id: 'sex', levels: [{ value: 'f' }, { value: 'm' }] }] }, 7);
    both(gen('a,sex', (r) => `${1 + rnd(7)},${r === 222 ? 'x' : rnd(2) ? 'f' : 'm'}`), fixed); // UNKNOWN_LEVEL, the same row
    both(gen('id,sex,a', (r) => `${r === 100 ? 3 : r},${r === 100 ? 'x' : 'f'},${1 + rnd(7)}`), { ...fixed, id: 'id' }); // a duplicate id before an unknown level in one row
    // a codebook's numeric column: a number column of the lane without scale; with missing codes, the general path's
    const numeric = cb(['a', 'b'], { segments: [{ id: 'region' }], numeric: [{ id: 'age' }] }, 7);
    both(gen('a,age,region,b', (r) => `${1 + rnd(7)},${r === 50 ? '' : r === 60 ? 'x' : 18 + rnd(80)},${seg(r)},${r % 9 === 0 ? 4 : 1 + rnd(7)}`, 1000), numeric);
    both(gen('a,age,b', (r) => `${1 + rnd(7)},${r % 13 === 0 ? 999 : 18 + rnd(80)},${1 + rnd(7)}`), { ...numeric, segments: [], numeric: [{ id: 'age', missing: [{ value: 999 }] }] });
    both(gen('a,age,b', (r) => `${r % 4 === 0 ? '3,3' : `${1 + rnd(7)},${1 + rnd(7)}`},${r % 4 === 0 ? 3 : 1 + rnd(7)}`), { ...numeric, segments: [] }); // straight-liners beside a numeric column
    // without a codebook: a column of text becomes a segment after 21 text cells, and the lane goes on with it as text
    laneRows = 0;
    const inferred = gen('a,region,b,age', (r) => `${1 + rnd(7)},${seg(r) || 'west'},${1 + rnd(7)},${18 + rnd(60)}`, 3000);
    both(inferred);
    expect(laneRows).toBeGreaterThan(6 * 2900); // both() reads 6 times, the lane takes the rows after the first ~21
    both(gen('a,region,b', (r) => `${1 + rnd(7)},${r < 100 ? rnd(3) : seg(r) || 'west'},${1 + rnd(7)}`, 2000)); // numbers first, then text
    both(gen('a,code,b', (r) => `${1 + rnd(7)},${r % 50 === 7 ? 'n/a' : 1 + rnd(5)},${1 + rnd(7)}`, 2000)); // a few text cells: bad cells, NON_NUMERIC
    // straight-liners before and after a text column is found to be a segment (the flags so far are made again)
    both(gen('a,region,b', (r) => (r % 4 === 0 ? `3,${seg(r) || 'west'},3` : `${1 + rnd(7)},${seg(r) || 'west'},${1 + rnd(7)}`), 1500));
    both(gen('a,region,b', (r) => (r % 4 === 0 ? `3,${r < 40 ? r : 'west'},3` : `${1 + rnd(7)},${r < 40 ? r : seg(r) || 'west'},${1 + rnd(7)}`), 1500));
    // rows the general path takes (a quoted cell, a blank line, an empty cell) among the lane's
    both(gen('a,b,c', (r) => (r % 97 === 5 ? '"4",4,4' : r === 300 ? '\n5,5,5' : `${1 + rnd(7)},${1 + rnd(7)},${r % 5 === 0 ? 2 : 1 + rnd(7)}`), 1000));
    both(gen('a,b,c', (r) => (r === 700 ? '4,,4' : r % 6 === 0 ? '6,6,6' : `${1 + rnd(7)},${1 + rnd(7)},${1 + rnd(7)}`), 1000));
  });

  it('stops before a record it cannot take and writes where', () => {
    const b = new TextEncoder().encode('7,3\n5,1\n5,x\n');
    const dst = [new Float64Array(3), new Float64Array(3)];
    const layout = { delim: 44, modes: Uint8Array.of(LANE_NUMBER, LANE_NUMBER), lo: Float64Array.of(1, 1), hi: Float64Array.of(7, 7), rev: Uint8Array.of(0, 1), dst, same: new Uint8Array(3) };
    const out = new Float64Array(1);
    expect(plainNumericRows(b, 0, b.length, layout, 0, 3, out)).toBe(2);
    expect(out[0]).toBe(8);
    expect([...dst[0].subarray(0, 2)]).toEqual([7, 5]);
    expect([...dst[1].subarray(0, 2)]).toEqual([5, 7]);
    expect([...layout.same.subarray(0, 2)]).toEqual([0, 0]);
    layout.modes[1] = LANE_SKIP;
    expect(plainNumericRows(b, 0, b.length, layout, 0, 3, out)).toBe(3);
    expect(plainNumericRows(b, 0, b.length, layout, 0, 1, out)).toBe(1);
  });
});

describe('laneKinds', () => {
  it('refuses a column both reversed and counted (the lanes count the raw value, a take-back the stored reversed one)', () => {
    const layout = { delim: 44, modes: Uint8Array.of(LANE_NUMBER, LANE_NUMBER), lo: Float64Array.of(1, 1), hi: Float64Array.of(5, 5), rev: Uint8Array.of(1, 0), dst: [], same: new Uint8Array(0) };
    expect(Array.from(laneKinds({ ...layout, counted: Uint8Array.of(0, 1) }))).toHaveLength(2);
    expect(() => laneKinds({ ...layout, counted: Uint8Array.of(1, 0) })).toThrow('column 0 is both reversed and counted');
  });
});
