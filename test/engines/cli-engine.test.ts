/**
 * `csi estimate FILE --engine duckdb`: the same JSON result as the in-memory `csi estimate FILE` (numbers within
 * 1e-10), from CSV and from Parquet, with a codebook (missing codes, reverse item, weights).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateCommand } from '../../src/cli/estimate.js';
import { duckdbPoissonBootstrap, openDuckDB } from '../../src/engines/duckdb/index.js';
import { bootstrapFromReplicates } from '../../src/inference/index.js';
import { parseModel } from '../../src/model/index.js';
import { CODEBOOK, ITEMS, MODEL_TEXT, expectNumbersClose, generateSurvey } from './fixtures.js';

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'csikit-cli-engine-'));
  writeFileSync(join(dir, 's.csv'), generateSurvey({ n: 2000, seed: 51 }).csv);
  writeFileSync(join(dir, 'model.txt'), MODEL_TEXT);
  writeFileSync(join(dir, 'codebook.json'), JSON.stringify(CODEBOOK));
  const { conn, close } = await openDuckDB({ threads: 2 });
  try {
    await conn.run(`COPY (SELECT * FROM read_csv('${join(dir, 's.csv')}', header = true, types = {'line': 'VARCHAR', 'region': 'VARCHAR'})) TO '${join(dir, 's.parquet')}' (FORMAT parquet)`);
  } finally {
    close();
  }
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await estimateCommand.run(args, { stdout: (t) => void (out += t), stderr: () => {} });
  return { code, out };
}

describe('csi estimate --engine duckdb', () => {
  it('prints the same estimates as the in-memory path, from CSV and from Parquet', async () => {
    const common = ['--model', join(dir, 'model.txt'), '--codebook', join(dir, 'codebook.json'), '--json'];
    const mem = await run([join(dir, 's.csv'), ...common]);
    expect(mem.code).toBe(0);
    const want = JSON.parse(mem.out);
    for (const file of ['s.csv', 's.parquet']) {
      const eng = await run([join(dir, file), ...common, '--engine', 'duckdb', '--threads', '2']);
      expect(eng.code).toBe(0);
      const got = JSON.parse(eng.out);
      const pick = (r: Record<string, unknown>): unknown => ({ w: r.outerWeights, l: r.loadings, p: r.paths, r2: r.rSquared, t: r.totalEffects });
      expect(expectNumbersClose(pick(got), pick(want), 1e-10)).toBeGreaterThan(20);
    }
  });

  it('without a codebook takes a column named "weight" as the weights, as the in-memory loader does', async () => {
    const csv = generateSurvey({ n: 1500, seed: 52, codeShare: 0 }).csv.replace(/,w\n/, ',weight\n');
    writeFileSync(join(dir, 'weighted.csv'), csv);
    const common = [join(dir, 'weighted.csv'), '--model', join(dir, 'model.txt'), '--json'];
    const want = JSON.parse((await run(common)).out) as Record<string, { weighted?: boolean }>;
    const got = JSON.parse((await run([...common, '--engine', 'duckdb'])).out) as Record<string, { weighted?: boolean }>;
    expect(want.settings.weighted).toBe(true);
    expect(got.settings.weighted).toBe(true);
    const pick = (r: Record<string, unknown>): unknown => ({ w: r.outerWeights, p: r.paths, r2: r.rSquared });
    expect(expectNumbersClose(pick(got), pick(want), 1e-10)).toBeGreaterThan(15);
  });

  it('--boot N --seed S: Poisson replicates from DuckDB, summarized with the in-memory --boot JSON shape', async () => {
    const common = ['--model', join(dir, 'model.txt'), '--codebook', join(dir, 'codebook.json'), '--json', '--boot', '40', '--seed', '9'];
    const eng = await run([join(dir, 's.parquet'), ...common, '--engine', 'duckdb', '--threads', '2', '--ci', 'bc']);
    expect(eng.code).toBe(0);
    const got = JSON.parse(eng.out) as { bootstrap: Record<string, unknown> & { paths: Record<string, unknown>[] } };
    const mem = JSON.parse((await run([join(dir, 's.csv'), ...common])).out) as { bootstrap: Record<string, unknown> & { paths: Record<string, unknown>[] } };
    expect(Object.keys(got.bootstrap)).toEqual(Object.keys(mem.bootstrap));
    expect(Object.keys(got.bootstrap.paths[0])).toEqual(Object.keys(mem.bootstrap.paths[0]));
    expect(got.bootstrap).toMatchObject({ nboot: 40, requested: 40, seed: 9, ci: 'bc', level: 0.95 });
    // The same numbers as the library path: duckdbPoissonBootstrap + bootstrapFromReplicates.
    const pb = await duckdbPoissonBootstrap({ file: join(dir, 's.parquet'), items: ITEMS, codebook: CODEBOOK, replicates: 40, seed: 9, threads: 2 });
    const want = bootstrapFromReplicates(pb.full.moments, pb.replicates, parseModel(MODEL_TEXT), { seed: 9, ci: 'bc', estimateOptions: { missing: 'mean', scheme: 'path' } });
    const pick = (e: { from?: string; to?: string; estimate: number; se: number; lower: number; upper: number }): unknown => ({ from: e.from, to: e.to, estimate: e.estimate, se: e.se, lower: e.lower, upper: e.upper });
    expect(expectNumbersClose(got.bootstrap.paths, want.paths.map(pick), 1e-12)).toBe(4 * 4);
    // Text output carries the table.
    const text = await run([join(dir, 's.parquet'), '--model', join(dir, 'model.txt'), '--codebook', join(dir, 'codebook.json'), '--boot', '20', '--seed', '3', '--engine', 'duckdb']);
    expect(text.out).toContain('Bootstrap (20 resamples, seed 3, percentile 95% CI)');
  }, 240_000); // four engine runs and an in-memory bootstrap: ~9 s quiet, over 60 s on the loaded shared machine

  it('refuses --ci bca, --resamples and a bootstrap without a row key, saying why', async () => {
    const base = [join(dir, 's.csv'), '--model', join(dir, 'model.txt'), '--engine', 'duckdb'];
    await expect(run([...base, '--codebook', join(dir, 'codebook.json'), '--boot', '10', '--ci', 'bca'])).rejects.toMatchObject({ code: 'INVALID_OPTION', message: expect.stringContaining('jackknife') });
    await expect(run([...base, '--resamples', join(dir, 'model.txt')])).rejects.toMatchObject({ code: 'INVALID_OPTION', message: expect.stringContaining('--resamples') });
    await expect(run([...base, '--boot', '10'])).rejects.toMatchObject({ code: 'INVALID_OPTION', message: expect.stringContaining('--row-key') });
    await expect(run([...base, '--row-key', 'id'])).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    await expect(run([join(dir, 's.csv'), '--model', join(dir, 'model.txt'), '--row-key', 'id'])).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    // --row-key names the key without a codebook
    const ok = await run([...base, '--boot', '5', '--seed', '1', '--row-key', 'id', '--json']);
    expect(JSON.parse(ok.out).bootstrap.requested).toBe(5);
  });

  it('refuses bad engine options with a CsiError', async () => {
    await expect(run([join(dir, 's.csv'), '--model', join(dir, 'model.txt'), '--engine', 'spark'])).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    await expect(run(['--model', join(dir, 'model.txt'), '--engine', 'duckdb'])).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    await expect(run([join(dir, 's.csv'), '--model', join(dir, 'model.txt'), '--engine', 'clickhouse'])).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });
});
