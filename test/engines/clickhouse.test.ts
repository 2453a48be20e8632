/**
 * A real 2-shard ClickHouse cluster (Debian's clickhouse-server 18.16) on loopback, started and stopped by PID in
 * this file (clickhouse-cluster.ts). 10,000 generated rows are split over a MergeTree table per shard; the moments
 * are computed through a Distributed table and must equal (a) the moments from their definitions (integer data:
 * exact), (b) DuckDB's on the same rows, (c) the in-memory `momentsFromSurvey`, and the PLS estimates from them the
 * in-memory estimates (1e-10), and the Study's segments and waves from the GROUP BY moments the in-memory ones. Skipped, saying why, where the clickhouse-server binary is missing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickhouseMoments, clickhousePoissonBootstrap } from '../../src/engines/clickhouse/index.js';
import { duckdbMoments } from '../../src/engines/duckdb/index.js';
import { marginOf, poissonCountSql, poissonCounts, poissonBootstrapSql } from '../../src/engines/index.js';
import { readSurvey } from '../../src/data/index.js';
import { momentsFromSurvey } from '../../src/stats/index.js';
import { parseModel } from '../../src/model/index.js';
import { estimate } from '../../src/inference/index.js';
import { estimateFromMoments } from '../../src/pls/index.js';
import { estimateCommand } from '../../src/cli/estimate.js';
import { analyze, parseStudySpec, studyFromResult } from '../../src/study/index.js';
import { estimateWithEngine } from '../../src/cli/engine-source.js';
import { clickhouseSkipReason, startClickHouseCluster, type ClickHouseCluster } from './clickhouse-cluster.js';
import { CODEBOOK, ITEMS, MODEL_TEXT, expectMomentsClose, expectNumbersClose, generateSurvey, maxMomentsDiff, referenceMoments, type GeneratedSurvey } from './fixtures.js';
import { bootstrapFromReplicates } from '../../src/inference/index.js';

const title = clickhouseSkipReason ? `ClickHouse 2-shard cluster — SKIPPED: ${clickhouseSkipReason}` : 'ClickHouse 2-shard cluster (Distributed table)';

describe.skipIf(clickhouseSkipReason !== null)(title, () => {
  let ch: ClickHouseCluster | null = null;
  let gen: GeneratedSurvey;
  let dir = '';
  const url = (): string => ch!.shards[0].url;

  beforeAll(async () => {
    gen = generateSurvey({ n: 10_000, seed: 21 });
    dir = mkdtempSync(join(tmpdir(), 'csikit-chtest-'));
    writeFileSync(join(dir, 'survey.csv'), gen.csv);
    ch = await startClickHouseCluster();
    const cols = ['"id" UInt32', ...ITEMS.map((i) => `"${i}" Nullable(UInt8)`), '"line" String', '"region" String', '"w" UInt8'].join(', ');
    const lines = gen.csv.trim().split('\n').slice(1);
    for (let k = 0; k < 2; k++) {
      await ch.query(`CREATE TABLE survey_local (${cols}) ENGINE = MergeTree() ORDER BY (line, region)`, k);
      await ch.query(`CREATE TABLE survey AS survey_local ENGINE = Distributed(${ch.cluster}, default, survey_local, rand())`, k);
      // Shard k gets every other row; NULL is \N (18.16 would load an empty CSV cell as 0).
      const tsv = lines.filter((_, i) => i % 2 === k).map((l) => l.split(',').map((c) => (c === '' ? '\\N' : c)).join('\t')).join('\n') + '\n';
      await ch.query('INSERT INTO survey_local FORMAT TabSeparated', k, tsv);
    }
  });

  afterAll(async () => {
    if (ch) await ch.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('both shards hold rows and the Distributed table sees all of them', async () => {
    const a = Number((await ch!.query('SELECT count() FROM survey_local', 0)).trim());
    const b = Number((await ch!.query('SELECT count() FROM survey_local', 1)).trim());
    expect(a).toBe(5000);
    expect(b).toBe(5000);
    expect(Number((await ch!.query('SELECT count() FROM survey', 0)).trim())).toBe(10_000);
  });

  it('weighted, GROUP BY line, region: Distributed moments equal the definitions, DuckDB and the in-memory path', async () => {
    const res = await clickhouseMoments({ url: url(), table: 'survey', items: ITEMS, codebook: CODEBOOK, groupBy: ['line', 'region'] });
    expect(res.form).toBe('pairwise');
    expect(res.grouped!.groups).toHaveLength(9);
    for (const g of res.grouped!.groups) {
      const rows = gen.values.map((_, i) => i).filter((i) => gen.line[i] === g.key[0] && gen.region[i] === g.key[1]);
      expectMomentsClose(g.moments, referenceMoments(gen, { weighted: true, rows }), 0);
    }
    expectMomentsClose(res.moments, referenceMoments(gen, { weighted: true }), 1e-12);
    const duck = await duckdbMoments({ file: join(dir, 'survey.csv'), items: ITEMS, codebook: CODEBOOK, groupBy: ['line', 'region'], threads: 2 });
    expectMomentsClose(res.moments, duck.moments, 1e-10);
    const byLine = marginOf(res.grouped!, ['line']);
    const duckByLine = marginOf(duck.grouped!, ['line']);
    for (const g of byLine.groups) {
      const d = duckByLine.groups.find((x) => x.key[0] === g.key[0])!;
      expectMomentsClose(g.moments, d.moments, 1e-10);
    }
    const survey = readSurvey(gen.csv, { codebook: CODEBOOK });
    expectMomentsClose(res.moments, momentsFromSurvey(survey, { items: ITEMS, missing: 'mean' }), 1e-10);
  });

  it('unweighted and casewise forms equal the definitions', async () => {
    const unw = await clickhouseMoments({ url: url(), table: 'survey', items: ITEMS, codebook: CODEBOOK, weights: null });
    expectMomentsClose(unw.moments, referenceMoments(gen, { weighted: false }), 0);
    const cw = await clickhouseMoments({ url: url(), table: 'survey', items: ITEMS, codebook: CODEBOOK, missing: 'casewise' });
    expectMomentsClose(cw.moments, referenceMoments(gen, { weighted: true, casewise: true }), 0);
    expect(cw.warnings[0]).toMatchObject({ code: 'ROWS_EXCLUDED' });
  });

  it('PLS estimates from the Distributed moments equal the in-memory estimates (all three missing rules)', async () => {
    const survey = readSurvey(gen.csv, { codebook: CODEBOOK });
    const model = parseModel(MODEL_TEXT);
    for (const missing of ['mean', 'pairwise', 'casewise'] as const) {
      const res = await clickhouseMoments({ url: url(), table: 'survey', items: ITEMS, codebook: CODEBOOK, missing });
      const a = estimateFromMoments(res.moments, model, { missing });
      const b = estimate(survey, model, { missing });
      const k = expectNumbersClose({ w: a.outerWeights, p: a.paths, r2: a.rSquared, l: a.loadings }, { w: b.outerWeights, p: b.paths, r2: b.rSquared, l: b.loadings }, 1e-10);
      expect(k).toBeGreaterThan(20);
    }
  });

  it('OUT_OF_SCALE from inside ClickHouse', async () => {
    const cb = { items: ITEMS.map((id) => ({ id, scale: { min: 1, max: 5 } })) };
    await expect(clickhouseMoments({ url: url(), table: 'survey', items: ITEMS, codebook: cb })).rejects.toMatchObject({ code: 'OUT_OF_SCALE' });
  });

  it('hostile column names work through the Distributed table and harm nothing', async () => {
    // Created with hand-written backtick quoting (ClickHouse reads `a\`b` as a`b).
    const create = 'CREATE TABLE t (`q1"; DROP TABLE t; --` Nullable(Int32), `a\\`b` Nullable(Int32), `满意度1` Int32) ENGINE = MergeTree() ORDER BY tuple()';
    for (let k = 0; k < 2; k++) {
      await ch!.query(create, k);
      await ch!.query(`CREATE TABLE t_all AS t ENGINE = Distributed(${ch!.cluster}, default, t, rand())`, k);
    }
    await ch!.query('INSERT INTO t VALUES (1, 2, 3), (4, NULL, 6)', 0);
    await ch!.query('INSERT INTO t VALUES (7, 8, 10), (2, 2, 2)', 1);
    const names = ['q1"; DROP TABLE t; --', 'a`b', '满意度1'];
    const res = await clickhouseMoments({ url: url(), table: 't_all', items: names, missing: 'pairwise' });
    // By hand from the four rows: n = 4, item 2 missing once.
    expect(res.moments.n).toBe(4);
    expect(res.moments.nObs).toEqual([4, 3, 4]);
    expect(res.moments.s).toEqual([14, 12, 21]);
    expect(res.moments.c[0 * 3 + 2]).toBe(3 + 24 + 70 + 4);
    expect(res.moments.m[1 * 3 + 2]).toBe(3);
    for (let k = 0; k < 2; k++) expect(Number((await ch!.query('SELECT count() FROM t', k)).trim())).toBe(2);
    expect((await ch!.query('EXISTS TABLE t', 0)).trim()).toBe('1');
  });

  it('Poisson bootstrap on the Distributed table: each replicate equals the in-memory moments under the drawn counts', async () => {
    const R = 20;
    const res = await clickhousePoissonBootstrap({ url: url(), table: 'survey', items: ITEMS, codebook: CODEBOOK, replicates: R, seed: 4 });
    expect(res.replicates).toHaveLength(R);
    // The counts ClickHouse draws (same expression, listed per row and replicate), then the in-memory moments.
    const k = poissonCountSql('clickhouse', '"id"', 4, 'r');
    const tsv = await ch!.query(`SELECT id, r, ${k} AS k FROM survey ARRAY JOIN range(${R}) AS r FORMAT TabSeparated`);
    const counts = Array.from({ length: R }, () => new Float64Array(gen.values.length));
    let rows = 0;
    for (const line of tsv.trim().split('\n')) {
      const [id, r, kk] = line.split('\t').map(Number);
      counts[r][id - 1] = kk;
      rows++;
    }
    expect(rows).toBe(10_000 * R);
    const survey = readSurvey(gen.csv, { codebook: CODEBOOK });
    for (let r = 0; r < R; r += 3) expectMomentsClose(res.replicates[r], momentsFromSurvey(survey, { items: ITEMS, counts: counts[r] }), 1e-10);
    const sizes = res.replicates.map((m) => m.n);
    const mean = sizes.reduce((a, b) => a + b, 0) / R;
    expect(Math.abs(mean - 10_000)).toBeLessThan((4 * 100) / Math.sqrt(R)); // sd of Σ K is √10000 = 100
  });

  it('Poisson bootstrap on the Distributed table equals in-memory resampling with the counts drawn in JS (poissonCounts), 1e-10; chunked = one statement', async () => {
    const R = 24;
    const seed = 2_000_000_011;
    const res = await clickhousePoissonBootstrap({ url: url(), table: 'survey', items: ITEMS, codebook: CODEBOOK, replicates: R, seed });
    const survey = readSurvey(gen.csv, { codebook: CODEBOOK });
    const ids = Array.from({ length: gen.values.length }, (_, i) => i + 1);
    let worst = 0;
    for (let r = 0; r < R; r++) {
      const mem = momentsFromSurvey(survey, { items: ITEMS, counts: poissonCounts('clickhouse', ids, seed, r) });
      expectMomentsClose(res.replicates[r], mem, 1e-10);
      worst = Math.max(worst, maxMomentsDiff(res.replicates[r], mem));
    }
    console.log(`ClickHouse (2 shards) replicates vs in-memory moments under JS Poisson counts: max |diff| ${worst.toExponential(2)} (${R} replicates, n = ${ids.length})`);
    // 3 statements of 10 + 10 + 4 replicates (the later ones through arrayMap(x -> x + first, range(R))).
    const width = poissonBootstrapSql({ items: ITEMS, source: 't', form: 'pairwise', dialect: 'clickhouse', rowKey: 'id', replicates: 1, codebook: CODEBOOK, weights: 'w' }).columns.length;
    const chunked = await clickhousePoissonBootstrap({ url: url(), table: 'survey', items: ITEMS, codebook: CODEBOOK, replicates: R, seed, maxValuesPerQuery: 10 * width });
    expect(chunked.queries.length - res.queries.length).toBe(2);
    for (let r = 0; r < R; r++) expectMomentsClose(chunked.replicates[r], res.replicates[r], 1e-12);
  }, 240_000); // ~23 s quiet; over 60 s on the loaded shared machine

  it('csi estimate --engine clickhouse --boot N --seed S: the summary of the cluster replicates', async () => {
    writeFileSync(join(dir, 'model.txt'), MODEL_TEXT);
    writeFileSync(join(dir, 'codebook.json'), JSON.stringify(CODEBOOK));
    let out = '';
    const args = ['--engine', 'clickhouse', '--url', url(), '--table', 'survey', '--model', join(dir, 'model.txt'), '--codebook', join(dir, 'codebook.json'), '--json', '--boot', '30', '--seed', '5'];
    expect(await estimateCommand.run(args, { stdout: (t) => void (out += t), stderr: () => {} })).toBe(0);
    const got = JSON.parse(out) as { bootstrap: { nboot: number; seed: number; paths: unknown[] } };
    expect(got.bootstrap).toMatchObject({ nboot: 30, seed: 5, ci: 'percentile' });
    const pb = await clickhousePoissonBootstrap({ url: url(), table: 'survey', items: ITEMS, codebook: CODEBOOK, replicates: 30, seed: 5 });
    const want = bootstrapFromReplicates(pb.full.moments, pb.replicates, parseModel(MODEL_TEXT), { seed: 5, estimateOptions: { missing: 'mean', scheme: 'path' } });
    expect(expectNumbersClose(got.bootstrap.paths, want.paths.map((e) => ({ from: e.from, to: e.to, estimate: e.estimate, mean: e.mean, se: e.se, lower: e.lower, upper: e.upper })), 1e-12)).toBe(4 * 5);
    }, 240_000); // ~14 s quiet

  it('csi estimate --engine clickhouse --url … --table survey prints the in-memory estimates', async () => {
    writeFileSync(join(dir, 'model.txt'), MODEL_TEXT);
    writeFileSync(join(dir, 'codebook.json'), JSON.stringify(CODEBOOK));
    const run = async (args: string[]): Promise<Record<string, unknown>> => {
      let out = '';
      expect(await estimateCommand.run(args, { stdout: (t) => void (out += t), stderr: () => {} })).toBe(0);
      return JSON.parse(out) as Record<string, unknown>;
    };
    const common = ['--model', join(dir, 'model.txt'), '--codebook', join(dir, 'codebook.json'), '--json'];
    const got = await run(['--engine', 'clickhouse', '--url', url(), '--table', 'survey', ...common]);
    const want = await run([join(dir, 'survey.csv'), ...common]);
    const pick = (r: Record<string, unknown>): unknown => ({ w: r.outerWeights, p: r.paths, r2: r.rSquared });
    expect(expectNumbersClose(pick(got), pick(want), 1e-10)).toBeGreaterThan(15);
  });

  it('a wide pairwise query (30 items, SQL above the 262,144-byte default max_query_size) runs', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `item_${i + 1}`);
    await ch!.query(`CREATE TABLE wide (${names.map((n) => `"${n}" Nullable(UInt8)`).join(', ')}) ENGINE = MergeTree() ORDER BY tuple()`, 0);
    // rows: item_k = k in row 1, k + 1 in row 2, NULL in row 3 except item_1 = 5
    await ch!.query(`INSERT INTO wide VALUES (${names.map((_, i) => i + 1).join(', ')}), (${names.map((_, i) => i + 2).join(', ')}), (5${', NULL'.repeat(29)})`, 0);
    const res = await clickhouseMoments({ url: url(), table: 'wide', items: names, missing: 'pairwise' });
    expect(new TextEncoder().encode(res.queries[res.queries.length - 1]).length).toBeGreaterThan(262_144);
    expect(res.form).toBe('pairwise');
    expect(res.moments.n).toBe(3);
    expect(res.moments.nObs[0]).toBe(3);
    expect(res.moments.nObs[29]).toBe(2);
    expect(res.moments.s[0]).toBe(1 + 2 + 5);
    expect(res.moments.c[0 * 30 + 29]).toBe(1 * 30 + 2 * 31); // both observed in rows 1 and 2 only
    expect(res.moments.m[0 * 30 + 29]).toBe(2);
  });

  it('refuses credentials in the URL and never echoes a password', async () => {
    await expect(clickhouseMoments({ url: 'http://u:secretpw@127.0.0.1:1/', table: 'survey', items: ITEMS })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    const err = await clickhouseMoments({ url: url(), table: 'survey', items: ITEMS, username: 'nobody', password: 'hunter2-secret' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ENGINE' });
    expect(String((err as Error).message)).not.toContain('hunter2-secret');
  });

  it('indices, IPMA and the hierarchy from Distributed moments equal the in-memory ones (1e-10; issue 13)', async () => {
    const spec = { model: MODEL_TEXT, codebook: CODEBOOK, ipma: ['Loyalty'], hierarchy: { levels: { '2': 'equal' as const } } };
    const { moments } = await clickhouseMoments({ url: url(), table: 'survey', items: ITEMS, codebook: CODEBOOK });
    const eng = analyze(moments, spec);
    const mem = analyze(readSurvey(gen.csv, { codebook: CODEBOOK }), spec);
    let maxAbs = 0;
    for (const [c, e] of Object.entries(mem.indices!)) for (const k of ['mean', 'sd', 'se', 'lower', 'upper'] as const) maxAbs = Math.max(maxAbs, Math.abs(e[k]! - eng.indices![c][k]!));
    expect(maxAbs).toBeLessThan(1e-10);
    expectNumbersClose({ ipma: eng.ipma, impacts: eng.impacts, hierarchy: eng.hierarchy }, { ipma: mem.ipma, impacts: mem.impacts, hierarchy: mem.hierarchy }, 1e-10);
  });

  it('segments and waves from the cluster\'s GROUP BY moments (csi estimate --engine path) equal the in-memory analyze (1e-10, counts exact; issue 14)', async () => {
    // line (3 levels) is a segment; region (R1-R3) is a segment and the wave column, so the trend is estimated too.
    const input = { model: MODEL_TEXT, codebook: CODEBOOK, segments: ['line', 'region'], waves: { column: 'region' } };
    const spec = parseStudySpec(input);
    const model = parseModel(MODEL_TEXT);
    // What runEngineEstimate does: one GROUP BY line, region query, estimateFromMoments, studyFromResult with the groups.
    const { result, engine } = await estimateWithEngine({ engine: 'clickhouse', url: url(), table: 'survey', model, codebook: CODEBOOK, missing: 'mean', scheme: 'path', groupBy: ['line', 'region'] });
    expect(engine.grouped!.groups).toHaveLength(9);
    const eng = studyFromResult(result, engine.moments, model, spec, undefined, engine.grouped!);
    const mem = analyze(readSurvey(gen.csv, { codebook: CODEBOOK }), input);
    // Same shape, same strings and nulls; counts (n, df) exact; every other number within 1e-10 (absolute). Integer
    // items and weights make every moment an exact sum on both paths, so the observed difference is 0.
    let maxAbs = 0;
    let numbers = 0;
    const same = (got: unknown, want: unknown, path: string): void => {
      if (typeof want === 'number') {
        expect(typeof got, path).toBe('number');
        const g = got as number;
        numbers++;
        if (/\.(n|df)$/.test(path)) expect(g, path).toBe(want);
        else {
          maxAbs = Math.max(maxAbs, Math.abs(g - want));
          expect(Math.abs(g - want), `${path}: ${g} vs ${want}`).toBeLessThanOrEqual(1e-10);
        }
      } else if (want !== null && typeof want === 'object') {
        expect(got !== null && typeof got === 'object', path).toBe(true);
        expect(Object.keys(got as object).sort(), path).toEqual(Object.keys(want).sort());
        for (const [k, v] of Object.entries(want)) same((got as Record<string, unknown>)[k], v, `${path}.${k}`);
      } else expect(got, path).toEqual(want);
    };
    expect(mem.segments && Object.keys(mem.segments).sort()).toEqual(['line', 'region']);
    expect(mem.segments!.line.order).toEqual(['3G', '4G', 'broadband']);
    expect(mem.waves!.order).toEqual(['R1', 'R2', 'R3']);
    expect(Object.keys(mem.waves!.trend).length).toBeGreaterThan(0);
    expect(mem.segments!.line.pairwise.length).toBeGreaterThan(0);
    same(eng.segments, mem.segments, '$.segments');
    same(eng.waves, mem.waves, '$.waves');
    // Sum of the level counts = all rows (nothing dropped by the GROUP BY).
    for (const b of Object.values(eng.segments!)) expect(Object.values(b.levels).reduce((a, l) => a + l.n, 0)).toBe(10_000);
    console.log(`ClickHouse (2 shards) segments + waves vs in-memory analyze: max |diff| ${maxAbs.toExponential(2)} over ${numbers} numbers`);
    expect(numbers).toBeGreaterThan(200);
  });
});
