import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/data/readSurvey.js';
import { readSurveyStream } from '../../src/data/readSurveyStream.js';
import { surveyFromRows } from '../../src/data/surveyFromRows.js';
import { isCsiError } from '../../src/errors.js';
import { cb } from './helpers.js';

/** Runs f; passes if it returns or throws a CsiError, fails on any other exception. */
function onlyResultOrCsiError(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!isCsiError(e)) throw e;
  }
}

const CODEBOOK = cb(['a', 'b', 'c'], { id: 'id', segments: [{ id: 'g' }], numeric: [{ id: 'n' }], weight: 'w' });

/** CSV-like text built from pieces that trigger every branch of the tokenizer and the builder. */
const csvLike = fc
  .array(
    fc.constantFrom(
      'id', 'a', 'b', 'c', 'g', 'n', 'w', ',', ';', '\t', '\n', '\r\n', '\r', '"', '""', ' ', '1', '5', '10', '11', '-3', '2.5',
      '3,5', '99', 'NA', 'x', '满意', '\u0000', '\ufeff', '__proto__', 'constructor', '1e400', '0x1', '', 'é',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('readSurvey never throws anything but a CsiError', () => {
  it('random bytes, with and without a codebook', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, withCodebook) => {
        onlyResultOrCsiError(() => readSurvey(bytes, withCodebook ? { codebook: CODEBOOK } : {}));
      }),
      { numRuns: 1500 },
    );
  });

  it('random strings (full Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (text, withCodebook) => {
        onlyResultOrCsiError(() => readSurvey(text, withCodebook ? { codebook: CODEBOOK } : {}));
      }),
      { numRuns: 400 },
    );
  });

  it('CSV-like text, with a header that matches the codebook', () => {
    fc.assert(
      fc.property(csvLike, fc.boolean(), fc.constantFrom(',', ';', '\t', 'auto' as const), (body, withCodebook, delimiter) => {
        const text = `id,a,b,c,g,n,w\n${body}`;
        onlyResultOrCsiError(() => readSurvey(text, { delimiter, ...(withCodebook ? { codebook: CODEBOOK } : {}) }));
        onlyResultOrCsiError(() => readSurvey(body, withCodebook ? { codebook: CODEBOOK } : {}));
      }),
      { numRuns: 3000 },
    );
  });

  it('a result always has consistent shapes', () => {
    fc.assert(
      fc.property(csvLike, (body) => {
        try {
          const s = readSurvey(`a,b,g\n${body}`);
          for (const col of s.items) expect(col.length).toBe(s.n);
          for (const seg of s.segments) {
            expect(seg.codes.length).toBe(s.n);
            for (const c of seg.codes) expect(c >= -1 && c < seg.levels.length).toBe(true);
          }
          expect(s.log.rowsRead).toBe(s.n);
        } catch (e) {
          if (!isCsiError(e)) throw e;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the stream reader, on random bytes in random chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 17 }), async (bytes, step) => {
        async function* chunks() {
          for (let i = 0; i < bytes.length; i += step) yield bytes.subarray(i, i + step);
        }
        try {
          await readSurveyStream(chunks(), { codebook: CODEBOOK });
        } catch (e) {
          if (!isCsiError(e)) throw e;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('surveyFromRows, on random row objects', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'g', 'id', 'w', ' a'), fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.boolean())), { maxLength: 8 }), fc.boolean(), (rows, withCodebook) => {
        onlyResultOrCsiError(() => surveyFromRows(rows, withCodebook ? { codebook: cb(['a', 'b']) } : {}));
      }),
      { numRuns: 1000 },
    );
  });
});
