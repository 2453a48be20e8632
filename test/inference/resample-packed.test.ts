import { describe, expect, it } from 'vitest';
import { packRows, resampleLoops, resampleMoments, setKernelThreshold, type PackedRows } from '../../src/inference/resample-moments.js';
import { packedKernel } from '../../src/inference/resample-packed-kernel.js';
import { packedIntegerFits, packedIntegerTable } from '../../src/inference/resample-packed.js';
import { resampleCounts } from '../../src/inference/rng.js';
import { HAS_MOBI, SKIP, mobi } from './helpers.js';
import { lcg } from '../helpers/random.js';

/** resampleMoments (packed integer pass) against the plain row-order loops, every field compared with Object.is. */
function expectSameBits(rows: PackedRows, counts: Uint32Array | null): void {
  const mo = resampleMoments(rows, counts);
  const p = rows.p;
  const s = new Float64Array(p);
  const c = new Float64Array((p * (p + 1)) / 2);
  const tot = new Float64Array(3);
  resampleLoops({ ...rows, outer: null }, counts, true, s, c, tot);
  expect(Object.is(mo.sw, tot[0]) && Object.is(mo.sww, tot[1]) && Object.is(mo.n, tot[2])).toBe(true);
  for (let a = 0; a < p; a++) expect(Object.is(mo.s[a], s[a])).toBe(true);
  let q = 0;
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++, q++) {
      expect(Object.is(mo.c[a * p + b], c[q])).toBe(true);
      expect(Object.is(mo.c[b * p + a], c[q])).toBe(true);
    }
  }
  expect(mo.nObs).toEqual(new Array(p).fill(tot[2]));
}

