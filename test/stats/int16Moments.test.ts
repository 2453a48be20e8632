import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accumulateMoments, accumulateMomentsLoop } from '../../src/stats/accumulateMoments.js';
import { int16Sums } from '../../src/stats/int16Moments.js';
import { BLOCK_ROWS, flushBlocks, int16Kernel, int16Module, runPairs } from '../../src/stats/int16Kernel.js';
import { int16MomentsModule } from '../../src/stats/int16KernelModule.js';
import { SYNC_COMPILE_LIMIT } from '../../src/wasm/index.js';
import { readSurvey } from '../../src/data/index.js';
import { lcg } from '../helpers/random.js';
import { expectSameMomentsBits } from '../helpers/moments.js';

const mobiCsv = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', 'shared', 'datasets', 'mobi.csv');
const HAS_MOBI = existsSync(mobiCsv);

/** Columns of one constant value. */
const constant = (p: number, n: number, v: number): Float64Array[] => Array.from({ length: p }, () => new Float64Array(n).fill(v));

describe('WebAssembly module of the int16 moments kernel', () => {
  it('is a valid module, small enough for a synchronous compile on a browser\'s main thread', () => {
    const bytes = int16MomentsModule();
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(bytes.length).toBeLessThanOrEqual(SYNC_COMPILE_LIMIT);
  });
  it('compiles here (Node has WebAssembly SIMD): the fast pass is really taken', () => {
    expect(int16Module()).not.toBeNull();
    expect(int16Sums([Float64Array.of(1, 2, 3)], null, null, null)).not.toBeNull();
  });
});

describe('exact int16 moments pass (WebAssembly SIMD) against the general loop, bit for bit', () => {
  it.skipIf(!HAS_MOBI)(`mobi 250 × 24, with rows, counts (zeros included) and weights${HAS_MOBI ? '' : ' (../shared is absent: skipped)'}`, () => {
    const survey = readSurvey(readFileSync(mobiCsv, 'utf8'));
    const names = [...survey.itemNames];
    const columns = survey.items;
    expect(int16Sums(columns, null, null, null)).not.toBeNull();
    expectSameMomentsBits(accumulateMoments(columns, { names }), accumulateMomentsLoop(columns, { names }));
    const rows = Int32Array.from({ length: 97 }, (_, i) => (i * 7) % 250);
    const counts = Uint32Array.from({ length: 250 }, (_, i) => (i * 13) % 5);
    const weights = Float64Array.from({ length: 250 }, (_, i) => 1 + (i % 4));
    for (const options of [{ rows }, { counts }, { weights }, { rows, counts, weights }, { counts, missing: 'casewise' as const }]) {
      expect(int16Sums(columns, options.weights ?? null, options.counts ?? null, options.rows ?? null)).not.toBeNull();
      expectSameMomentsBits(accumulateMoments(columns, { names, ...options }), accumulateMomentsLoop(columns, { names, ...options }));
    }
  });
  for (const p of [1, 2, 3, 5, 24, 37]) {
    it(`p = ${p}: random integers (small and large), weights, counts with zeros, row subsets, 1 to 3 blocks`, () => {
      const u = lcg(91 + p);
      for (let trial = 0; trial < 8; trial++) {
        const n = Math.floor(u() * 3 * BLOCK_ROWS);
        const top = trial < 4 ? 11 : 2000;
        const columns = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => Math.floor(u() * top)));
        const weights = trial % 2 === 1 ? Float64Array.from({ length: n }, () => Math.floor(u() * 4)) : null;
        const counts = trial % 4 >= 2 ? Uint32Array.from({ length: n }, () => Math.floor(u() * 3)) : null;
        const rows = trial % 3 === 2 ? Int32Array.from({ length: Math.floor(n / 2) }, () => Math.floor(u() * n)) : undefined;
        const options = { weights, counts, ...(rows ? { rows } : {}) };
        if (n > 0) expect(int16Sums(columns, weights, counts, rows ?? null)).not.toBeNull();
        expectSameMomentsBits(accumulateMoments(columns, options), accumulateMomentsLoop(columns, options));
      }
    });
  }
  it('several chunks (20,000 rows, 3 chunks of 8,192) and a last block of 1 row', () => {
    const u = lcg(5);
    for (const n of [20_000, 2 * BLOCK_ROWS + 1]) {
      const columns = Array.from({ length: 6 }, () => Float64Array.from({ length: n }, () => Math.floor(u() * 101)));
      const counts = Uint32Array.from({ length: n }, () => Math.floor(u() * 4));
      expectSameMomentsBits(accumulateMoments(columns), accumulateMomentsLoop(columns));
      expectSameMomentsBits(accumulateMoments(columns, { counts }), accumulateMomentsLoop(columns, { counts }));
    }
  });
});

