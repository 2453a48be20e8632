import { describe, expect, it } from 'vitest';
import { accumulateMoments } from '../../src/stats/accumulateMoments.js';
import { isCsiError } from '../../src/errors.js';

/** Moments by their definitions (Moments doc table), row by row, the slow obvious way. */
function bruteForce(cols: Float64Array[], w: number[] | null, counts: number[] | null, casewise = false) {
  const p = cols.length;
  const N = cols[0].length;
  const z = () => new Array<number>(p * p).fill(0);
  const out = { n: 0, sw: 0, sww: 0, nObs: new Array<number>(p).fill(0), s: new Array<number>(p).fill(0), m: z(), p: z(), q: z(), c: z() };
  for (let r = 0; r < N; r++) {
    const mult = counts ? counts[r] : 1;
    const wr = (w ? w[r] : 1) * mult;
    const x = cols.map((c) => c[r]);
    const o = x.map((v) => (Number.isNaN(v) ? 0 : 1));
    if (casewise && o.includes(0)) continue;
    out.n += mult;
    out.sw += wr;
    out.sww += wr * wr;
    for (let i = 0; i < p; i++) {
      out.nObs[i] += mult * o[i];
      if (o[i]) out.s[i] += wr * x[i];
      for (let j = 0; j < p; j++) {
        if (!(o[i] && o[j])) continue;
        out.m[i * p + j] += wr;
        out.p[i * p + j] += wr * x[i];
        out.q[i * p + j] += wr * x[i] * x[i];
        out.c[i * p + j] += wr * x[i] * x[j];
      }
    }
  }
  return out;
}

function randomColumns(seed: number, N: number, p: number, missingShare: number): Float64Array[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: p }, () => Float64Array.from({ length: N }, () => (rnd() < missingShare ? NaN : 1 + Math.floor(rnd() * 10))));
}

describe('accumulateMoments', () => {
  it('sums a tiny example by hand', () => {
    // a = [1, 2, 3], b = [2, 4, NaN]: Σa = 6, Σb = 6, Σab over both observed = 1·2 + 2·4 = 10
    const mo = accumulateMoments([new Float64Array([1, 2, 3]), new Float64Array([2, 4, NaN])], { names: ['a', 'b'] });
    expect(mo.items).toEqual(['a', 'b']);
    expect(mo.n).toBe(3);
    expect(mo.sw).toBe(3);
    expect(mo.nObs).toEqual([3, 2]);
    expect(mo.s).toEqual([6, 6]);
    expect(mo.c).toEqual([14, 10, 10, 20]);
    expect(mo.m).toEqual([3, 2, 2, 2]);
    expect(mo.p).toEqual([6, 3, 6, 6]); // p[a,b] = Σ a | both = 3; p[b,a] = Σ b | both = 6
    expect(mo.q).toEqual([14, 5, 20, 20]); // q[a,b] = Σ a² | both = 5
    expect(mo.complete).toBe(false);
    expect(mo.weighted).toBe(false);
  });

  it('equals the definitions with missing values, weights and counts (exact on integer data)', () => {
    const N = 5000; // more than one summation block
    const cols = randomColumns(7, N, 6, 0.08);
    const w = Array.from({ length: N }, (_, r) => 1 + (r % 4));
    const counts = Array.from({ length: N }, (_, r) => (r * 7) % 3);
    const mo = accumulateMoments(cols, { weights: Float64Array.from(w), counts: Uint32Array.from(counts) });
    const ref = bruteForce(cols, w, counts);
    expect(mo.weighted).toBe(true);
    for (const key of ['n', 'sw', 'sww', 'nObs', 's', 'm', 'p', 'q', 'c'] as const) expect(mo[key]).toEqual(ref[key]);
  });

  it('casewise keeps only complete rows and marks the moments complete', () => {
    const cols = randomColumns(3, 800, 4, 0.1);
    const mo = accumulateMoments(cols, { missing: 'casewise' });
    const ref = bruteForce(cols, null, null, true);
    expect(accumulateMoments(cols, { casewise: true })).toEqual(mo); // the old boolean, still honoured
    expect(mo.complete).toBe(true);
    expect(mo.n).toBe(ref.n);
    expect(mo.c).toEqual(ref.c);
    expect(mo.m.every((v) => v === ref.n)).toBe(true);
  });

  it('a row subset equals accumulating the subset alone', () => {
    const cols = randomColumns(11, 300, 3, 0.05);
    const rows = Int32Array.from({ length: 100 }, (_, i) => i * 3);
    const sub = cols.map((c) => Float64Array.from(rows, (r) => c[r]));
    expect(accumulateMoments(cols, { rows })).toEqual(accumulateMoments(sub));
  });

  it('complete data: m = sw, p[i,j] = s[i], q[i,j] = c[i,i]', () => {
    const cols = randomColumns(5, 100, 3, 0);
    const mo = accumulateMoments(cols);
    expect(mo.complete).toBe(true);
    expect(mo.m.every((v) => v === 100)).toBe(true);
    expect(mo.p[0 * 3 + 2]).toBe(mo.s[0]);
    expect(mo.q[1 * 3 + 0]).toBe(mo.c[1 * 3 + 1]);
  });

  it('rejects a negative or missing weight', () => {
    const cols = [new Float64Array([1, 2])];
    for (const bad of [-1, NaN]) {
      try {
        accumulateMoments(cols, { weights: new Float64Array([1, bad]) });
        expect.unreachable();
      } catch (e) {
        expect(isCsiError(e) && e.code).toBe('INVALID_WEIGHT');
      }
    }
  });
});
