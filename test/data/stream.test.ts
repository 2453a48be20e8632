import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/data/readSurvey.js';
import { readSurveyStream } from '../../src/data/readSurveyStream.js';
import type { Survey } from '../../src/data/survey.js';
import { cb } from './helpers.js';

const TEXT = [
  'id,地区,Q1,Q2,Q3,note',
  '1,北京,7,8,9,plain',
  '2,"上海, 浦东",10,,1,"two\nlines"',
  '',
  '3,广州,99,5,5,"say ""hi"""',
  '4,北京,5,5,5,x',
  '5,,1,2,3,"é ü 满意"',
].join('\r\n') + '\r\n';

const CODEBOOK = {
  id: 'id',
  items: [
    { id: 'Q1', scale: { min: 1, max: 10 }, missing: [{ value: 99 }] },
    { id: 'Q2', scale: { min: 1, max: 10 }, reverse: true },
    { id: 'Q3', scale: { min: 1, max: 10 } },
  ],
  segments: [{ id: '地区' }, { id: 'note' }],
};

function plain(s: Survey) {
  return JSON.parse(
    JSON.stringify({ ...s, log: { ...s.log, encoding: '' } }, (_k, v) =>
      ArrayBuffer.isView(v) ? Array.from(v as Float64Array, (x) => (Number.isNaN(x) ? 'NaN' : x)) : v,
    ),
  );
}

/** Splits bytes at the given cut points (sorted, deduplicated). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.slice(prev, p));
    prev = p;
  }
  return out;
}

async function* iter<T>(xs: T[]) {
  for (const x of xs) yield x;
}

describe('readSurveyStream', () => {
  const bytes = new TextEncoder().encode(TEXT);
  const reference = plain(readSurvey(TEXT, { codebook: CODEBOOK }));

  it('the reference text exercises quotes, CRLF, blank lines, missing codes, reverse items and multi-byte text', () => {
    expect(reference.n).toBe(5);
    // Rows count records as a spreadsheet shows them: record 3 spans two text lines, the blank line is row 4.
    expect(reference.log.excludedRows).toEqual([{ row: 4, reason: 'blank line' }]);
    expect(reference.segments[1].levels).toContain('two\nlines');
  });

  it('equals the string reader on one-byte chunks (every cut, mid-line and mid-character)', async () => {
    const s = await readSurveyStream(iter(split(bytes, Array.from({ length: bytes.length }, (_, i) => i))), { codebook: CODEBOOK });
    expect(plain(s)).toEqual(reference);
  });

  it('equals the string reader on random awkward byte chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 30 }), async (cuts) => {
        const s = await readSurveyStream(iter(split(bytes, cuts)), { codebook: CODEBOOK });
        expect(plain(s)).toEqual(reference);
      }),
      { numRuns: 200 },
    );
  });

  it('equals the string reader on random chunks of text with mixed line ends (LF, CRLF, lone CR) and quotes', async () => {
    const mixed = 'a,b,g\r1,2,"x\ry"\n3,4,z\r\n\r5,6,"q""\n"\r7,8,w';
    const mb = new TextEncoder().encode(mixed);
    const ref = plain(readSurvey(mixed, { codebook: cb(['a', 'b'], { segments: [{ id: 'g' }] }) }));
    expect(ref.n).toBe(4);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: mb.length }), { maxLength: 12 }), async (cuts) => {
        const s = await readSurveyStream(iter(split(mb, cuts)), { codebook: cb(['a', 'b'], { segments: [{ id: 'g' }] }) });
        expect(plain(s)).toEqual(ref);
      }),
      { numRuns: 300 },
    );
  });

  it('equals the string reader on string chunks, a Node Readable and a web ReadableStream', async () => {
    const strings = [TEXT.slice(0, 7), TEXT.slice(7, 40), TEXT.slice(40)];
    expect(plain(await readSurveyStream(iter(strings), { codebook: CODEBOOK }))).toEqual(reference);
    expect(plain(await readSurveyStream(Readable.from(split(bytes, [5, 50, 51])), { codebook: CODEBOOK }))).toEqual(reference);
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of split(bytes, [3, 33, 99])) controller.enqueue(part);
        controller.close();
      },
    });
    expect(plain(await readSurveyStream(web, { codebook: CODEBOOK }))).toEqual(reference);
  });

  it('grows its columns past the initial capacity (several thousand rows, small chunks)', async () => {
    const rows = ['Q1,Q2'];
    for (let i = 0; i < 5000; i++) rows.push(`${(i % 10) + 1},${((i * 7) % 10) + 1}`);
    const text = rows.join('\n');
    const b = new TextEncoder().encode(text);
    const s = await readSurveyStream(iter(split(b, Array.from({ length: 200 }, (_, i) => i * 173))), { codebook: cb(['Q1', 'Q2']) });
    expect(s.n).toBe(5000);
    expect(s.items[0][4999]).toBe((4999 % 10) + 1);
    expect(plain(s)).toEqual(plain(readSurvey(text, { codebook: cb(['Q1', 'Q2']) })));
  });

  it('a sizeHint only preallocates: the result is the same', async () => {
    const a = await readSurveyStream(iter([bytes]), { codebook: CODEBOOK, sizeHint: 10 });
    const b = await readSurveyStream(iter([bytes]), { codebook: CODEBOOK, sizeHint: 10_000_000 });
    expect(plain(a)).toEqual(reference);
    expect(plain(b)).toEqual(reference);
  });
});
