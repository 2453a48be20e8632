/**
 * The in-engine Poisson bootstrap (DuckDB here; ClickHouse in clickhouse.test.ts).
 * - SQL: the count thresholds are the Poisson(1) CDF, recomputed here from e^−1 Σ 1/j!; one GROUP BY replicate.
 * - Exactness: each replicate's moments equal the in-memory moments weighted by the counts the engine drew (the
 *   counts are listed with the same count expression and fed to momentsFromSurvey as row multiplicities).
 * - The counts behave as Poisson(1): replicate sizes Σ K have mean n and sd √n.
 * - Standard errors agree with the classical (multinomial) bootstrap on 100,000 rows within the Monte-Carlo error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbFileSource, duckdbPoissonBootstrap, openDuckDB } from '../../src/engines/duckdb/index.js';
import { poissonBootstrapSql, poissonCdf, poissonCountSql, poissonCounts, poissonHashThresholds, poissonReplicateSql, quoteIdentifier } from '../../src/engines/index.js';
import { readSurvey } from '../../src/data/index.js';
import { momentsFromSurvey } from '../../src/stats/index.js';
import { parseModel } from '../../src/model/index.js';
import { estimateFromMoments } from '../../src/pls/index.js';
import { CODEBOOK, ITEMS, MODEL_TEXT, expectMomentsClose, generateSurvey, maxMomentsDiff, rng, type GeneratedSurvey } from './fixtures.js';

let dir = '';
let gen: GeneratedSurvey;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'csikit-pboot-'));
  gen = generateSurvey({ n: 3000, seed: 31 });
  writeFileSync(join(dir, 's.csv'), gen.csv);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('poissonBootstrapSql', () => {
  it('writes the Poisson(1) CDF thresholds and one GROUP BY replicate, per dialect', () => {
    // e^-1 Σ_{j≤k} 1/j!, computed independently here
    const want: number[] = [];
    let fact = 1;
    let acc = 0;
    for (let k = 0; k < 12; k++) {
      fact *= k === 0 ? 1 : k;
      acc += 1 / fact;
      want.push(Math.exp(-1) * acc);
    }
    poissonCdf().forEach((c, k) => expect(c).toBeCloseTo(want[k], 15));
    const ch = poissonBootstrapSql({ items: ['a', 'b'], source: 'survey', form: 'complete', dialect: 'clickhouse', rowKey: 'id', replicates: 5, seed: 9 });
    expect(ch.sql.startsWith('WITH CASE WHEN ((cityHash64("id", 9, csi_r) % 4294967296) / 4294967296) < 0.36787944117144233 THEN 0 WHEN')).toBe(true);
    expect(ch.sql).toContain('FROM "survey" ARRAY JOIN range(5) AS csi_r\nWHERE csi_k > 0\nGROUP BY csi_r');
    expect(ch.sql).toContain('  SUM(csi_k) AS csi_n,');
    expect(ch.sql).toContain('  SUM(csi_k * toFloat64("a") * toFloat64("b")) AS csi_c_0_1');
    const dd = poissonBootstrapSql({ items: ['a'], source: 't', weights: 'w', form: 'pairwise', dialect: 'duckdb', rowKey: 'id', replicates: 3 });
    expect(dd.sql).toContain('CROSS JOIN range(3) AS csi_reps(csi_r)) AS csi_b');
    expect(dd.sql).toContain('  SUM(csi_k * CAST("w" AS DOUBLE)) AS csi_sw,');
    expect(() => poissonBootstrapSql({ items: ['a'], source: 't', form: 'complete', dialect: 'spark', rowKey: 'id', replicates: 3 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => poissonBootstrapSql({ items: ['a'], source: 't', form: 'complete', dialect: 'duckdb', rowKey: 'id', replicates: 0 })).toThrow();
  });
});

describe('duckdbPoissonBootstrap', () => {
  const R = 60;
  it('replicate moments equal the in-memory moments weighted by the drawn counts; counts behave as Poisson(1)', async () => {
    const file = join(dir, 's.csv');
    const res = await duckdbPoissonBootstrap({ file, items: ITEMS, codebook: CODEBOOK, replicates: R, seed: 5, threads: 2 });
    expect(res.replicates).toHaveLength(R);
    expect(res.full.form).toBe('pairwise');
    // List the counts DuckDB draws, with the same expression, and rebuild each replicate in memory.
    const { conn, close } = await openDuckDB({ threads: 2 });
    let counts: Float64Array[];
    try {
      const src = duckdbFileSource(file).raw;
      const k = poissonCountSql('duckdb', quoteIdentifier('id', 'duckdb'), 5, 'r');
      const rows = (await conn.runAndReadAll(`SELECT CAST("id" AS BIGINT) AS id, r, ${k} AS k FROM ${src} CROSS JOIN range(${R}) AS reps(r)`)).getRowObjectsJS();
      counts = Array.from({ length: R }, () => new Float64Array(gen.values.length));
      for (const row of rows) counts[Number(row.r)][Number(row.id) - 1] = Number(row.k);
    } finally {
      close();
    }
    const survey = readSurvey(gen.csv, { codebook: CODEBOOK });
    for (let r = 0; r < R; r += 7) {
      expectMomentsClose(res.replicates[r], momentsFromSurvey(survey, { items: ITEMS, counts: counts[r] }), 1e-10);
    }
    // Σ K over 3000 rows: mean 3000, sd √3000 ≈ 54.8 per replicate. Bounds: the mean of 60 sizes is within
    // 4 · 54.8/√60 ≈ 28 of 3000; the sample sd within 40 % of 54.8 (its own sd is ≈ 54.8/√118 ≈ 9 %).
    const sizes = res.replicates.map((m) => m.n);
    const mean = sizes.reduce((a, b) => a + b, 0) / R;
    const sd = Math.sqrt(sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1));
    expect(Math.abs(mean - 3000)).toBeLessThan(28);
    expect(Math.abs(sd / Math.sqrt(3000) - 1)).toBeLessThan(0.4);
    // Same seed → the same replicates; another seed → others.
    const again = await duckdbPoissonBootstrap({ file, items: ITEMS, codebook: CODEBOOK, replicates: 3, seed: 5, threads: 1 });
    expect(again.replicates[2].n).toBe(res.replicates[2].n);
    const other = await duckdbPoissonBootstrap({ file, items: ITEMS, codebook: CODEBOOK, replicates: 3, seed: 6, threads: 2 });
    expect(other.replicates.map((m) => m.n)).not.toEqual(res.replicates.slice(0, 3).map((m) => m.n));
  });

  it('equals in-memory Poisson resampling with the same counts drawn in JS (poissonCounts), within 1e-10; per-replicate statements = GROUP BY statement = chunks', async () => {
    const file = join(dir, 's.csv');
    const R = 40;
    // One ungrouped statement per replicate (DuckDB's default from PER_REPLICATE_MIN_ROWS rows; forced here on 3000).
    const res = await duckdbPoissonBootstrap({ file, items: ITEMS, codebook: CODEBOOK, replicates: R, seed: 1234567, threads: 2, perReplicate: true });
    const survey = readSurvey(gen.csv, { codebook: CODEBOOK });
    const ids = Array.from({ length: gen.values.length }, (_, i) => i + 1); // the id column: 1 … n in row order
    let worst = 0;
    for (let r = 0; r < R; r++) {
      const mem = momentsFromSurvey(survey, { items: ITEMS, counts: poissonCounts('duckdb', ids, 1234567, r) });
      expectMomentsClose(res.replicates[r], mem, 1e-10);
      worst = Math.max(worst, maxMomentsDiff(res.replicates[r], mem));
    }
    console.log(`DuckDB replicates vs in-memory moments under JS Poisson counts: max |diff| ${worst.toExponential(2)} (${R} replicates, n = ${ids.length})`);
    const fullQueries = res.queries.length - R;
    expect(res.queries.slice(fullQueries).every((q) => !q.includes('GROUP BY'))).toBe(true);
    // The same replicates from one GROUP BY replicate statement, and from 4 (cap: 12 replicates' worth of aggregates
    // each: 12 + 12 + 12 + 4).
    const grouped = await duckdbPoissonBootstrap({ file, items: ITEMS, codebook: CODEBOOK, replicates: R, seed: 1234567, threads: 2 });
    expect(grouped.queries.length).toBe(fullQueries + 1);
    const width = poissonBootstrapSql({ items: ITEMS, source: 't', form: 'pairwise', dialect: 'duckdb', rowKey: 'id', replicates: 1, codebook: CODEBOOK, weights: 'w' }).columns.length;
    const chunked = await duckdbPoissonBootstrap({ file, items: ITEMS, codebook: CODEBOOK, replicates: R, seed: 1234567, threads: 2, maxValuesPerQuery: 12 * width, perReplicate: false });
    expect(chunked.queries.length).toBe(fullQueries + 4);
    for (let r = 0; r < R; r++) {
      expect(grouped.replicates[r].n).toBe(res.replicates[r].n);
      expectMomentsClose(grouped.replicates[r], res.replicates[r], 1e-12);
      expectMomentsClose(chunked.replicates[r], res.replicates[r], 1e-12);
    }
  });

  it('per-replicate statements draw exactly the counts of poissonCountSql (integer thresholds on the hash), 20M (key, replicate) pairs', async () => {
    // Every H_k = ⌈c_k · 2^32⌉ is ≥ 0.01 from c_k · 2^32, and h < H_k ⟺ h / 2^32 < c_k for an integer h.
    poissonHashThresholds().forEach((t, k) => {
      expect(t - poissonCdf()[k] * 4294967296).toBeGreaterThan(0.01);
      expect(t - poissonCdf()[k] * 4294967296).toBeLessThan(0.99);
    });
    const q = poissonReplicateSql({ items: ['x'], source: 't', form: 'complete', dialect: 'duckdb', rowKey: 'id', replicate: 7, seed: 42 });
    expect(q.sql).not.toContain('GROUP BY');
    expect(q.sql).toContain('(hash(xor(hash("id", 42), CAST(7 AS UBIGINT))) % 4294967296) AS csi_h');
    expect(q.sql).toContain(`WHERE csi_h >= ${poissonHashThresholds()[0]}`);
    const H = poissonHashThresholds();
    const { conn, close } = await openDuckDB({ threads: 2 });
    try {
      const h = '(hash(xor(hash("id", 42), CAST(r AS UBIGINT))) % 4294967296)';
      const intCount = `CASE ${H.map((t, k) => `WHEN ${h} < ${t} THEN ${k}`).join(' ')} ELSE 12 END`;
      const oldCount = poissonCountSql('duckdb', '"id"', 42, 'r');
      const [row] = (
        await conn.runAndReadAll(
          `SELECT COUNT(*) AS pairs, SUM(CASE WHEN ${intCount} = ${oldCount} THEN 0 ELSE 1 END) AS differ, MAX(${oldCount}) AS kmax FROM range(1000000) AS t(id) CROSS JOIN range(20) AS reps(r)`,
        )
      ).getRowObjectsJS();
      expect(Number(row.pairs)).toBe(20_000_000);
      expect(Number(row.differ)).toBe(0);
      expect(Number(row.kmax)).toBeGreaterThanOrEqual(8);
    } finally {
      close();
    }
  });

  it('needs a row key', async () => {
    await expect(duckdbPoissonBootstrap({ file: join(dir, 's.csv'), items: ITEMS, replicates: 3 })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });

  /**
   * 100,000 complete rows, R = 200 replicates each way. For an approximately normal statistic the relative
   * sampling error of a bootstrap SE from R replicates is 1/√(2(R−1)) (≈ 5.0 % at R = 200); two independent ones
   * differ in log-ratio with sd √(2/(2(R−1))) = 1/√(R−1) ≈ 7.1 %. The Poisson-vs-multinomial difference is O(1/n),
   * negligible at n = 1e5 (Hanley & MacGibbon 2006). So each path's SE ratio must lie within exp(±3/√(R−1)), i.e.
   * 0.81 … 1.24 (3 sd; 4 paths → a false alarm has probability ≈ 1 % — and none with these fixed seeds).
   */
  it('standard errors agree with the classical bootstrap on 100,000 rows (within 3 Monte-Carlo sd)', async () => {
    const n = 100_000;
    const R = 200;
    const big = generateSurvey({ n, seed: 41, missingShare: 0, codeShare: 0 });
    const file = join(dir, 'big.csv');
    writeFileSync(file, big.csv);
    const model = parseModel(MODEL_TEXT);
    const pathKey = (p: { from: string; to: string }): string => `${p.from}->${p.to}`;
    const sdOf = (xs: number[]): number => {
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
    };
    // Poisson bootstrap in DuckDB (unweighted)
    const pb = await duckdbPoissonBootstrap({ file, items: ITEMS, codebook: CODEBOOK, weights: null, replicates: R, seed: 3, threads: 2 });
    expect(pb.full.form).toBe('complete');
    const poisson = new Map<string, number[]>();
    for (const mo of pb.replicates) for (const p of estimateFromMoments(mo, model).paths) (poisson.get(pathKey(p)) ?? poisson.set(pathKey(p), []).get(pathKey(p))!).push(p.estimate);
    // Classical bootstrap in memory: n draws with replacement (multinomial counts), seeded
    const survey = readSurvey(big.csv, { codebook: CODEBOOK });
    const draw = rng(99);
    const classical = new Map<string, number[]>();
    const counts = new Float64Array(n);
    for (let r = 0; r < R; r++) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[Math.floor(draw() * n)] += 1;
      const mo = momentsFromSurvey(survey, { items: ITEMS, counts, weights: false });
      for (const p of estimateFromMoments(mo, model).paths) (classical.get(pathKey(p)) ?? classical.set(pathKey(p), []).get(pathKey(p))!).push(p.estimate);
    }
    const bound = 3 / Math.sqrt(R - 1);
    const ratios: number[] = [];
    expect(poisson.size).toBe(4);
    for (const [key, xs] of poisson) {
      const ratio = sdOf(xs) / sdOf(classical.get(key)!);
      expect(Math.abs(Math.log(ratio)), `${key}: SE ratio ${ratio.toFixed(3)}`).toBeLessThan(bound);
      ratios.push(ratio);
    }
    expect(ratios).toHaveLength(4);
    console.log(`Poisson/classical bootstrap SE ratios (n = ${n}, R = ${R}): ${ratios.map((x) => x.toFixed(3)).join(', ')}`);
  }, 120_000);
});
