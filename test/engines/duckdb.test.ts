/**
 * DuckDB in process, on real CSV and Parquet files written here from generated data. References: moments computed
 * in the test straight from their definitions (fixtures.ts `referenceMoments`, integer data → exact), the
 * in-memory path `momentsFromSurvey(readSurvey(csv))`, and the in-memory PLS estimates.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckdbMoments, openDuckDB } from '../../src/engines/duckdb/index.js';
import { marginOf, totalOf } from '../../src/engines/index.js';
import { readSurvey } from '../../src/data/index.js';
import { momentsFromSurvey } from '../../src/stats/index.js';
import { parseModel } from '../../src/model/index.js';
import { estimate } from '../../src/inference/index.js';
import { estimateFromMoments } from '../../src/pls/index.js';
import { CODEBOOK, ITEMS, MODEL_TEXT, expectMomentsClose, expectNumbersClose, generateSurvey, referenceMoments, type GeneratedSurvey } from './fixtures.js';

const SHARED = resolve(__dirname, '../../..', 'shared');
const MOBI = join(SHARED, 'datasets', 'mobi.csv');
const MOBI_MODEL = join(SHARED, 'reference', 'mobi-ecsi.model');

let dir = '';
let gen: GeneratedSurvey;
let full: GeneratedSurvey;
const csvPath = (): string => join(dir, 'survey.csv');
const parquetPath = (): string => join(dir, 'survey.parquet');
const fullCsvPath = (): string => join(dir, 'full.csv');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'csikit-duck-'));
  gen = generateSurvey({ n: 3000, seed: 11 });
  full = generateSurvey({ n: 1500, seed: 12, missingShare: 0, codeShare: 0 });
  writeFileSync(csvPath(), gen.csv);
  writeFileSync(fullCsvPath(), full.csv);
  const { conn, close } = await openDuckDB({ threads: 2 });
  try {
    const esc = (s: string): string => s.replace(/'/g, "''");
    await conn.run(`COPY (SELECT * FROM read_csv('${esc(csvPath())}', header = true, types = {'line': 'VARCHAR', 'region': 'VARCHAR'})) TO '${esc(parquetPath())}' (FORMAT parquet)`);
  } finally {
    close();
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const rowsWhere = (g: GeneratedSurvey, pred: (i: number) => boolean): number[] => g.values.map((_, i) => i).filter(pred);

describe('duckdbMoments on files', () => {
  it('CSV, unweighted, missing values: switches to the pairwise form and equals the definitions exactly', async () => {
    const res = await duckdbMoments({ file: csvPath(), items: ITEMS, codebook: CODEBOOK, weights: null, threads: 2 });
    expect(res.form).toBe('pairwise');
    expect(res.queries).toHaveLength(2); // complete form refused by the per-item counts, then the pairwise form
    expect(res.moments.complete).toBe(false);
    expectMomentsClose(res.moments, referenceMoments(gen, { weighted: false }), 0);
  });

  it('Parquet, weighted, GROUP BY line, region: every cell, every margin and the total equal the definitions', async () => {
    const res = await duckdbMoments({ file: parquetPath(), items: ITEMS, codebook: CODEBOOK, groupBy: ['line', 'region'], threads: 2 });
    expect(res.grouped).not.toBeNull();
    const grouped = res.grouped!;
    expect(grouped.groups).toHaveLength(9);
    for (const g of grouped.groups) {
      const [line, region] = g.key;
      const want = referenceMoments(gen, { weighted: true, rows: rowsWhere(gen, (i) => gen.line[i] === line && gen.region[i] === region) });
      expectMomentsClose(g.moments, want, 0);
    }
    const byLine = marginOf(grouped, ['line']);
    expect(byLine.groups.map((g) => g.key[0]).sort()).toEqual(['3G', '4G', 'broadband']);
    for (const g of byLine.groups) {
      expectMomentsClose(g.moments, referenceMoments(gen, { weighted: true, rows: rowsWhere(gen, (i) => gen.line[i] === g.key[0]) }), 1e-12);
    }
    expectMomentsClose(res.moments, referenceMoments(gen, { weighted: true }), 1e-12);
    expectMomentsClose(totalOf(grouped, ITEMS), res.moments, 0);
  });

  it('CSV, casewise: the complete form over complete rows, with a ROWS_EXCLUDED warning', async () => {
    const res = await duckdbMoments({ file: csvPath(), items: ITEMS, codebook: CODEBOOK, missing: 'casewise', threads: 2 });
    expect(res.form).toBe('casewise');
    const want = referenceMoments(gen, { weighted: true, casewise: true });
    expectMomentsClose(res.moments, want, 0);
    expect(res.warnings).toEqual([expect.objectContaining({ code: 'ROWS_EXCLUDED', count: 3000 - want.n })]);
  });

  it('complete data: one complete-form query, complete moments', async () => {
    const res = await duckdbMoments({ file: fullCsvPath(), items: ITEMS, codebook: CODEBOOK, threads: 2 });
    expect(res.form).toBe('complete');
    expect(res.queries).toHaveLength(1);
    expectMomentsClose(res.moments, referenceMoments(full, { weighted: true }), 0);
  });

  it("missing: 'complete' on data with missing values refuses rather than returning a wrong number", async () => {
    await expect(duckdbMoments({ file: csvPath(), items: ITEMS, codebook: CODEBOOK, missing: 'complete' })).rejects.toMatchObject({ code: 'INCOMPLETE_MOMENTS' });
  });

  it('equals the in-memory path momentsFromSurvey(readSurvey(csv)) and gives the same PLS estimates (1e-10)', async () => {
    const survey = readSurvey(gen.csv, { codebook: CODEBOOK });
    const model = parseModel(MODEL_TEXT);
    for (const missing of ['mean', 'pairwise', 'casewise'] as const) {
      const res = await duckdbMoments({ file: parquetPath(), items: ITEMS, codebook: CODEBOOK, missing, threads: 2 });
      const mem = momentsFromSurvey(survey, { items: ITEMS, missing });
      expectMomentsClose(res.moments, mem, 1e-10);
      const fromEngine = estimateFromMoments(res.moments, model, { missing });
      const inMemory = estimate(survey, model, { missing });
      const compared = expectNumbersClose(
        { w: fromEngine.outerWeights, l: fromEngine.loadings, p: fromEngine.paths, r2: fromEngine.rSquared, t: fromEngine.totalEffects },
        { w: inMemory.outerWeights, l: inMemory.loadings, p: inMemory.paths, r2: inMemory.rSquared, t: inMemory.totalEffects },
        1e-10,
      );
      expect(compared).toBeGreaterThan(30);
    }
  });

  it('per segment, equals momentsFromSurvey on that segment\'s rows', async () => {
    const survey = readSurvey(gen.csv, { codebook: CODEBOOK });
    const res = await duckdbMoments({ file: csvPath(), items: ITEMS, codebook: CODEBOOK, groupBy: ['line'], threads: 2 });
    const seg = survey.segments.find((s) => s.name === 'line')!;
    for (const g of res.grouped!.groups) {
      const code = seg.levels.indexOf(g.key[0]!);
      const rows = Int32Array.from(rowsWhere(gen, (i) => seg.codes[i] === code));
      expectMomentsClose(g.moments, momentsFromSurvey(survey, { items: ITEMS, rows }), 1e-10);
    }
  });
});

describe('duckdbMoments refuses bad data as the JS loader does', () => {
  const write = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const cb = { items: [{ id: 'a', scale: { min: 1, max: 10 } }, { id: 'b', scale: { min: 1, max: 10 }, missing: [{ value: 99 }] }], weight: 'w' };

  it('OUT_OF_SCALE for 11 on a 1-10 item (99 is a missing code, not out of scale)', async () => {
    const p = write('oos.csv', 'a,b,w\n1,99,1\n11,2,1\n3,4,1\n');
    await expect(duckdbMoments({ file: p, items: ['a', 'b'], codebook: cb })).rejects.toMatchObject({ code: 'OUT_OF_SCALE', column: 'a' });
    expect(() => readSurvey(readFileSync(p, 'utf8'), { codebook: cb })).toThrow(expect.objectContaining({ code: 'OUT_OF_SCALE' }));
    // casewise: checked over all rows, not only the complete ones
    const p2 = write('oos2.csv', 'a,b,w\n1,,1\n11,,1\n3,4,1\n');
    await expect(duckdbMoments({ file: p2, items: ['a', 'b'], codebook: cb, missing: 'casewise' })).rejects.toMatchObject({ code: 'OUT_OF_SCALE', column: 'a' });
  });

  it('INVALID_WEIGHT for a negative or empty weight', async () => {
    await expect(duckdbMoments({ file: write('w1.csv', 'a,b,w\n1,2,-1\n3,4,1\n'), items: ['a', 'b'], codebook: cb })).rejects.toMatchObject({ code: 'INVALID_WEIGHT' });
    await expect(duckdbMoments({ file: write('w2.csv', 'a,b,w\n1,2,\n3,4,1\n'), items: ['a', 'b'], codebook: cb })).rejects.toMatchObject({ code: 'INVALID_WEIGHT' });
  });

  it('UNKNOWN_LEVEL for a grouped segment value outside the codebook levels', async () => {
    const p = write('lv.csv', 'a,b,w,line\n1,2,1,3G\n3,4,1,5G\n');
    const withLevels = { ...cb, segments: [{ id: 'line', levels: [{ value: '3G' }, { value: '4G' }] }] };
    await expect(duckdbMoments({ file: p, items: ['a', 'b'], codebook: withLevels, groupBy: ['line'] })).rejects.toMatchObject({ code: 'UNKNOWN_LEVEL', column: 'line' });
    expect(() => readSurvey(readFileSync(p, 'utf8'), { codebook: withLevels })).toThrow(expect.objectContaining({ code: 'UNKNOWN_LEVEL' }));
  });

  it('MISSING_COLUMN and NON_NUMERIC', async () => {
    const p = write('ok.csv', 'a,b,w\n1,2,1\n3,4,1\n');
    await expect(duckdbMoments({ file: p, items: ['a', 'zz'] })).rejects.toMatchObject({ code: 'MISSING_COLUMN', column: 'zz' });
    await expect(duckdbMoments({ file: write('nn.csv', 'a,b,w\n1,2,1\nx,4,1\n'), items: ['a', 'b'] })).rejects.toMatchObject({ code: 'NON_NUMERIC' });
    await expect(duckdbMoments({ file: join(dir, 'nope.csv'), items: ['a'] })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    // names are compared exactly, as the JS loader does (DuckDB itself would bind "A" to column a)
    await expect(duckdbMoments({ file: p, items: ['A', 'b'] })).rejects.toMatchObject({ code: 'MISSING_COLUMN', column: 'A' });
  });

  it('reads a semicolon / CRLF / quoted-header CSV with the dialect sniffed once (moments by hand)', async () => {
    // rows (a, b c, weight): (1, 2, 1), (3, NA, 2), (5, 6, 1). By hand: n = 3, Σw = 4, Σw² = 6; a: Σwa = 1 + 6 + 5 = 12,
    // Σwa² = 1 + 18 + 25 = 44; b (rows 1 and 3 observed): n_b = 2, Σwb = 2 + 6 = 8, Σwb² = 4 + 36 = 40, Σwab = 2 + 30 = 32.
    const p = write('semi.csv', '"a";"b c";"weight"\r\n1;2;1\r\n3;NA;2\r\n5;6;1\r\n');
    const res = await duckdbMoments({ file: p, items: ['a', 'b c'], weights: 'weight', missing: 'pairwise' });
    expect(res.queries.some((q) => q.includes("delim = ';'") && q.includes("new_line = '\\r\\n'"))).toBe(true);
    const m = res.moments;
    expect([m.n, m.sw, m.sww]).toEqual([3, 4, 6]);
    expect(m.nObs).toEqual([3, 2]);
    expect(m.s).toEqual([12, 8]);
    expect([m.c[0], m.c[1], m.c[3]]).toEqual([44, 32, 40]); // c is p × p row-major: c_aa, c_ab, c_bb
    // and the in-memory loader reads the same file to the same moments
    expectMomentsClose(m, momentsFromSurvey(readSurvey(readFileSync(p, 'utf8'))), 1e-12);
  });
});

describe('identifier injection on DuckDB', () => {
  const evil = 'q1"; DROP TABLE t; --';
  const names = [evil, 'a`b', '满意度1'];
  const data = [
    [1, 2, 3],
    [4, null, 6],
    [7, 8, 10],
    [2, 2, 2],
  ];
  /** By hand from `data`: pairwise moments of the three columns (item 1 missing in row 2). */
  const nObs = [4, 3, 4];

  it('hostile column names work on a table and on a CSV file, and the table still exists afterwards', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
      await conn.run(`CREATE TABLE t (${names.map((n) => `${q(n)} INTEGER`).join(', ')})`);
      await conn.run(`INSERT INTO t VALUES ${data.map((r) => `(${r.map((v) => (v === null ? 'NULL' : v)).join(', ')})`).join(', ')}`);
      const res = await duckdbMoments({ connection: conn, table: 't', items: names, missing: 'pairwise' });
      expect(res.moments.n).toBe(4);
      expect(res.moments.nObs).toEqual(nObs);
      expect(res.moments.s).toEqual([1 + 4 + 7 + 2, 2 + 8 + 2, 3 + 6 + 10 + 2]);
      // c[evil, 满意度1] = 1·3 + 4·6 + 7·10 + 2·2 ; m[a`b, 满意度1] = rows with both observed = 3
      expect(res.moments.c[0 * 3 + 2]).toBe(3 + 24 + 70 + 4);
      expect(res.moments.m[1 * 3 + 2]).toBe(3);
      const still = (await conn.runAndReadAll('SELECT COUNT(*) AS k FROM t')).getRowObjectsJS();
      expect(still[0].k).toBe(4n);

      // the same names as a CSV header (quoted per RFC 4180)
      const csv = [names.map((n) => `"${n.replace(/"/g, '""')}"`).join(','), ...data.map((r) => r.map((v) => (v === null ? '' : v)).join(','))].join('\n') + '\n';
      const p = join(dir, "evil 'name'.csv");
      writeFileSync(p, csv);
      const fromFile = await duckdbMoments({ connection: conn, file: p, items: names });
      expectMomentsClose(fromFile.moments, res.moments, 0);
      expect((await conn.runAndReadAll('SELECT COUNT(*) AS k FROM t')).getRowObjectsJS()[0].k).toBe(4n);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });
});

describe.skipIf(!existsSync(MOBI) || !existsSync(MOBI_MODEL))('mobi.csv from ../shared (skipped when ../shared is absent)', () => {
  it('DuckDB moments of mobi.csv equal the in-memory moments and the ECSI estimates equal the in-memory ones', async () => {
    const text = readFileSync(MOBI, 'utf8');
    const survey = readSurvey(text);
    const items = survey.itemNames;
    expect(items.length).toBe(24);
    const res = await duckdbMoments({ file: MOBI, items, threads: 2 });
    expectMomentsClose(res.moments, momentsFromSurvey(survey, { items, weights: false }), 1e-10);
    const model = parseModel(readFileSync(MOBI_MODEL, 'utf8'));
    const a = estimateFromMoments(res.moments, model);
    const b = estimate(survey, model);
    expectNumbersClose({ w: a.outerWeights, p: a.paths, r2: a.rSquared }, { w: b.outerWeights, p: b.paths, r2: b.rSquared }, 1e-10);
  });
});
