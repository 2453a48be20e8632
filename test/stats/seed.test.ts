import { describe, expect, it } from 'vitest';
import { poissonBootstrapSql } from '../../src/engines/index.js';
import { bootstrapStatistic } from '../../src/inference/index.js';
import { resolveSeed, SEED_MAX } from '../../src/stats/index.js';

describe('one seed contract (stats/seed.ts)', () => {
  it('an integer in [0, 2^31 − 1]; anything else is INVALID_OPTION', () => {
    expect(resolveSeed(0)).toBe(0);
    expect(resolveSeed(SEED_MAX)).toBe(2 ** 31 - 1);
    for (const bad of [-1, 1.5, 2 ** 31, Number.NaN, 2 ** 53]) {
      expect(() => resolveSeed(bad)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    }
  });

  it('the default is random, in range, and reported (in memory and in the engine SQL alike)', async () => {
    const seeds = Array.from({ length: 20 }, () => resolveSeed(undefined));
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s <= SEED_MAX).toBe(true);
    expect(new Set(seeds).size).toBeGreaterThan(1);
    const q = poissonBootstrapSql({ items: ['a'], source: 't', form: 'complete', dialect: 'duckdb', rowKey: 'id', replicates: 2 });
    expect(q.sql).toContain(`hash("id", ${q.seed})`);
    const mean = (counts: Uint32Array) => [counts.reduce((a, c, i) => a + c * i, 0) / counts.reduce((a, c) => a + c, 0)];
    const boot = await bootstrapStatistic(10, mean, { resamples: 3 });
    expect(Number.isInteger(boot.seed) && boot.seed! >= 0 && boot.seed! <= SEED_MAX).toBe(true);
  });

  it('the same range in memory and in SQL', async () => {
    const mean = (counts: Uint32Array) => [counts[0]];
    await expect(bootstrapStatistic(10, mean, { resamples: 3, seed: 2 ** 31 })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    expect(() => poissonBootstrapSql({ items: ['a'], source: 't', form: 'complete', dialect: 'duckdb', rowKey: 'id', replicates: 2, seed: 2 ** 31 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});
