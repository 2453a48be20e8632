import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/parse.js';
import { effectMatrices } from '../../src/pls/effects.js';
import { chainModelText, chainPaths, seeded } from '../helpers/hostile.js';

/** The former dense power sum Σ B^k (reference). */
function denseTotal(B: Float64Array, adjacency: Uint8Array, m: number): Float64Array {
  const total = Float64Array.from(B);
  let power = Float64Array.from(B);
  let powerReach = Uint8Array.from(adjacency);
  for (let k = 2; k <= m; k++) {
    const next = new Float64Array(m * m);
    const nextReach = new Uint8Array(m * m);
    let any = false;
    for (let a = 0; a < m; a++) for (let c = 0; c < m; c++) {
      if (!powerReach[a * m + c]) continue;
      for (let b = 0; b < m; b++) {
        if (!adjacency[c * m + b]) continue;
        next[a * m + b] += power[a * m + c] * B[c * m + b];
        nextReach[a * m + b] = 1;
        any = true;
      }
    }
    if (!any) break;
    for (let q = 0; q < m * m; q++) total[q] += next[q];
    power = next;
    powerReach = nextReach;
  }
  return total;
}

function randomDag(m: number, p: number, rnd: () => number) {
  const B = new Float64Array(m * m);
  const adjacency = new Uint8Array(m * m);
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) if (rnd() < p) {
    adjacency[a * m + b] = 1;
    B[a * m + b] = rnd() * 2 - 1;
  }
  return { B, adjacency };
}

describe('effects on large models (issue 18 items 1 and 4)', () => {
  it('parses a model chaining 5,000 constructs (no stack overflow in the cycle check)', () => {
    const model = parseModel(chainModelText(5000));
    expect(model.paths).toHaveLength(4999);
  });

  it('still reports a cycle in a long chain closed back to its start', () => {
    expect(() => parseModel(chainModelText(3000) + '\nC0 ~ C2999')).toThrow(/cycle: C0 → C1 → C2 → .* → C2999 → C0/);
  });

  it('2,000 chained constructs: total effects in well under the former minutes, exact products', () => {
    const m = 2000;
    const { B, adjacency } = chainPaths(m);
    const t0 = performance.now();
    const e = effectMatrices(B, adjacency, m);
    expect(performance.now() - t0).toBeLessThan(10_000); // dense powers: O(m⁴) ≈ hours
    expect(e.total[0 * m + 3]).toBe(0.9 * 0.9 * 0.9);
    expect(e.reach[0 * m + (m - 1)]).toBe(1);
    expect(e.indirectReach[0 * m + 1]).toBe(0);
    expect(e.indirect[5 * m + 6]).toBe(0);
  });

  it('is bit-identical to the dense power sum on 500 random DAGs', () => {
    const rnd = seeded(11);
    for (let t = 0; t < 500; t++) {
      const m = 2 + Math.floor(rnd() * 12);
      const { B, adjacency } = randomDag(m, rnd(), rnd);
      expect(Array.from(effectMatrices(B, adjacency, m).total)).toEqual(Array.from(denseTotal(B, adjacency, m)));
    }
  });

  it('a deep dense DAG past the work budget falls back to topological order, equal up to rounding', () => {
    const m = 160;
    const { B, adjacency } = randomDag(m, 1, seeded(3));
    for (let q = 0; q < m * m; q++) B[q] *= 0.05;
    const e = effectMatrices(B, adjacency, m);
    const ref = denseTotal(B, adjacency, m);
    let worst = 0;
    for (let q = 0; q < m * m; q++) worst = Math.max(worst, Math.abs(e.total[q] - ref[q]) / Math.max(1e-300, Math.abs(ref[q])));
    expect(worst).toBeLessThan(1e-10);
  });
});
