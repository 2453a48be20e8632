import { describe, expect, it } from 'vitest';
import { createCsvRecordCounter, createCsvTokenizer } from '../../src/data/index.js';

/** Records as the tokenizer sees them (blank lines excluded), fed in the given chunk sizes. */
function tokenizerRecords(bytes: Uint8Array, delim: string): number {
  let n = 0;
  const t = createCsvTokenizer(delim, { beginRow() {}, blankRow() {}, cell() {}, endRow() { n++; } });
  t.push(bytes);
  t.end();
  return n;
}

function counted(bytes: Uint8Array, delim: string, cuts: number[]): number {
  const c = createCsvRecordCounter(delim);
  let at = 0;
  for (const k of [...cuts, bytes.length]) {
    c.push(bytes.subarray(at, Math.max(at, k)));
    at = Math.max(at, k);
  }
  return c.end();
}

describe('createCsvRecordCounter: the tokenizer\'s records without tokenizing', () => {
  it('quoted line breaks, "" escapes, literal quotes, CRLF, lone CR, blank lines, a last line without a break', () => {
    const enc = new TextEncoder();
    const cases: [string, number][] = [
      ['a,b\n1,2\n', 2],
      ['a,b\n1,"x\ny"\n\n2,', 3],
      ['a,b\r\n1,2\r\n\r\n3,4', 3],
      ['a,b\r1,2\r\r3,4\r', 3],
      ['a,b\n1,"x""\n""y"\n2,ab"c\n3,"q"x"\n4\n', 5],
      ['\n\na\n', 1],
      ['a,"\n\n\n"\n', 1],
      ['a\n""\n""""\n', 3],
    ];
    for (const [text, n] of cases) {
      const b = enc.encode(text);
      expect(tokenizerRecords(b, ','), text).toBe(n);
      for (let k = 0; k <= b.length; k++) expect(counted(b, ',', [k]), `${JSON.stringify(text)} cut at ${k}`).toBe(n);
    }
  });

  it('agrees with the tokenizer on random hostile bytes cut into random chunks', () => {
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = [44, 59, 34, 34, 10, 13, 97, 49, 32];
    for (let t = 0; t < 3000; t++) {
      const len = 1 + Math.floor(rnd() * 60);
      const b = Uint8Array.from({ length: len }, () => alphabet[Math.floor(rnd() * alphabet.length)]);
      let expected: number;
      try {
        expected = tokenizerRecords(b, ',');
      } catch {
        continue; // an unterminated quote: the reader refuses the file anyway
      }
      const cuts = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => Math.floor(rnd() * len)).sort((x, y) => x - y);
      expect(counted(b, ',', cuts), JSON.stringify(new TextDecoder().decode(b))).toBe(expected);
    }
  });
});
