/**
 * The CSV reader counts inferred columns while it parses (tallyValue per record on the general path, tallyRows per
 * run of fast-lane records); inferColumn must then judge exactly as from the column itself.
 */
import { describe, expect, it } from 'vitest';
import { inferColumn, newColumnTally, tallyColumn, tallyCount, tallyRows, tallyValue } from '../../src/data/inferColumn.js';

function columns(): Float64Array[] {
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const make = (n: number, f: (r: number) => number) => Float64Array.from({ length: n }, (_, r) => f(r));
  return [
    make(500, () => 1 + Math.floor(rnd() * 10)),
    make(500, () => (rnd() < 0.1 ? NaN : rnd() < 0.05 ? 99 : 1 + Math.floor(rnd() * 5))),
    make(500, (r) => r + 1), // an id
    make(2000, () => Math.floor(rnd() * 5000)), // many distinct, beyond the dense counts
    make(300, () => Math.round(rnd() * 1000) / 10), // decimals
    make(300, () => -3 + Math.floor(rnd() * 20)),
    make(50, () => NaN),
  ];
}

describe('column tally', () => {
  it('value by value, in runs, or whole: the same tally and the same judgement', () => {
    for (const col of columns()) {
      const whole = tallyColumn(col);
      const byValue = newColumnTally();
      for (const x of col) tallyValue(byValue, x);
      const runs = newColumnTally();
      for (let r = 0; r < col.length; r += 37) tallyRows(runs, col, r, Math.min(col.length, r + 37));
      for (const t of [byValue, runs]) {
        expect(t.nonEmpty).toBe(whole.nonEmpty);
        expect(t.integers).toBe(whole.integers);
        expect(Object.is(t.lo, whole.lo) && Object.is(t.hi, whole.hi)).toBe(true);
        expect([...t.dense]).toEqual([...whole.dense]);
        expect([...t.sparse]).toEqual([...whole.sparse]);
        expect(inferColumn(col, t)).toEqual(inferColumn(col));
      }
    }
  });

  it('counts into the dense array it is given (the CSV lane gives each tally its part of one array)', () => {
    const shared = new Float64Array(2 * 1040);
    const t = newColumnTally(shared.subarray(1040));
    tallyValue(t, 7);
    expect(shared[1040 + 16 + 7]).toBe(1);
    expect(() => newColumnTally(new Float64Array(16))).toThrow(RangeError);
  });

  it('tallyCount: the count of a value, or undefined once the sparse counts stopped taking new values', () => {
    for (const col of columns()) {
      const t = tallyColumn(col);
      for (const x of [0, 1, 5, 10, 99, 1023, 1024, 2500, 4999, -3, 12.5, 7777]) {
        const count = col.filter((v) => v === x).length;
        const said = tallyCount(t, x);
        if (said !== undefined) expect(said).toBe(count);
        else expect(t.sparse.size).toBeGreaterThan(256);
      }
    }
  });
});