describe('int16 lanes at their overflow edge', () => {
  it('flushBlocks: one more block would overflow a 32-bit lane of all-maximal rows', () => {
    // x = 8191: each row adds 8191² = 67,092,481 to its lane, 64 rows per lane per block: 4,293,918,784 ≤ 2^32 − 1
    expect(flushBlocks(1, 8191)).toBe(1);
    expect(flushBlocks(2, 4095)).toBe(2); // w·x² = 33,538,050; two blocks 4,292,870,400
    expect(flushBlocks(1, 8192)).toBe(0); // 64 · 8192² = 2^32: declined
    for (const [w, x] of [[1, 8191], [2, 4095], [181, 181], [1, 10], [7, 300]]) {
      const k = flushBlocks(w, x);
      expect(k * (BLOCK_ROWS / 4) * w * x * x).toBeLessThanOrEqual(2 ** 32 - 1);
      expect((k + 1) * (BLOCK_ROWS / 4) * w * x * x).toBeGreaterThan(2 ** 32 - 1);
    }
  });
  it('all-maximal data spanning many flushes: the same Moments as the loop', () => {
    const n = 5 * BLOCK_ROWS + 3;
    for (const [x, w] of [[8191, 1], [4095, 2], [181, 181], [1, 32767]]) {
      const columns = constant(3, n, x);
      const weights = w === 1 ? null : new Float64Array(n).fill(w);
      expect(int16Sums(columns, weights, null, null)).not.toBeNull();
      expectSameMomentsBits(accumulateMoments(columns, { weights }), accumulateMomentsLoop(columns, { weights }));
    }
  });
  it('the edge data are tight: one block more per call wraps a lane (so an off-by-one flush bound fails the test above)', () => {
    const P = 2; // one item of 8191 and the column of ones
    const blocks = 2;
    const k = int16Kernel(1 << 20)!;
    const x16 = new Int16Array(k.memory.buffer, 0, blocks * P * BLOCK_ROWS);
    for (let b = 0; b < blocks; b++) {
      x16.fill(8191, b * P * BLOCK_ROWS, b * P * BLOCK_ROWS + BLOCK_ROWS);
      x16.fill(1, b * P * BLOCK_ROWS + BLOCK_ROWS, (b + 1) * P * BLOCK_ROWS);
    }
    const acc = 1 << 19;
    const lanes = new Uint32Array(k.memory.buffer, acc, 12);
    const exact = blocks * BLOCK_ROWS * 8191 * 8191;
    const right = new Float64Array(3);
    runPairs(k, 0, 0, blocks, P, acc, lanes, 1 << 18, flushBlocks(1, 8191), right);
    expect(right[0]).toBe(exact);
    const wrong = new Float64Array(3);
    runPairs(k, 0, 0, blocks, P, acc, lanes, 1 << 18, flushBlocks(1, 8191) + 1, wrong);
    expect(wrong[0]).toBe(exact - 4 * 2 ** 32); // each of the 4 lanes wrapped once
  });
  it('declines what int16 lanes cannot hold; the general passes then give the loop\'s numbers', () => {
    const n = 300;
    const cases: [Float64Array[], Float64Array | null][] = [
      [constant(2, n, 32768), null], // above int16
      [constant(2, n, 8192), null], // one block could overflow a lane
      [constant(2, n, 200), new Float64Array(n).fill(200)], // w·x = 40,000 > 32,767
      [[Float64Array.of(1, NaN, 3)], null],
      [[Float64Array.of(1, -2, 3)], null],
      [[Float64Array.of(1, 2.5, 3)], null],
      [[Float64Array.of(1, 2, 3)], Float64Array.of(1, 0.5, 1)],
      [[Float64Array.of(1, 1e10, 3)], null], // beyond int32: trunc_sat saturates, the round trip differs
      [[Float64Array.of(1, -0.5, 3)], null],
      [[Float64Array.of(1, Infinity, 3)], null],
      [[Float64Array.of(1, 32767.5, 3)], null],
      [[Float64Array.from({ length: 20_000 }, (_, i) => (i === 19_999 ? NaN : i % 7))], null], // the last row of the last chunk
    ];
    for (const [columns, weights] of cases) {
      expect(int16Sums(columns, weights, null, null)).toBeNull();
      expectSameMomentsBits(accumulateMoments(columns, { weights }), accumulateMomentsLoop(columns, { weights }));
    }
    expect(int16Sums([Float64Array.of(1, 2)], null, null, Int32Array.of(0, 5))).toBeNull();
    // a negative count times a negative weight is a whole w ≥ 0, but the loop reports the weight: declined
    expect(int16Sums([Float64Array.of(1, 2)], Float64Array.of(1, -1), Float64Array.of(1, -1), null)).toBeNull();
    // −0 is the integer 0; 8,191 is the largest value whose squares fit a block's lanes (64 · 8191² < 2^32)
    expect(int16Sums([Float64Array.of(-0, 2), Float64Array.of(8191, 0)], null, null, null)).not.toBeNull();
    expectSameMomentsBits(accumulateMoments([Float64Array.of(-0, 2)]), accumulateMomentsLoop([Float64Array.of(-0, 2)]));
    expect(() => accumulateMoments([Float64Array.of(1, 2)], { rows: Int32Array.of(0, 5) })).toThrow(/outside/);
    // a row of weight 0 still has its values checked: a missing value makes the moments incomplete
    const holes = [Float64Array.of(NaN, 2), Float64Array.of(1, 2)];
    const zero = { weights: Float64Array.of(0, 1) };
    expectSameMomentsBits(accumulateMoments(holes, zero), accumulateMomentsLoop(holes, zero));
    expect(accumulateMoments(holes, zero).complete).toBe(false);
  });
});

