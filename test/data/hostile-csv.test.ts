import { describe, expect, it } from 'vitest';
import { createCsvTokenizer, type CsvSink } from '../../src/data/csvTokenizer.js';
import { bigCsv } from '../helpers/hostile.js';

const sink: CsvSink = { beginRow() {}, cell() {}, endRow() {}, blankRow() {} };

/** ms to tokenize `bytes` pushed in 16 KiB chunks; the error (if any) is swallowed. */
function timeTokenize(bytes: Uint8Array): { ms: number; error?: string } {
  const t0 = performance.now();
  let error: string | undefined;
  try {
    const t = createCsvTokenizer(',', sink);
    for (let i = 0; i < bytes.length; i += 16384) t.push(bytes.subarray(i, i + 16384));
    t.end();
  } catch (e) {
    error = (e as Error).message;
  }
  return { ms: performance.now() - t0, error };
}

describe('hostile CSV structure (issue 18 item 5)', () => {
  it('a quote left open at row 3 costs linear time, and the error stays the unterminated-quote one', () => {
    const plain = bigCsv(12e6, false);
    const open = bigCsv(12e6, true);
    timeTokenize(plain); // warm
    const a = Math.min(timeTokenize(plain).ms, timeTokenize(plain).ms);
    const r = timeTokenize(open);
    expect(r.error).toBe('A quoted field that starts in row 3 is never closed.');
    // quadratic before the fix (≈ 730 chunks × a rescan of the growing tail); linear now: a loose bound for a shared machine
    expect(r.ms).toBeLessThan(Math.max(5 * a, 400));
  });

  it('a quote closed megabytes later still parses one field across the chunks', () => {
    const cells: string[] = [];
    const dec = new TextDecoder();
    const t = createCsvTokenizer(',', { beginRow() {}, endRow() {}, blankRow() {}, cell(_c, b, s, e) { cells.push(dec.decode(b.subarray(s, e))); } });
    const body = 'x'.repeat(200_000) + '""' + 'y\r\n'.repeat(1000);
    const text = new TextEncoder().encode(`a,b\r\n1,"${body}"\r\n2,3\r`);
    for (let i = 0; i < text.length; i += 997) t.push(text.subarray(i, i + 997));
    t.end();
    expect(cells).toEqual(['a', 'b', '1', body.replace('""', '"'), '2', '3']);
  });
});
