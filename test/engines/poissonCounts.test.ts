/**
 * The JS mirror of the engines' Poisson counts (src/engines/sql/poissonCounts.ts), without an engine:
 * - golden hashes, read off the engines themselves (ClickHouse 18.16.1 `SELECT cityHash64(toUInt32(5), 7, toUInt8(3))`,
 *   DuckDB v1.5.5 `SELECT hash(xor(hash(5::BIGINT, 7), CAST(3 AS UBIGINT)))`); the engine tests compare whole
 *   replicates (poissonBootstrap.test.ts, clickhouse.test.ts);
 * - the counts are Poisson(1): over 200,000 draws the frequencies of 0, 1, 2, 3 are within 5 sd of e^−1/k!;
 * - chunking splits replicates into statements of at most the cap, and a later chunk's SQL names its replicates.
 */
import { describe, expect, it } from 'vitest';
import { poissonBootstrapSql, poissonCount, poissonCounts, poissonHash, replicateChunks, REPLICATE_VALUES_PER_QUERY } from '../../src/engines/index.js';

describe('poissonHash / poissonCount', () => {
  it('equals the hashes the engines compute', () => {
    expect(poissonHash('clickhouse', 5, 7, 3)).toBe(923835526728679044n);
    expect(poissonHash('duckdb', 5, 7, 3)).toBe(5759371859419549997n);
    expect(poissonHash('clickhouse', 5n, 7, 3)).toBe(923835526728679044n);
  });

  it('draws Poisson(1) counts', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => i + 1);
    for (const dialect of ['duckdb', 'clickhouse'] as const) {
      const freq = new Float64Array(13);
      let total = 0;
      for (let r = 0; r < 10; r++) for (const k of poissonCounts(dialect, ids, 11, r)) (freq[k]++, total++);
      let fact = 1;
      for (let k = 0; k < 4; k++) {
        fact *= Math.max(1, k);
        const p = Math.exp(-1) / fact;
        const sd = Math.sqrt(p * (1 - p) / total);
        expect(Math.abs(freq[k] / total - p), `${dialect} k=${k}`).toBeLessThan(5 * sd);
      }
    }
  });

  it('refuses keys it cannot mirror', () => {
    expect(() => poissonCount('duckdb', -1, 1, 0)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => poissonCount('duckdb', 1.5, 1, 0)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => poissonCount('clickhouse', 1, -1, 0)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('replicateChunks / firstReplicate', () => {
  it('splits at the cap and covers every replicate once', () => {
    expect(replicateChunks(1000, 351)).toEqual([{ first: 0, count: 1000 }]);
    const chunks = replicateChunks(5000, 1755);
    const size = Math.floor(REPLICATE_VALUES_PER_QUERY / 1755);
    expect(chunks[0]).toEqual({ first: 0, count: size });
    expect(chunks.reduce((a, c) => a + c.count, 0)).toBe(5000);
    chunks.forEach((c, i) => i > 0 && expect(c.first).toBe(chunks[i - 1].first + chunks[i - 1].count));
    expect(replicateChunks(3, 10, 5)).toEqual([{ first: 0, count: 1 }, { first: 1, count: 1 }, { first: 2, count: 1 }]);
  });

  it('a later chunk names its replicates', () => {
    const dd = poissonBootstrapSql({ items: ['a'], source: 't', form: 'complete', dialect: 'duckdb', rowKey: 'id', replicates: 4, firstReplicate: 10, seed: 1 });
    expect(dd.sql).toContain('CROSS JOIN range(10, 14) AS csi_reps(csi_r)');
    const ch = poissonBootstrapSql({ items: ['a'], source: 't', form: 'complete', dialect: 'clickhouse', rowKey: 'id', replicates: 4, firstReplicate: 10, seed: 1 });
    expect(ch.sql).toContain('ARRAY JOIN arrayMap(csi_x -> csi_x + 10, range(4)) AS csi_r');
    expect(() => poissonBootstrapSql({ items: ['a'], source: 't', form: 'complete', dialect: 'duckdb', rowKey: 'id', replicates: 4, firstReplicate: -1 })).toThrow();
  });
});

describe('computeReplicateMoments', () => {
  it('refuses a replicate count outside 1 … 100,000 before any query', async () => {
    const { computeReplicateMoments } = await import('../../src/engines/index.js');
    let queries = 0;
    const run = async (): Promise<never[]> => (queries++, []);
    for (const replicates of [0, 1.5, 100_001]) {
      await expect(computeReplicateMoments(run, 't', 'duckdb', { items: ['a'], rowKey: 'id', replicates })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    }
    expect(queries).toBe(0);
  });
});
