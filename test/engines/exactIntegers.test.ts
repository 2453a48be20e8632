/**
 * The exact SMALLINT fast path of the DuckDB adapter (computeMoments' `ExactIntegerAttempt`, momentsSql
 * `valueType: 'int16'`, the int16 replicate statements) against the general DOUBLE path: the same moments bit for bit
 * (toEqual: every number Object.is-equal) on mobi.csv and on generated data, and the fallbacks (a value that is not a
 * whole number, an overflow, missing values) giving exactly the DOUBLE path's result.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMoments, type EngineMomentsOptions } from '../../src/engines/index.js';
import { duckdbFileSource, duckdbMoments, duckdbPoissonBootstrap, duckdbRunner, openDuckDB } from '../../src/engines/duckdb/index.js';
import { parseModel } from '../../src/model/index.js';
import { generateSurvey } from './fixtures.js';

const SHARED = resolve(__dirname, '../../..', 'shared');
const MOBI = join(SHARED, 'datasets', 'mobi.csv');
const MOBI_MODEL = join(SHARED, 'reference', 'mobi-ecsi.model');

let dir = '';
const esc = (s: string): string => s.replace(/'/g, "''");

/** The DOUBLE path: computeMoments without the exact attempt, on the same file. */
async function doublePath(file: string, options: EngineMomentsOptions): Promise<Awaited<ReturnType<typeof computeMoments>>> {
  const { conn, close } = await openDuckDB({ threads: 2 });
  try {
    return await computeMoments(duckdbRunner(conn), duckdbFileSource(file), 'duckdb', options);
  } finally {
    close();
  }
}

async function sql(text: string): Promise<void> {
  const { conn, close } = await openDuckDB({ threads: 2 });
  try {
    await conn.run(text);
  } finally {
    close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'csikit-exact-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync(MOBI) || !existsSync(MOBI_MODEL))('mobi.csv from ../shared (skipped when ../shared is absent)', () => {
  it('SMALLINT moments of mobi (integer and DOUBLE Parquet columns, with an integer weight) equal the DOUBLE moments bit for bit', async () => {
    const model = parseModel(readFileSync(MOBI_MODEL, 'utf8'));
    const items = [...new Set(model.constructs.flatMap((c) => c.items ?? []))];
    const ints = join(dir, 'mobi-int.parquet');
    const dbls = join(dir, 'mobi-dbl.parquet');
    const src = `(SELECT *, CAST(1 + (row_number() OVER () % 3) AS TINYINT) AS w FROM read_csv('${esc(MOBI)}', header = true))`;
    await sql(`COPY (SELECT * FROM ${src}) TO '${esc(ints)}' (FORMAT parquet)`);
    await sql(`COPY (SELECT ${items.map((c) => `CAST("${c}" AS DOUBLE) AS "${c}"`).join(', ')}, CAST(w AS DOUBLE) AS w FROM ${src}) TO '${esc(dbls)}' (FORMAT parquet)`);
    for (const file of [ints, dbls]) {
      for (const weights of ['w', null]) {
        const fast = await duckdbMoments({ file, items, weights });
        expect(fast.wholeNumbers).toBe(true);
        expect(fast.queries[0]).toContain('AS SMALLINT)');
        expect(fast.queries).toHaveLength(1);
        const slow = await doublePath(file, { items, weights });
        expect(slow.wholeNumbers).toBeUndefined();
        expect(fast.moments).toEqual(slow.moments);
        expect(fast.moments.n).toBe(250);
      }
    }
    // The DOUBLE Parquet columns are checked to be whole (one `fraction` column each); integer columns are not.
    expect((await duckdbMoments({ file: dbls, items, weights: 'w' })).queries[0]).toContain('csi_frac_');
    expect((await duckdbMoments({ file: ints, items, weights: 'w' })).queries[0]).not.toContain('csi_frac_');
  });
});