describe('without WebAssembly (absent, or refused by a Content-Security-Policy)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });
  it('WebAssembly absent: no kernel, the JavaScript passes give the same Moments', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    vi.resetModules();
    const stats = await import('../../src/stats/accumulateMoments.js');
    const kernel = await import('../../src/stats/int16Kernel.js');
    const sums = await import('../../src/stats/int16Moments.js');
    expect(kernel.int16Module()).toBeNull();
    expect(kernel.int16Kernel(1024)).toBeNull();
    const columns = Array.from({ length: 4 }, (_, k) => Float64Array.from({ length: 3000 }, (_, i) => (i * (k + 3)) % 11));
    expect(sums.int16Sums(columns, null, null, null)).toBeNull();
    vi.unstubAllGlobals();
    expectSameMomentsBits(stats.accumulateMoments(columns), accumulateMomentsLoop(columns));
  });
  it('compiling refused (CompileError, as under a CSP without wasm-unsafe-eval): the same', async () => {
    vi.stubGlobal('WebAssembly', {
      ...WebAssembly,
      Module: function refused() {
        throw new WebAssembly.CompileError('WebAssembly.Module(): Refused to compile or instantiate WebAssembly module');
      },
    });
    vi.resetModules();
    const stats = await import('../../src/stats/accumulateMoments.js');
    const kernel = await import('../../src/stats/int16Kernel.js');
    expect(kernel.int16Module()).toBeNull();
    const columns = [Float64Array.of(1, 2, 3, 4), Float64Array.of(4, 0, 2, 2)];
    expectSameMomentsBits(stats.accumulateMoments(columns), accumulateMomentsLoop(columns));
  });
});
