import { describe, expect, it } from 'vitest';
import { independentSubset, itemVif } from '../../src/quality/itemVif.js';

describe('item VIF with exactly collinear items (issue 18 item 19)', () => {
  it('only the items that depend on the others get Infinity', () => {
    // a2 = a1 exactly; a3 correlates 0.3 with both
    const r = new Float64Array([1, 1, 0.3, 1, 1, 0.3, 0.3, 0.3, 1]);
    const vif = itemVif({ itemNames: ['a1', 'a2', 'a3'], constructNames: ['A'], blocks: [[0, 1, 2]], itemCorrelation: r }).A;
    expect(vif.a1).toBe(Infinity);
    expect(vif.a2).toBe(Infinity);
    expect(vif.a3).toBeCloseTo(1 / (1 - 0.09), 12);
  });

  it('a sum item: the three items in the exact relation are Infinity, an unrelated fourth is finite', () => {
    // x3 = (x1 + x2)/√2·… built from a covariance: x1, x2 independent, x3 = (x1 + x2)/√2, x4 correlates 0.2 with x1
    const s = Math.SQRT1_2;
    const r = new Float64Array([
      1, 0, s, 0.2,
      0, 1, s, 0,
      s, s, 1, 0.2 * s,
      0.2, 0, 0.2 * s, 1,
    ]);
    const vif = itemVif({ itemNames: ['x1', 'x2', 'x3', 'x4'], constructNames: ['X'], blocks: [[0, 1, 2, 3]], itemCorrelation: r }).X;
    expect(vif.x1).toBe(Infinity);
    expect(vif.x2).toBe(Infinity);
    expect(vif.x3).toBe(Infinity);
    expect(Number.isFinite(vif.x4)).toBe(true);
    expect(vif.x4).toBeCloseTo(1 / (1 - 0.04), 10);
  });

  it('independentSubset drops the duplicates', () => {
    expect(independentSubset(new Float64Array([1, 1, 0, 1, 1, 0, 0, 0, 1]), 3, [0, 1, 2])).toEqual([0, 2]);
  });
});
