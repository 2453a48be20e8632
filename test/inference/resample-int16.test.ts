import { afterEach, describe, expect, it, vi } from 'vitest';
import { packRows, resampleLoops, resampleMoments, type PackedRows } from '../../src/inference/resample-moments.js';
import { resampleCounts } from '../../src/inference/rng.js';
import { int16TablePass } from '../../src/stats/int16Table.js';
import { BLOCK_ROWS } from '../../src/stats/int16Kernel.js';
import type { Moments } from '../../src/stats/index.js';
import { HAS_MOBI, SKIP, mobi } from './helpers.js';
import { lcg } from '../helpers/random.js';

/** The plain row-order loops' sums (the reference), as s, packed upper triangle c and tot = [sw, sww, n]. */
function loops(rows: PackedRows, counts: Uint32Array | null): { s: Float64Array; c: Float64Array; tot: Float64Array } {
  const p = rows.p;
  const s = new Float64Array(p);
  const c = new Float64Array((p * (p + 1)) / 2);
  const tot = new Float64Array(3);
  resampleLoops({ ...rows, outer: null }, counts, true, s, c, tot);
  return { s, c, tot };
}

/** resampleMoments against the loops, every number compared with Object.is. */
function expectSameBits(mo: Moments, rows: PackedRows, counts: Uint32Array | null): void {
  const { s, c, tot } = loops(rows, counts);
  const p = rows.p;
  expect([Object.is(mo.sw, tot[0]), Object.is(mo.sww, tot[1]), Object.is(mo.n, tot[2])]).toEqual([true, true, true]);
  for (let a = 0; a < p; a++) expect(Object.is(mo.s[a], s[a]), `s[${a}]`).toBe(true);
  for (let a = 0, q = 0; a < p; a++) {
    for (let b = a; b < p; b++, q++) {
      expect(Object.is(mo.c[a * p + b], c[q]), `c[${a},${b}]: ${mo.c[a * p + b]} vs ${c[q]}`).toBe(true);
      expect(Object.is(mo.c[b * p + a], c[q])).toBe(true);
    }
  }
  expect(mo.nObs).toEqual(new Array(p).fill(tot[2]));
}

/** True when the int16 pass takes these counts (it declines weights that do not fit int16 lanes). */
function takes(rows: PackedRows, counts: Uint32Array | null): boolean {
  const p = rows.p;
  return int16TablePass(rows.int16!, counts, rows.weights, new Float64Array(p), new Float64Array((p * (p + 1)) / 2), new Float64Array(3));
}

