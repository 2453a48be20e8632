import { describe, expect, it } from 'vitest';
import { BLOCK_ROWS } from '../../src/stats/int16Kernel.js';
import { fillOnes, kernelLayout, splitPairs } from '../../src/stats/int16Layout.js';

describe('kernelLayout', () => {
  it('lays the regions one after another (the addresses the three passes used before)', () => {
    for (const [P, blocks, stageBlocks] of [[2, 1, 1], [25, 32, 32], [25, 40, 32], [73, 8, 0], [1, 3, 2]]) {
      const col = 2 * BLOCK_ROWS;
      const w = blocks * P * col;
      const scratch = w + blocks * col;
      const acc = scratch + P * col;
      const stage = acc + 16 * ((P * (P + 1)) / 2);
      const status = stage + 8 * stageBlocks * BLOCK_ROWS;
      expect(kernelLayout(P, blocks, stageBlocks)).toEqual({ x: 0, w, scratch, acc, stage, status, bytes: stageBlocks > 0 ? status + 32 : stage });
    }
    expect(kernelLayout(2, 1, 1)).toEqual({ x: 0, w: 1024, scratch: 1536, acc: 2560, stage: 2608, status: 4656, bytes: 4688 });
    expect(kernelLayout(3, 2)).toEqual(kernelLayout(3, 2, 0));
  });
});

describe('fillOnes', () => {
  it('writes 1 on the len rows of column a and 0 on the padding rows of the last block, nothing else', () => {
    const P = 3;
    const x16 = new Int16Array(2 * P * BLOCK_ROWS).fill(7);
    fillOnes(x16, 1, P, BLOCK_ROWS + 5);
    for (let b = 0; b < 2; b++) {
      for (let col = 0; col < P; col++) {
        for (let r = 0; r < BLOCK_ROWS; r++) {
          const v = x16[(b * P + col) * BLOCK_ROWS + r];
          const want = col !== 1 ? 7 : b * BLOCK_ROWS + r < BLOCK_ROWS + 5 ? 1 : 0;
          if (v !== want) expect({ b, col, r, v }).toEqual({ b, col, r, v: want });
        }
      }
    }
  });
});

describe('splitPairs', () => {
  // totals of pairs (a, b), a ≤ b, row by row over 3 columns (2 items and the ones column): distinct values
  const totals = Float64Array.of(11, 12, 13, 22, 23, 33);
  it('packed: c is the upper triangle row by row, s the pairs with the ones column', () => {
    const s = new Float64Array(2);
    const c = new Float64Array(3);
    splitPairs(totals, 2, s, c, true);
    expect([...s]).toEqual([13, 23]);
    expect([...c]).toEqual([11, 12, 22]);
  });
  it('full: c is the symmetric p × p matrix', () => {
    const s = new Float64Array(2);
    const c = new Float64Array(4);
    splitPairs(totals, 2, s, c, false);
    expect([...s]).toEqual([13, 23]);
    expect([...c]).toEqual([11, 12, 12, 22]);
  });
  it('copies values bit for bit (−0, NaN kept)', () => {
    const s = new Float64Array(1);
    const c = new Float64Array(1);
    splitPairs(Float64Array.of(-0, NaN, 5), 1, s, c, true);
    expect(Object.is(c[0], -0)).toBe(true);
    expect(Number.isNaN(s[0])).toBe(true);
  });
});