describe('exact SMALLINT path: fallbacks to the DOUBLE statement', () => {
  const ITEMS = ['a', 'b', 'c'];
  const rows = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join(' UNION ALL ');

  it('a value that is not a whole number, an overflow, a missing value: exactly the DOUBLE result', async () => {
    const cases: [string, string, boolean][] = [
      // name, SELECT rows, whether the SMALLINT statement is kept
      ['whole', rows(40, (i) => `SELECT ${i} AS id, ${(i % 7) + 1}.0 AS a, ${(i % 5) + 1}.0 AS b, ${(i % 3) + 1}.0 AS c, ${(i % 2) + 1}.0 AS w`), true],
      ['fraction', rows(40, (i) => `SELECT ${i} AS id, ${(i % 7) + 1}.${i === 17 ? 5 : 0} AS a, ${(i % 5) + 1}.0 AS b, ${(i % 3) + 1}.0 AS c, 1.0 AS w`), false],
      ['tiny fraction', rows(40, (i) => `SELECT ${i} AS id, CAST(${(i % 7) + 1} AS DOUBLE) + ${i === 3 ? '1e-9' : '0'} AS a, 2.0 AS b, 3.0 AS c, 1.0 AS w`), false],
      ['overflow', rows(40, (i) => `SELECT ${i} AS id, CAST(${i === 9 ? 200 : (i % 7) + 1} AS INTEGER) AS a, CAST(${i === 9 ? 200 : 2} AS INTEGER) AS b, 3 AS c, 1 AS w`), false],
      ['negative', rows(40, (i) => `SELECT ${i} AS id, CAST(${(i % 7) - 3} AS SMALLINT) AS a, CAST(-2 AS SMALLINT) AS b, 3 AS c, 2 AS w`), true],
    ];
    for (const [name, select, kept] of cases) {
      const file = join(dir, `${name.replace(' ', '-')}.parquet`);
      await sql(`COPY (${select}) TO '${esc(file)}' (FORMAT parquet)`);
      for (const weights of ['w', null]) {
        const fast = await duckdbMoments({ file, items: ITEMS, weights });
        const slow = await doublePath(file, { items: ITEMS, weights });
        expect(fast.moments, name).toEqual(slow.moments);
        expect(fast.wholeNumbers === true, name).toBe(kept);
        expect(fast.queries.length, name).toBe(kept ? 1 : 2);
      }
    }
    // Missing values in whole-number data: the SMALLINT complete form is refused by its per-item counts and the
    // pairwise form follows at once (2 statements, as after the DOUBLE complete form).
    const file = join(dir, 'missing.parquet');
    await sql(`COPY (${rows(40, (i) => `SELECT ${i} AS id, ${i === 5 ? 'NULL' : String((i % 7) + 1)} AS a, ${(i % 5) + 1} AS b, 3 AS c, 1 AS w`)}) TO '${esc(file)}' (FORMAT parquet)`);
    const fast = await duckdbMoments({ file, items: ITEMS, weights: 'w' });
    const slow = await doublePath(file, { items: ITEMS, weights: 'w' });
    expect(fast.form).toBe('pairwise');
    expect(fast.queries).toHaveLength(2);
    expect(fast.queries[0]).toContain('SMALLINT');
    expect(fast.moments).toEqual(slow.moments);
  });

  it('int16 replicate statements equal the DOUBLE GROUP BY statement bit for bit, and fall back on overflow', async () => {
    const g = generateSurvey({ n: 2000, seed: 21, missingShare: 0, codeShare: 0 });
    const csv = join(dir, 'g.csv');
    writeFileSync(csv, g.csv);
    const file = join(dir, 'g.parquet');
    await sql(`COPY (SELECT * FROM read_csv('${esc(csv)}', header = true)) TO '${esc(file)}' (FORMAT parquet)`);
    const items = ['IMAG1', 'IMAG2', 'QUAL1', 'SAT1', 'LOY1'];
    const fast = await duckdbPoissonBootstrap({ file, items, weights: 'w', rowKey: 'id', replicates: 6, seed: 3, perReplicate: true });
    expect(fast.full.wholeNumbers).toBe(true);
    expect(fast.queries.slice(1).every((q) => q.includes('AS SMALLINT)') && !q.includes('GROUP BY'))).toBe(true);
    const grouped = await duckdbPoissonBootstrap({ file, items, weights: 'w', rowKey: 'id', replicates: 6, seed: 3, perReplicate: false });
    expect(grouped.queries[grouped.queries.length - 1]).toContain('GROUP BY');
    expect(fast.replicates).toEqual(grouped.replicates);
    // K · w · x · x beyond 32767 (whole numbers up to 100): the replicate statement overflows, DOUBLE takes over.
    const big = join(dir, 'big.parquet');
    await sql(`COPY (SELECT id, CAST(IMAG1 * 10 AS INTEGER) AS a, CAST(IMAG2 * 10 AS INTEGER) AS b, w FROM '${esc(file)}') TO '${esc(big)}' (FORMAT parquet)`);
    const bigFast = await duckdbPoissonBootstrap({ file: big, items: ['a', 'b'], weights: 'w', rowKey: 'id', replicates: 4, seed: 3, perReplicate: true });
    const bigSlow = await duckdbPoissonBootstrap({ file: big, items: ['a', 'b'], weights: 'w', rowKey: 'id', replicates: 4, seed: 3, perReplicate: false });
    expect(bigFast.replicates).toEqual(bigSlow.replicates);
    expect(bigFast.queries.some((q) => q.includes('CAST("a" AS DOUBLE)'))).toBe(true);
  });
});