describe('resample moments on the WebAssembly int16 kernel (bit-identical to the loops)', () => {
  it.skipIf(!HAS_MOBI)(`mobi 250 × 24: 300 seeded resamples, and all rows once${HAS_MOBI ? '' : ` (${SKIP})`}`, () => {
    const { survey } = mobi();
    const rows = packRows([...survey.itemNames], survey.items, null)!;
    expect(rows.int16).not.toBeNull();
    let into: Moments | undefined;
    for (let r = 0; r < 300; r++) {
      const counts = resampleCounts(survey.n, 2026, r);
      expect(takes(rows, counts)).toBe(true);
      into = resampleMoments(rows, counts, into);
      expectSameBits(into, rows, counts);
    }
    expectSameBits(resampleMoments(rows, null), rows, null);
  });
  for (const p of [1, 2, 5, 24, 40]) {
    it(`p = ${p}: random integers, integer weights, counts with zeros, up to 3 blocks`, () => {
      const u = lcg(303 + p);
      for (let trial = 0; trial < 6; trial++) {
        const n = 1 + Math.floor(u() * 3 * BLOCK_ROWS);
        const top = trial < 3 ? 11 : 1000;
        const columns = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => Math.floor(u() * top)));
        const weights = trial % 2 === 0 ? null : Float64Array.from({ length: n }, () => Math.floor(u() * 3));
        const rows = packRows(columns.map((_, k) => `x${k}`), columns, weights)!;
        expect(rows.int16).not.toBeNull();
        for (const counts of [null, resampleCounts(n, 9, trial), Uint32Array.from({ length: n }, () => (u() < 0.5 ? 0 : Math.floor(u() * 5)))]) {
          expect(takes(rows, counts)).toBe(true);
          expectSameBits(resampleMoments(rows, counts), rows, counts);
        }
      }
    });
  }
  it('lanes at their overflow edge (all-maximal values over many flushes) and counts of 0 and 1 only', () => {
    const n = 6 * BLOCK_ROWS - 5;
    const columns = Array.from({ length: 3 }, () => new Float64Array(n).fill(4095));
    const rows = packRows(['a', 'b', 'c'], columns, null)!;
    const twos = new Uint32Array(n).fill(2); // w·x² = 2·4095²: 2 blocks per call
    expect(takes(rows, twos)).toBe(true);
    expectSameBits(resampleMoments(rows, twos), rows, twos);
    const zeroOne = Uint32Array.from({ length: n }, (_, i) => i % 3 === 0 ? 0 : 1);
    expectSameBits(resampleMoments(rows, zeroOne), rows, zeroOne);
    expectSameBits(resampleMoments(rows, null), rows, null);
  });
  it('tables over several packing chunks (20,000 rows: 3 chunks of 8,192), a value too large in the last row', () => {
    const u = lcg(21);
    const n = 20_000;
    const columns = Array.from({ length: 3 }, () => Float64Array.from({ length: n }, () => Math.floor(u() * 11)));
    const rows = packRows(['a', 'b', 'c'], columns, null)!;
    expect(rows.int16).not.toBeNull();
    for (const counts of [resampleCounts(n, 5, 0), null]) {
      expect(takes(rows, counts)).toBe(true);
      expectSameBits(resampleMoments(rows, counts), rows, counts);
    }
    columns[2][n - 1] = 40_000;
    expect(packRows(['a', 'b', 'c'], columns, null)!.int16).toBeNull();
  });
  it('a resample whose weights do not fit int16 is declined and takes the other passes, with the same bits', () => {
    const u = lcg(8);
    const n = 300;
    const columns = Array.from({ length: 4 }, () => Float64Array.from({ length: n }, () => Math.floor(u() * 1000)));
    const rows = packRows(['a', 'b', 'c', 'd'], columns, null)!;
    const big = Uint32Array.from({ length: n }, (_, i) => (i === 7 ? 40 : 1)); // 40 · 999 > 32,767
    expect(takes(rows, big)).toBe(false);
    expectSameBits(resampleMoments(rows, big), rows, big);
    const weighted = packRows(['a'], [Float64Array.of(1, 2, 3)], Float64Array.of(1, 20000, 1))!;
    expect(takes(weighted, null)).toBe(false); // 20000 · 3 > 32,767
    expectSameBits(resampleMoments(weighted, null), weighted, null);
  });
  it('no int16 table for values outside 0…32,767 or fractional weights', () => {
    expect(packRows(['a'], [Float64Array.of(1, 32768)], null)!.int16).toBeNull();
    expect(packRows(['a'], [Float64Array.of(1, -1)], null)!.int16).toBeNull();
    expect(packRows(['a'], [Float64Array.of(1, 2)], Float64Array.of(1, 0.5))!.int16).toBeNull();
    expect(packRows(['a'], [Float64Array.of(1, 32767)], null)!.int16).not.toBeNull();
  });
});

describe('resample moments without WebAssembly', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });
  it('WebAssembly absent: no int16 table, the JavaScript passes give the same sums', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    vi.resetModules();
    const mod = await import('../../src/inference/resample-moments.js');
    const u = lcg(12);
    const columns = Array.from({ length: 5 }, () => Float64Array.from({ length: 400 }, () => Math.floor(u() * 11)));
    const rows = mod.packRows(['a', 'b', 'c', 'd', 'e'], columns, null)!;
    expect(rows.int16).toBeNull();
    const counts = resampleCounts(400, 3, 0);
    const mo = mod.resampleMoments(rows, counts);
    vi.unstubAllGlobals();
    expectSameBits(mo, rows, counts);
  });
});
