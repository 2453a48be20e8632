import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberBytes } from '../../src/data/parseNumber.js';

const enc = new TextEncoder();
const parse = (t: string) => {
  const b = enc.encode(t);
  return parseNumberBytes(b, 0, b.length);
};

describe('parseNumberBytes', () => {
  it('reads any plain decimal exactly as Number() does (checked against Number on random decimals)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.stringMatching(/^\d{1,12}$/), fc.option(fc.stringMatching(/^\d{0,10}$/)), (neg, int, frac) => {
        const text = `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`;
        expect(Object.is(parse(text), Number(text))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads exponents and long mantissas like Number(), and rejects what Number() would read loosely', () => {
    for (const t of ['1e2', '2.5E-3', '12345678901234567890', '.5', '+7']) expect(parse(t)).toBe(Number(t));
    for (const t of ['0x10', 'Infinity', '1e400', '1_000', '1.2.3', '-', '.', '1,5', '١']) expect(parse(t)).toBeNaN();
  });
});
