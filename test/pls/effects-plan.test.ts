import { describe, expect, it } from 'vitest';
import { effectMatrices, effectPlan, effectsWithPlan } from '../../src/pls/effects.js';
import { chainPaths, seeded } from '../helpers/hostile.js';

function randomDag(m: number, p: number, rnd: () => number) {
  const B = new Float64Array(m * m);
  const adjacency = new Uint8Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) if (a !== b && rnd() < p) {
    // a random topological order: edges go from lower to higher rank
    const [lo, hi] = a < b ? [a, b] : [b, a];
    adjacency[lo * m + hi] = 1;
    B[lo * m + hi] = rnd() * 2 - 1;
  }
  return { B, adjacency };
}

/** The per-model schedule of the power sum gives the on-the-fly power sum's numbers, bit for bit. */
describe('effectsWithPlan = effectMatrices', () => {
  it('random DAGs of 2–40 constructs, sparse to dense, one plan reused for several path matrices', () => {
    const rnd = seeded(19);
    for (let trial = 0; trial < 60; trial++) {
      const m = 2 + Math.floor(rnd() * 39);
      const { adjacency } = randomDag(m, [0.05, 0.2, 0.6][trial % 3], rnd);
      const plan = effectPlan(adjacency, m);
      for (let rep = 0; rep < 3; rep++) {
        const B = new Float64Array(m * m);
        for (let q = 0; q < m * m; q++) if (adjacency[q]) B[q] = rep === 2 && q % 5 === 0 ? 0 : rnd() * 2 - 1;
        const want = effectMatrices(B, adjacency, m);
        const got = effectsWithPlan(plan, B);
        expect(Array.from(got.total)).toEqual(Array.from(want.total));
        expect(Array.from(got.indirect)).toEqual(Array.from(want.indirect));
        expect(Array.from(got.reach)).toEqual(Array.from(want.reach));
        expect(Array.from(got.indirectReach)).toEqual(Array.from(want.indirectReach));
      }
    }
  });

  it('a chain too long to store its schedule is summed on the fly, still equal', () => {
    const m = 800;
    const { B, adjacency } = chainPaths(m);
    const plan = effectPlan(adjacency, m);
    expect(plan.schedule).toBeNull();
    expect(Array.from(effectsWithPlan(plan, B).total)).toEqual(Array.from(effectMatrices(B, adjacency, m).total));
  });
});
