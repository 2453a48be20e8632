import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accumulateMoments, accumulateMomentsLoop } from '../../src/stats/accumulateMoments.js';
import { int16IncompleteSums } from '../../src/stats/int16Incomplete.js';
import { readSurvey } from '../../src/data/index.js';
import type { MissingRule } from '../../src/stats/missing.js';
import { lcg } from '../helpers/random.js';
import { expectSameMomentsBits } from '../helpers/moments.js';

const mobiCsv = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', 'shared', 'datasets', 'mobi.csv');
const HAS_MOBI = existsSync(mobiCsv);

const RULES: MissingRule[] = ['mean', 'pairwise', 'casewise'];

describe('exact int16 pass with missing values (WebAssembly) against the general loop, bit for bit', () => {
  it.skipIf(!HAS_MOBI)(`mobi with 3 % of cells missing, × missing rule, rows, counts, weights${HAS_MOBI ? '' : ' (../shared is absent: skipped)'}`, () => {
    const survey = readSurvey(readFileSync(mobiCsv, 'utf8'));
    const names = [...survey.itemNames];
    const u = lcg(20261202);
    const columns = survey.items.map((c) => c.map((v) => (u() < 0.03 ? NaN : v)));
    expect(int16IncompleteSums(columns, null, null, null)?.complete).toBe(false);
    const rows = Int32Array.from({ length: 97 }, (_, i) => (i * 7) % 250);
    const counts = Uint32Array.from({ length: 250 }, (_, i) => (i * 13) % 5);
    const weights = Float64Array.from({ length: 250 }, (_, i) => (i % 4));
    for (const missing of RULES) {
      for (const extra of [{}, { rows }, { counts }, { weights }, { rows, counts, weights }]) {
        const options = { names, missing, ...extra };
        expectSameMomentsBits(accumulateMoments(columns, options), accumulateMomentsLoop(columns, options));
      }
    }
  });
  for (const p of [1, 2, 5, 24]) {
    it(`p = ${p}: random integers with many missing cells, weights (zeros too), counts with zeros, row subsets, up to 3 chunks`, () => {
      const u = lcg(404 + p);
      for (let trial = 0; trial < 8; trial++) {
        const n = trial === 7 ? 5000 : Math.floor(u() * 700);
        const share = [0.01, 0.2, 0.6][trial % 3];
        const top = trial < 4 ? 11 : 91; // values 0…90
        const columns = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => (u() < share ? NaN : Math.floor(u() * top))));
        const weights = trial % 2 === 1 ? Float64Array.from({ length: n }, () => Math.floor(u() * 3)) : null;
        const counts = trial % 4 >= 2 ? Uint32Array.from({ length: n }, () => Math.floor(u() * 3)) : null;
        const rows = trial % 3 === 2 ? Int32Array.from({ length: Math.floor(n / 2) }, () => Math.floor(u() * n)) : undefined;
        if (n > 0 && top === 11) expect(int16IncompleteSums(columns, weights, counts, rows ?? null)).not.toBeNull();
        for (const missing of RULES) {
          const options = { weights, counts, missing, ...(rows ? { rows } : {}) };
          expectSameMomentsBits(accumulateMoments(columns, options), accumulateMomentsLoop(columns, options));
        }
      }
    });
  }
  it('a column missing everywhere, a row missing everywhere, missing cells only in rows of count 0', () => {
    const columns = [Float64Array.of(NaN, NaN, NaN, NaN), Float64Array.of(1, NaN, 3, 4), Float64Array.of(2, NaN, 0, 5)];
    for (const missing of RULES) {
      expectSameMomentsBits(accumulateMoments(columns, { missing }), accumulateMomentsLoop(columns, { missing }));
      const counts = Uint32Array.of(2, 0, 1, 3);
      expectSameMomentsBits(accumulateMoments(columns.slice(1), { missing, counts }), accumulateMomentsLoop(columns.slice(1), { missing, counts }));
    }
  });
  it('values at the lanes\' edge (90: 64 rows · 90⁴ < 2^32) and what it declines: 91, 182, w·x² above 32,767, fractions', () => {
    const n = 3000;
    const edge = [new Float64Array(n).fill(90), Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? NaN : 90))];
    expect(int16IncompleteSums(edge, null, null, null)).not.toBeNull();
    for (const missing of RULES) expectSameMomentsBits(accumulateMoments(edge, { missing }), accumulateMomentsLoop(edge, { missing }));
    const declined: [Float64Array[], Float64Array | null][] = [
      [[Float64Array.of(91, NaN, 1)], null], // 64 · 91⁴ ≥ 2^32: one block could overflow a lane
      [[Float64Array.of(182, NaN, 1)], null],
      [[Float64Array.of(100, NaN, 1)], Float64Array.of(4, 1, 1)], // 4 · 100² > 32,767
      [[Float64Array.of(1.5, NaN, 1)], null],
      [[Float64Array.of(-1, NaN, 1)], null],
      [[Float64Array.of(1, NaN, 1)], Float64Array.of(1, 0.5, 1)],
    ];
    for (const [columns, weights] of declined) {
      expect(int16IncompleteSums(columns, weights, null, null)).toBeNull();
      for (const missing of RULES) expectSameMomentsBits(accumulateMoments(columns, { weights, missing }), accumulateMomentsLoop(columns, { weights, missing }));
    }
    // the loop still reports a bad weight with its row, also on a row the casewise rule would drop
    expect(() => accumulateMoments([Float64Array.of(1, NaN, 3)], { weights: Float64Array.of(1, -1, 1), missing: 'casewise' })).toThrow(/row 2/);
    expect(() => accumulateMoments([Float64Array.of(1, NaN, 3)], { weights: Float64Array.of(1, -1, 1) })).toThrow(/row 2/);
  });
});

describe('fractional counts (count × weight a whole number) are left to the general loop', () => {
  it('counts 0.5 × weights 2 over 3 chunks with missing cells: the int16 pass declines, accumulateMoments equals the loop bit for bit', () => {
    // 20,000 rows = 3 chunks of 8,192: summed per chunk, the missing counts 0.5 + 0.1-style sums could round unlike the loop
    const u = lcg(77);
    const n = 20000;
    const columns = Array.from({ length: 4 }, () => Float64Array.from({ length: n }, () => (u() < 0.1 ? NaN : Math.floor(u() * 7) + 1)));
    const counts = Float64Array.from({ length: n }, (_, i) => [0.5, 0.25, 0.1][i % 3]);
    const weights = Float64Array.from({ length: n }, (_, i) => [2, 4, 10][i % 3]);
    expect(int16IncompleteSums(columns, weights, counts, null)).toBeNull();
    for (const missing of RULES) {
      const options = { missing, counts, weights };
      expectSameMomentsBits(accumulateMoments(columns, options), accumulateMomentsLoop(columns, options));
    }
  });
});
