/**
 * The tokenizer gives the same records and fields whatever the chunking and whatever the chunks are: one Uint8Array,
 * small random chunks, or Node Buffers (whose indexOf the tokenizer uses to look for quotes), with quotes, escaped
 * quotes, quoted delimiters and line breaks, CRLF and lone CR falling on every chunk border.
 */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { createCsvTokenizer } from '../../src/data/csvTokenizer.js';
import { lcgInts as rng } from '../helpers/random.js';

/** Every token as text: `[row` at a record, `|field` per cell, `]n` at its end, `_row` for a blank line. */
function tokens(chunks: Uint8Array[]): string {
  const out: string[] = [];
  const dec = new TextDecoder();
  const t = createCsvTokenizer(',', {
    beginRow: (row) => out.push(`[${row}`),
    cell: (col, b, s, e, num) => out.push(`|${col}:${dec.decode(b.subarray(s, e))}:${num}`),
    endRow: (fields) => out.push(`]${fields}`),
    blankRow: (row) => out.push(`_${row}`),
  });
  try {
    for (const c of chunks) t.push(c);
    t.end();
  } catch (e) {
    out.push(`!${(e as Error).message}`);
  }
  return out.join('');
}

function csv(rnd: (k: number) => number, rows: number): string {
  const cell = (): string => {
    switch (rnd(10)) {
      case 0: return `"a,b${rnd(3) ? '' : '\n'}c"`;
      case 1: return '"say ""hi"""';
      case 2: return '';
      case 3: return `"${rnd(100)}"`;
      case 4: return 'x"y';
      default: return String(rnd(11));
    }
  };
  const ends = ['\n', '\r\n', '\r', '\n\n'];
  return Array.from({ length: rows }, () => Array.from({ length: 4 }, cell).join(',') + ends[rnd(4)]).join('');
}

describe('csvTokenizer', () => {
  it('the same tokens from one array, small chunks, or Node Buffers, quotes on every chunk border', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rnd = rng(seed);
      const bytes = new TextEncoder().encode(csv(rnd, 300));
      const whole = tokens([bytes]);
      expect(whole).toContain('"');
      for (const size of [1, 2, 3, 5, 17, 64, 1000]) {
        const cut: Uint8Array[] = [];
        for (let o = 0; o < bytes.length; o += size) cut.push(bytes.subarray(o, o + size));
        expect(tokens(cut)).toBe(whole);
        expect(tokens(cut.map((c) => Buffer.from(c)))).toBe(whole);
      }
    }
    // a quote left open: the same error whichever the chunks
    const open = new TextEncoder().encode('a,b\n1,"2\n3,4\n');
    const error = tokens([open]);
    expect(error).toContain('!A quoted field that starts in row 2 is never closed.');
    for (const size of [1, 4, 7]) {
      const cut: Uint8Array[] = [];
      for (let o = 0; o < open.length; o += size) cut.push(Buffer.from(open.subarray(o, o + size)));
      expect(tokens(cut)).toBe(error);
    }
  });
});
