import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/data/readSurvey.js';
import { readSurveyStream } from '../../src/data/readSurveyStream.js';
import { cb, csiErrorOf, csiErrorOfAsync } from './helpers.js';

// GBK bytes, checked with `printf '满意' | iconv -t GBK | xxd` → c2fa d2e2, and `printf '地区' | iconv -t GBK | xxd` → b5d8 c7f8.
const MANYI = [0xc2, 0xfa, 0xd2, 0xe2]; // 满意
const DIQU = [0xb5, 0xd8, 0xc7, 0xf8]; // 地区
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** A GBK file: header `地区,Q1`, rows `满意,7` and `a,8`. */
function gbkFile(): Uint8Array {
  return new Uint8Array([...DIQU, ...ascii(',Q1\r\n'), ...MANYI, ...ascii(',7\r\n'), ...ascii('a,8\r\n')]);
}

describe('encodings', () => {
  it('detects GBK (invalid UTF-8) and decodes headers and segment values', () => {
    const s = readSurvey(gbkFile(), { codebook: cb(['Q1'], { segments: [{ id: '地区' }] }) });
    expect(s.log.encoding).toBe('gb18030');
    expect(s.segments[0].name).toBe('地区');
    expect(s.segments[0].levels).toEqual(['满意', 'a']);
    expect(Array.from(s.items[0])).toEqual([7, 8]);
  });

  it('round trip: the same survey from GBK bytes and from the equivalent UTF-8 text', () => {
    const fromGbk = readSurvey(gbkFile(), { encoding: 'gbk' });
    const fromUtf8 = readSurvey(new TextEncoder().encode('地区,Q1\r\n满意,7\r\na,8\r\n'));
    expect(fromGbk.log.encoding).toBe('gbk');
    expect(fromGbk.codebook).toEqual(fromUtf8.codebook);
    expect(fromGbk.segments).toEqual(fromUtf8.segments);
    expect(fromGbk.items).toEqual(fromUtf8.items);
  });

  it('the stream reader detects GBK too', async () => {
    const bytes = gbkFile();
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
    }
    const s = await readSurveyStream(chunks());
    expect(s.log.encoding).toBe('gb18030');
    expect(s.segments[0].levels).toEqual(['满意', 'a']);
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode text")', () => {
    const text = 'g\tQ1\r\n满意\t7\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const s = readSurvey(bytes);
    expect(s.log.encoding).toBe('utf-16le');
    expect(s.log.delimiter).toBe('\t');
    expect(s.segments[0].levels).toEqual(['满意']);
  });

  it('an explicit utf-8 on GBK bytes fails with ENCODING at the cell', () => {
    const e = csiErrorOf(() => readSurvey(gbkFile(), { encoding: 'utf-8' }));
    expect(e.code).toBe('ENCODING');
  });

  it('bytes that are neither UTF-8 nor GB18030 fail with ENCODING', () => {
    expect(csiErrorOf(() => readSurvey(new Uint8Array([0x51, 0x0a, 0xff, 0xff, 0x0a]))).code).toBe('ENCODING');
  });

  it('a GBK file whose first 64 KB are ASCII fails in the stream with ENCODING, and works with encoding: gbk', async () => {
    const head = ascii('g,Q1\n') ;
    const filler = ascii('a,1\n');
    const body: number[] = [...head];
    while (body.length < 70000) body.push(...filler);
    body.push(...MANYI, ...ascii(',2\n'));
    const bytes = new Uint8Array(body);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 8192) yield bytes.subarray(i, i + 8192);
    }
    const e = await csiErrorOfAsync(() => readSurveyStream(chunks()));
    expect(e.code).toBe('ENCODING');
    expect(e.column).toBe('g');
    const s = await readSurveyStream(chunks(), { encoding: 'gbk' });
    expect(s.segments[0].levels).toEqual(['a', '满意']);
  });
});
