import { describe, expect, it } from 'vitest';
import { accumulateMoments, type Moments } from '../../src/stats/index.js';
import { exactCompleteMoments } from '../../src/stats/exactMoments.js';

/** A seeded generator of uniform [0, 1) doubles. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/** Every field compared with Object.is (bit for bit, −0 included). */
function expectSameBits(a: Moments, b: Moments): void {
  expect(a.items).toEqual(b.items);
  expect([a.complete, a.weighted]).toEqual([b.complete, b.weighted]);
  for (const key of ['n', 'sw', 'sww'] as const) expect(Object.is(a[key], b[key])).toBe(true);
  for (const key of ['nObs', 's', 'm', 'p', 'q', 'c'] as const) {
    expect(a[key].length).toBe(b[key].length);
    a[key].forEach((v, i) => expect(Object.is(v, b[key][i])).toBe(true));
  }
}

describe('accumulateMoments on complete integer data: the generated exact pass gives the blocked pass\'s bits', () => {
  // `rows` listing every row in order runs the blocked pass over the same rows in the same order: the reference
  const blocked = (columns: Float64Array[], options: Parameters<typeof accumulateMoments>[1]): Moments =>
    accumulateMoments(columns, { ...options, rows: Int32Array.from({ length: columns[0].length }, (_, i) => i) });

  for (const p of [1, 3, 24, 36, 40]) {
    it(`p = ${p}: random scales, integer weights and counts, rows beyond one 2048-row block`, () => {
      const u = lcg(77 + p);
      for (let trial = 0; trial < 4; trial++) {
        const n = trial === 3 ? 5000 : 1 + Math.floor(u() * 300);
        const lo = trial === 2 ? -500 : 1;
        const span = trial === 2 ? 1000 : 10;
        const columns = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => lo + Math.floor(u() * span)));
        const names = columns.map((_, k) => `x${k}`);
        const weights = trial % 2 === 1 ? Float64Array.from({ length: n }, () => Math.floor(u() * 5)) : null;
        const f64 = Float64Array.from({ length: n }, () => (u() < 0.35 ? 0 : Math.floor(u() * 4)));
        for (const counts of [null, f64, Uint32Array.from(f64)]) {
          expectSameBits(accumulateMoments(columns, { names, weights, counts }), blocked(columns, { names, weights, counts }));
        }
      }
    });
  }
  it('declines what it cannot make exact: missing values, fractions, fractional weights or counts, huge values', () => {
    const a = Float64Array.of(1, 2, 3);
    expect(exactCompleteMoments([a], ['a'], null, null)).not.toBeNull();
    expect(exactCompleteMoments([Float64Array.of(1, NaN, 3)], ['a'], null, null)).toBeNull();
    expect(exactCompleteMoments([Float64Array.of(1, 2.5, 3)], ['a'], null, null)).toBeNull();
    expect(exactCompleteMoments([a], ['a'], Float64Array.of(1, 0.5, 1), null)).toBeNull();
    expect(exactCompleteMoments([a], ['a'], null, Float64Array.of(1, 1.5, 1))).toBeNull();
    expect(exactCompleteMoments([a], ['a'], Float64Array.of(1, Infinity, 1), null)).toBeNull();
    expect(exactCompleteMoments([Float64Array.of(1, 2 ** 26, 3)], ['a'], null, null)).toBeNull(); // 3 · 2^52 > 2^53
  });
  it('declined data take the blocked pass unchanged (missing values, reals, a bad weight still throws)', () => {
    const cols = [Float64Array.of(1, NaN, 3, 4), Float64Array.of(0.5, 2, 3, 1)];
    expectSameBits(accumulateMoments(cols, { names: ['a', 'b'] }), blocked(cols, { names: ['a', 'b'] }));
    expect(() => accumulateMoments([Float64Array.of(1, 2)], { weights: Float64Array.of(1, -1) })).toThrow(/Weight -1 in data row 2/);
  });
});