describe('integer-packed resample pass (several exact integer cells per double)', () => {
  it.skipIf(!HAS_MOBI)(`mobi 250 × 24: 3 lanes, bit-identical to the loops on 200 seeded resamples${HAS_MOBI ? "" : ` (${SKIP})`}`, () => {
    const { survey } = mobi();
    const rows = packRows([...survey.itemNames], survey.items, null)!;
    rows.int16 = null; // test the packed passes (the WebAssembly int16 pass is tested in resample-int16.test.ts)
    expect(rows.packedInt?.lanes).toBe(3);
    const noTable = { ...rows, packedInt: { ...rows.packedInt!, table: null } };
    for (let r = 0; r < 200; r++) {
      expectSameBits(rows, resampleCounts(survey.n, 123, r));
      expectSameBits(noTable, resampleCounts(survey.n, 123, r));
    }
    expectSameBits(rows, null);
    expectSameBits(noTable, null);
  });
  for (const p of [1, 2, 5, 24, 40]) {
    it(`p = ${p}: random non-negative integers, integer weights, 2 and 3 lanes, counts with zeros`, () => {
      const u = lcg(77 + p);
      for (let trial = 0; trial < 6; trial++) {
        const n = 1 + Math.floor(u() * 120);
        const top = trial < 3 ? 11 : 300; // 300² · n needs 26-bit lanes
        const columns = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => Math.floor(u() * top)));
        const weights = trial % 2 === 0 ? null : Float64Array.from({ length: n }, () => Math.floor(u() * 3));
        const rows = packRows(columns.map((_, k) => `x${k}`), columns, weights)!;
        rows.int16 = null; // test the packed passes (the WebAssembly int16 pass is tested in resample-int16.test.ts)
        expect(rows.packedInt).not.toBeNull();
        const noTable = { ...rows, packedInt: { ...rows.packedInt!, table: null } };
        for (const counts of [null, resampleCounts(n, 9, trial), Uint32Array.from({ length: n }, () => (u() < 0.5 ? 0 : Math.floor(u() * 5)))]) {
          expectSameBits(rows, counts);
          expectSameBits(noTable, counts); // the pass that packs rows on the fly (large n)
        }
      }
    });
  }
  it('declines negative, fractional or too large data, and a pass whose Σ counts would overflow a lane', () => {
    expect(packedIntegerTable(Float64Array.of(1, -1), 2, 1, 1)).toBeNull();
    expect(packedIntegerTable(Float64Array.of(1, 1.5), 2, 1, 1)).toBeNull();
    expect(packedIntegerTable(Float64Array.of(1e4, 1), 2, 1, 1)).toBeNull(); // 2·1e8 ≥ 2^26
    expect(packedIntegerTable(Float64Array.of(1, 2), 2, 1, 1.5)).toBeNull();
    const t = packedIntegerTable(Float64Array.of(10, 3), 2, 1, 1)!;
    expect(t.lanes).toBe(3);
    expect(packedIntegerFits(t, 2)).toBe(true);
    expect(packedIntegerFits(t, 2000)).toBe(false); // 2000 · 100 ≥ 2^17
    // the fallback is taken for such a pass, with the same sums as the loops
    const rows = packRows(['a'], [Float64Array.of(10, 3)], null)!;
    rows.int16 = null; // test the packed passes (the WebAssembly int16 pass is tested in resample-int16.test.ts)
    expectSameBits(rows, Uint32Array.of(1500, 500));
  });
  it('large n: no table (over 1,000,000 doubles), rows packed on the fly in 26-bit lanes, same bits', () => {
    const u = lcg(2024);
    const n = 50_000;
    const columns = Array.from({ length: 24 }, () => Float64Array.from({ length: n }, () => 1 + Math.floor(u() * 10)));
    const rows = packRows(columns.map((_, k) => `x${k}`), columns, null)!;
    rows.int16 = null; // test the packed passes (the WebAssembly int16 pass is tested in resample-int16.test.ts)
    expect(rows.packedInt?.table).toBeNull();
    expect(rows.packedInt?.lanes).toBe(2);
    for (let r = 0; r < 3; r++) expectSameBits(rows, resampleCounts(n, 4, r));
  });
  it('the generated packed kernel (large n, once warm) gives the loops\' sums bit for bit, 2 and 3 lanes', () => {
    const before = setKernelThreshold(0);
    try {
      const u = lcg(606);
      for (const p of [1, 2, 5, 24, 31]) {
        for (const [top, lanes] of [[4, 3], [40, 2]]) {
          const n = 5000 + Math.floor(u() * 4000); // several 4096-row calls
          const columns = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => Math.floor(u() * top)));
          const weights = lanes === 2 && p % 2 === 0 ? Float64Array.from({ length: n }, () => Math.floor(u() * 3)) : null;
          const rows = packRows(columns.map((_, k) => `x${k}`), columns, weights)!;
          rows.int16 = null; // test the packed passes (the WebAssembly int16 pass is tested in resample-int16.test.ts)
          expect(rows.packedInt?.lanes).toBe(lanes);
          const noTable = { ...rows, packedInt: { ...rows.packedInt!, table: null } };
          expect(packedKernel(p, noTable.packedInt.lanes, noTable.packedInt.bits)).not.toBeNull();
          for (let r = 0; r < 2; r++) expectSameBits(noTable, resampleCounts(n, 8, r));
          expectSameBits(noTable, null);
        }
      }
    } finally {
      setKernelThreshold(before);
    }
  });
  it('refills the moments given as `into` (the loop\'s reuse) with exactly the values of fresh moments', () => {
    const u = lcg(5);
    const columns = Array.from({ length: 7 }, () => Float64Array.from({ length: 90 }, () => Math.floor(u() * 11)));
    const rows = packRows(columns.map((_, k) => `x${k}`), columns, null)!;
    rows.int16 = null; // test the packed passes (the WebAssembly int16 pass is tested in resample-int16.test.ts)
    let reused = resampleMoments(rows, resampleCounts(90, 1, 0));
    for (let r = 1; r < 5; r++) {
      const counts = resampleCounts(90, 1, r);
      const again = resampleMoments(rows, counts, reused);
      expect(again).toBe(reused);
      expect(again).toEqual(resampleMoments(rows, counts));
      reused = again;
    }
  });
  it('real-valued or negative data keep the general pass (no packed table)', () => {
    expect(packRows(['a'], [Float64Array.of(0.5, 2)], null)!.packedInt).toBeNull();
    expect(packRows(['a'], [Float64Array.of(-1, 2)], null)!.packedInt).toBeNull();
    expect(packRows(['a'], [Float64Array.of(1, 2)], Float64Array.of(0.5, 1))!.packedInt).toBeNull();
  });
});
