import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.js';
import { CLI_BUNDLE_FILE, CLI_CODE_CACHE_FILE, compileWithCodeCache, readCodeCache } from '../../src/cli/codeCache.js';
import { runCsi, tempDir } from '../helpers/cli.js';

const { dir, file } = tempDir('csi-code-cache-');
const root = resolve(__dirname, '../..');
const mobi = resolve(root, '../shared/datasets/mobi.csv');
const mobiModel = resolve(root, '../shared/reference/mobi-ecsi.model');

describe('compileWithCodeCache: a CommonJS-style script with a V8 code cache', () => {
  const script = file(
    'script.cjs',
    "const path = require('node:path');\nfunction squares(n) { let s = 0; for (let i = 1; i <= n; i++) s += i * i; return s; }\n" +
      "module.exports = { sum: squares(100), file: path.basename(__filename), dir: __dirname, ok: typeof exports === 'object' };\n",
  );
  const expected = { sum: 338350, file: 'script.cjs', dir, ok: true };

  it('runs the file as a CommonJS module (its require, __filename, __dirname, exports)', () => {
    const compiled = compileWithCodeCache(script);
    expect(compiled.cacheAccepted).toBe(false);
    expect(compiled.run()).toEqual(expected);
  });

  // V8 keeps what a process compiled (keyed by the source) and then never looks at cachedData: each compile with a
  // cache runs in a fresh process
  const harness = file(
    'harness.ts',
    `import { compileWithCodeCache, readCodeCache, writeCodeCache } from ${JSON.stringify(resolve(root, 'src/cli/codeCache.ts'))};\n` +
      "const [script, cache, write] = process.argv.slice(2);\n" +
      "const c = compileWithCodeCache(script, write ? undefined : readCodeCache(cache));\n" +
      "const exports = c.run();\n" +
      "if (write) writeCodeCache(c.script, cache);\n" +
      "console.log(JSON.stringify({ accepted: c.cacheAccepted, exports }));\n",
  );
  const fresh = (cache: string, write = false): { accepted: boolean; exports: unknown } => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', harness, script, cache, ...(write ? ['write'] : [])], { encoding: 'utf8', cwd: root });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as { accepted: boolean; exports: unknown };
  };

  it('takes a cache written after a run in another process, and gives the same result', () => {
    const cache = join(dir, 'script.cache');
    expect(fresh(cache, true)).toEqual({ accepted: false, exports: expected });
    expect(statSync(cache).size).toBeGreaterThan(0);
    expect(fresh(cache)).toEqual({ accepted: true, exports: expected });
  });

  it('compiles from the source when the cache is missing, truncated, damaged in its header or of another source', () => {
    const cache = join(dir, 'script.cache');
    fresh(cache, true);
    const data = readFileSync(cache);
    const header = Buffer.from(data);
    header[4] ^= 0xff; // the V8 version hash
    const other = join(dir, 'other.cache');
    const otherScript = file('other.cjs', 'module.exports = 1 + 1;\n');
    spawnSync(process.execPath, ['--import', 'tsx', harness, otherScript, other, 'write'], { cwd: root });
    const bads: [string, Uint8Array | null][] = [['missing', null], ['empty', new Uint8Array(0)], ['truncated', data.subarray(0, data.length >> 1)], ['header', header], ['other source', readFileSync(other)]];
    for (const [name, bad] of bads) {
      const f = join(dir, `bad-${name.replace(' ', '-')}.cache`);
      if (bad) writeFileSync(f, bad);
      expect(fresh(f), name).toEqual({ accepted: false, exports: expected });
    }
    expect(fresh(cache)).toEqual({ accepted: true, exports: expected }); // the good one still is
  });
});

describe('the shipped csi (scripts/build-cli.ts: loader, one-script bundle, code cache)', () => {
  // as installed: <package>/package.json and <package>/dist/{cli.js, cli-bundle.cjs, cli-bundle.cache}
  const pkg = join(dir, 'package');
  const dist = join(pkg, 'dist');
  let cli = '';
  beforeAll(async () => {
    mkdirSync(dist, { recursive: true });
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'csikit', version, type: 'module' }));
    cli = await buildCli(dist);
  }, 120_000);

  const csi = (args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir, maxBuffer: 64 << 20 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const cacheFile = () => join(dist, CLI_CODE_CACHE_FILE);

  it('the build writes a code cache that V8 takes', () => {
    expect(statSync(cacheFile()).size).toBeGreaterThan(10_000);
    expect(readFileSync(join(dist, CLI_BUNDLE_FILE), 'latin1')).not.toMatch(/[^\x00-\x7f]/); // ASCII: a one-byte string
    expect(compileWithCodeCache(join(dist, CLI_BUNDLE_FILE), readCodeCache(cacheFile())).cacheAccepted).toBe(true);
  });

  it('prints what the sources print: --help, --version, estimate --boot --json, and a bad input (one line, no stack)', async () => {
    const bad = file('bad.csv', 'Q1,Q2,Q3\n1,2,3\n2,x,3\n3,4,5\n');
    const badModel = file('bad.model', 'A =~ Q1 + Q2\nB =~ Q3\nB ~ A\n');
    const cases = [['--help'], ['--version'], ['estimate', mobi, '--model', mobiModel, '--boot', '200', '--seed', '1', '--json'], ['estimate', bad, '--model', badModel], ['estimate', '--frob']];
    const runs = cases.map((args) => csi(args));
    for (const [i, args] of cases.entries()) {
      const src = await runCsi(args, { stderrIsTTY: false });
      expect(runs[i], args.join(' ')).toEqual({ code: src.code, out: src.out, err: src.err });
    }
    expect(runs[2].out.length).toBeGreaterThan(1000);
    expect(runs[3].code).toBe(2);
    expect(runs[3].err).toMatch(/^csi: [^\n]+\n$/);
    expect(runs[3].err).not.toMatch(/\n\s+at /);
  });

  it('gives byte-identical output with the cache, without it and with a damaged one', () => {
    const args = ['estimate', mobi, '--model', mobiModel, '--boot', '200', '--seed', '7', '--json'];
    const withCache = csi(args);
    expect(withCache.code).toBe(0);
    const good = readFileSync(cacheFile());
    try {
      writeFileSync(cacheFile(), good.subarray(0, good.length >> 1));
      expect(csi(args)).toEqual(withCache);
      writeFileSync(cacheFile(), 'not a cache');
      expect(csi(args)).toEqual(withCache);
      writeFileSync(cacheFile(), '');
      expect(csi(args)).toEqual(withCache);
      rmSync(cacheFile());
      expect(csi(args)).toEqual(withCache);
    } finally {
      writeFileSync(cacheFile(), good);
    }
    expect(existsSync(cacheFile())).toBe(true);
  });
});
