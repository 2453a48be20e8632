import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plsResultJsonSchema } from '../../src/pls/result-json.js';
import { HAS_SHARED, SHARED, SKIP_MESSAGE } from '../helpers/csvSurvey.js';
import { runCsi as csi, tempDir } from '../helpers/cli.js';

const { dir: tmp } = tempDir('csi-estimate-');

describe.skipIf(!HAS_SHARED)(`csi estimate — ${HAS_SHARED ? 'shared data' : SKIP_MESSAGE}`, () => {
  const mobi = path.join(SHARED, 'datasets', 'mobi.csv');
  const ecsi = path.join(SHARED, 'reference', 'mobi-ecsi.model');

  it('--json prints exactly one JSON document matching the schema and seminr’s numbers', async () => {
    const { code, out, err } = await csi(['estimate', mobi, '--model', ecsi, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const doc = plsResultJsonSchema.parse(JSON.parse(out));
    const ref = JSON.parse(readFileSync(path.join(SHARED, 'reference', 'mobi-ecsi.json'), 'utf8'));
    expect(doc.n).toBe(ref.meta.n_used);
    expect(doc.iterations).toBe(ref.iterations);
    for (const p of ref.paths) expect(Math.abs(doc.paths.find((q) => q.from === p.from && q.to === p.to)!.estimate - p.coef)).toBeLessThan(1e-6);
    for (const [c, v] of Object.entries(ref.reliability) as [string, { rhoA: number }][]) expect(Math.abs(doc.reliability[c].rhoA! - v.rhoA)).toBeLessThan(1e-6);
    for (const h of ref.htmt) {
      const got = doc.htmt.find((x) => (x.a === h.a && x.b === h.b) || (x.a === h.b && x.b === h.a));
      expect(Math.abs(got!.value! - h.htmt)).toBeLessThan(1e-6);
    }
    expect(Array.isArray(doc.warnings)).toBe(true);
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await csi(['estimate', mobi, '--model', ecsi]);
    expect(code).toBe(0);
    expect(out).toContain('Converged');
    expect(out).toContain('Satisfaction');
    expect(out).toContain('Reliability');
  });

  it('every peer-fixture case through the CLI lands within its tolerance (paths, weights, R²)', async () => {
    const cases = readFileSync(path.join(SHARED, 'reference', 'peer-fixtures', 'cases.tsv'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .map((l) => l.split('\t'));
    expect(cases.length).toBe(12);
    for (const [id, , data, model, tol, opts] of cases) {
      const args = ['estimate', path.join(SHARED, '..', data), '--model', path.join(SHARED, 'reference', 'peer-fixtures', 'models', model), ...opts.split(' ').filter(Boolean), '--json'];
      const { code, out, err } = await csi(args);
      expect(err, id).toBe('');
      expect(code, id).toBe(0);
      const doc = plsResultJsonSchema.parse(JSON.parse(out));
      const ex = JSON.parse(readFileSync(path.join(SHARED, 'reference', 'peer-fixtures', 'expected', `${id}.json`), 'utf8'));
      for (const p of ex.paths ?? []) expect(Math.abs(doc.paths.find((q) => q.from === p.from && q.to === p.to)!.estimate - p.coef), id).toBeLessThanOrEqual(Number(tol));
      for (const [k, row] of Object.entries(ex.outer_weights ?? {}) as [string, Record<string, number>][]) {
        for (const [i, v] of Object.entries(row)) expect(Math.abs(doc.outerWeights[k][i] - v), `${id} ${k}.${i}`).toBeLessThanOrEqual(Number(tol));
      }
      for (const [k, v] of Object.entries(ex.r_squared ?? {}) as [string, { r2: number }][]) expect(Math.abs(doc.rSquared[k].r2 - v.r2), id).toBeLessThanOrEqual(Number(tol));
    }
  });

  it('--weights COLUMN estimates weighted PLS; an unknown weight column is exit 2', async () => {
    const lines = readFileSync(mobi, 'utf8').trim().split('\n');
    const withW = [`${lines[0]},wt`, ...lines.slice(1).map((l, r) => `${l},${1 + (r % 3)}`)].join('\n');
    const dup = [lines[0], ...lines.slice(1).flatMap((l, r) => Array<string>(1 + (r % 3)).fill(l))].join('\n');
    writeFileSync(path.join(tmp, 'w.csv'), withW);
    writeFileSync(path.join(tmp, 'dup.csv'), dup);
    const a = await csi(['estimate', path.join(tmp, 'w.csv'), '--model', ecsi, '--weights', 'wt', '--json']);
    const b = await csi(['estimate', path.join(tmp, 'dup.csv'), '--model', ecsi, '--json']);
    expect(a.code).toBe(0);
    const da = plsResultJsonSchema.parse(JSON.parse(a.out));
    const db = plsResultJsonSchema.parse(JSON.parse(b.out));
    expect(da.settings.weighted).toBe(true);
    da.paths.forEach((p, i) => expect(Math.abs(p.estimate - db.paths[i].estimate)).toBeLessThan(1e-12));
    const bad = await csi(['estimate', path.join(tmp, 'w.csv'), '--model', ecsi, '--weights', 'nope']);
    expect(bad.code).toBe(2);
  });

  it('--boot adds a bootstrap key and the document still matches the schema', async () => {
    const { code, out } = await csi(['estimate', mobi, '--model', ecsi, '--boot', '20', '--seed', '7', '--json']);
    expect(code).toBe(0);
    const doc = plsResultJsonSchema.parse(JSON.parse(out));
    expect(doc.bootstrap).toBeDefined();
  });

  it('bad input: one plain line on stderr, exit 2, nothing on stdout', async () => {
    writeFileSync(path.join(tmp, 'bad.model'), 'Image =~ IMAG1 + NOSUCH\nSat =~ CUSA1\nSat ~ Image\n');
    const runs = [
      ['estimate', mobi],
      ['estimate', mobi, '--model', path.join(tmp, 'missing.model')],
      ['estimate', mobi, '--model', ecsi, '--scheme', 'eigen'],
      ['estimate', mobi, '--model', ecsi, '--missing', 'drop'],
      ['estimate', path.join(tmp, 'none.csv'), '--model', ecsi],
      ['estimate', mobi, '--model', path.join(tmp, 'bad.model')],
      ['estimate', mobi, '--model', ecsi, '--table', 'surveys'],
      ['estimate', mobi, '--model', ecsi, '--max-iterations', '-3'],
    ];
    for (const args of runs) {
      const { code, out, err } = await csi(args);
      expect(code, args.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err.trim().split('\n').length).toBe(1);
      expect(err).not.toMatch(/\bat .*:\d+:\d+/); // no stack trace
    }
  });
});
