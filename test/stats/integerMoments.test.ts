import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accumulateMoments, accumulateMomentsLoop } from '../../src/stats/accumulateMoments.js';
import { integerSums } from '../../src/stats/integerMoments.js';
import { momentsFromSurvey } from '../../src/stats/momentsFromSurvey.js';
import { readSurvey } from '../../src/data/index.js';
import { lcg } from '../helpers/random.js';
import { expectSameMomentsBits } from '../helpers/moments.js';

const mobiCsv = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', 'shared', 'datasets', 'mobi.csv');
const HAS_MOBI = existsSync(mobiCsv);

describe('exact integer moments pass (several sums per double)', () => {
  it.skipIf(!HAS_MOBI)(`mobi 250 × 24: the same Moments as the general loop, bit for bit${HAS_MOBI ? '' : ' (../shared is absent: skipped)'}`, () => {
    const survey = readSurvey(readFileSync(mobiCsv, 'utf8'));
    const names = [...survey.itemNames];
    expect(integerSums(survey.items, null, null, null)).not.toBeNull();
    expectSameMomentsBits(momentsFromSurvey(survey), accumulateMomentsLoop(survey.items, { names }));
    const rows = Int32Array.from({ length: 97 }, (_, i) => (i * 7) % 250);
    const counts = Uint32Array.from({ length: 250 }, (_, i) => (i * 13) % 5);
    expectSameMomentsBits(accumulateMoments(survey.items, { names, rows, counts }), accumulateMomentsLoop(survey.items, { names, rows, counts }));
  });
  for (const p of [1, 2, 3, 5, 24, 37]) {
    it(`p = ${p}: random integers, weights, counts, row subsets; 2 and 3 lanes`, () => {
      const u = lcg(31 + p);
      for (let trial = 0; trial < 8; trial++) {
        const n = Math.floor(u() * 130);
        const top = trial < 4 ? 11 : 400;
        const columns = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => Math.floor(u() * top)));
        const weights = trial % 2 === 1 ? Float64Array.from({ length: n }, () => Math.floor(u() * 4)) : null;
        const counts = trial % 4 >= 2 ? Uint32Array.from({ length: n }, () => Math.floor(u() * 3)) : null;
        const rows = trial % 3 === 2 ? Int32Array.from({ length: Math.floor(n / 2) }, () => Math.floor(u() * n)) : undefined;
        const options = { weights, counts, ...(rows ? { rows } : {}) };
        if (n > 0) expect(integerSums(columns, weights, counts, rows ?? null)).not.toBeNull();
        expectSameMomentsBits(accumulateMoments(columns, options), accumulateMomentsLoop(columns, options));
      }
    });
  }
  it('declines (general loop instead) missing, negative, fractional or too large values and fractional weights', () => {
    const ok = Float64Array.of(1, 2, 3);
    expect(integerSums([Float64Array.of(1, NaN, 3)], null, null, null)).toBeNull();
    expect(integerSums([Float64Array.of(1, -2, 3)], null, null, null)).toBeNull();
    expect(integerSums([Float64Array.of(1, 2.5, 3)], null, null, null)).toBeNull();
    expect(integerSums([Float64Array.of(1, 1e5, 3)], null, null, null)).toBeNull(); // 3·1e10 ≥ 2^26
    expect(integerSums([ok], Float64Array.of(1, 0.5, 1), null, null)).toBeNull();
    expect(integerSums([ok], null, Float64Array.of(1, 1.5, 1), null)).toBeNull();
    expect(integerSums([ok], null, null, Int32Array.of(0, 5))).toBeNull();
    // the general loop still reports bad weights and rows with their row number
    expect(() => accumulateMoments([ok], { weights: Float64Array.of(1, -1, 1) })).toThrow(/row 2/);
    expect(() => accumulateMoments([ok], { rows: Int32Array.of(0, 5) })).toThrow(/outside/);
    for (const columns of [[Float64Array.of(1, NaN, 3), ok], [Float64Array.of(-1, 2.5, 3), ok]]) {
      expectSameMomentsBits(accumulateMoments(columns), accumulateMomentsLoop(columns));
    }
  });
});
