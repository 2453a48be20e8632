import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.js';
import { CLI_BUNDLE_FILE, CLI_COMMANDS_FILE, codeCacheFile, compileWithCodeCache, readCodeCache } from '../../src/cli/codeCache.js';
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

describe('runWithCodeCache: a script and the scripts it requires, each through its cache', () => {
  it('loads a required sibling .cjs through the cache too (once), and writes both caches in write mode', () => {
    const sub = join(dir, 'run');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'a.cjs'), "const b = require('./b.cjs'); const again = require('./b.cjs'); module.exports = { sum: b.twice(21), same: b === again, path: typeof require('node:path').join };\n");
    writeFileSync(join(sub, 'b.cjs'), 'exports.twice = (x) => 2 * x;\n');
    const runner = file(
      'runner.ts',
      `import { runWithCodeCache } from ${JSON.stringify(resolve(root, 'src/cli/codeCache.ts'))};\n` +
        'console.log(JSON.stringify(runWithCodeCache(process.argv[2], process.argv[3] === "write")));\n',
    );
    const run = (write: boolean): unknown => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', runner, join(sub, 'a.cjs'), write ? 'write' : ''], { encoding: 'utf8', cwd: root });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout);
    };
    const expected = { sum: 42, same: true, path: 'function' };
    expect(run(false)).toEqual(expected); // no caches yet
    expect(existsSync(codeCacheFile(join(sub, 'b.cjs')))).toBe(false);
    expect(run(true)).toEqual(expected);
    for (const f of ['a.cjs', 'b.cjs']) expect(statSync(codeCacheFile(join(sub, f))).size, f).toBeGreaterThan(0);
    expect(run(false)).toEqual(expected); // with the caches
  });
});

describe('the shipped csi (scripts/build-cli.ts: loader, two scripts, their code caches)', () => {
  // as installed: <package>/package.json and <package>/dist/{cli.cjs, cli-bundle.cjs, cli-commands.cjs, *.cache}
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
  const scripts = () => [CLI_BUNDLE_FILE, CLI_COMMANDS_FILE].map((f) => join(dist, f));

  it('the build writes a code cache per script that V8 takes, and --help does not read the commands', () => {
    const [entry, commands] = scripts();
    expect(statSync(codeCacheFile(entry)).size).toBeGreaterThan(1000);
    expect(statSync(codeCacheFile(commands)).size).toBeGreaterThan(100_000);
    expect(statSync(entry).size).toBeLessThan(50_000); // the commands and zod, ml-matrix, fflate are in the other
    for (const script of scripts()) {
      expect(readFileSync(script, 'latin1'), script).not.toMatch(/[^\x00-\x7f]/); // ASCII: a one-byte string
      expect(compileWithCodeCache(script, readCodeCache(codeCacheFile(script))).cacheAccepted, script).toBe(true);
    }
    // `csi --help` and `csi --version` work without the commands' script
    const moved = `${commands}.away`;
    renameSync(commands, moved);
    try {
      expect(csi(['--help']).out).toMatch(/^Usage: csi <command>/);
      expect(csi(['--version']).code).toBe(0);
    } finally {
      renameSync(moved, commands);
    }
  });

  it('prints what the sources print: --help, --version, estimate --boot --json, ahp, and a bad input (one line, no stack)', async () => {
    const bad = file('bad.csv', 'Q1,Q2,Q3\n1,2,3\n2,x,3\n3,4,5\n');
    const badModel = file('bad.model', 'A =~ Q1 + Q2\nB =~ Q3\nB ~ A\n');
    // ahp: the script constructs ml-matrix's classes on first use (scripts/build-cli.ts, lazyMlMatrix)
    const ahp = file('ahp.json', JSON.stringify({ dimensions: ['A', 'B', 'C', 'D'], matrix: [[1, 3, 5, 7], [1 / 3, 1, 3, 5], [1 / 5, 1 / 3, 1, 3], [1 / 7, 1 / 5, 1 / 3, 1]] }));
    const cases = [['--help'], ['--version'], ['estimate', mobi, '--model', mobiModel, '--boot', '200', '--seed', '1', '--json'], ['estimate', bad, '--model', badModel], ['estimate', '--frob'], ['ahp', ahp, '--json']];
    const runs = cases.map((args) => csi(args));
    for (const [i, args] of cases.entries()) {
      const src = await runCsi(args, { stderrIsTTY: false });
      expect(runs[i], args.join(' ')).toEqual({ code: src.code, out: src.out, err: src.err });
    }
    expect(runs[2].out.length).toBeGreaterThan(1000);
    expect(runs[5].out).toContain('"lambdaMax"');
    expect(runs[3].code).toBe(2);
    expect(runs[3].err).toMatch(/^csi: [^\n]+\n$/);
    expect(runs[3].err).not.toMatch(/\n\s+at /);
  });

  it('gives byte-identical output with the caches, without them and with damaged ones', () => {
    const args = ['estimate', mobi, '--model', mobiModel, '--boot', '200', '--seed', '7', '--json'];
    const withCache = csi(args);
    expect(withCache.code).toBe(0);
    for (const script of scripts()) {
      const cache = codeCacheFile(script);
      const good = readFileSync(cache);
      try {
        writeFileSync(cache, good.subarray(0, good.length >> 1));
        expect(csi(args), `${cache} truncated`).toEqual(withCache);
        writeFileSync(cache, 'not a cache');
        expect(csi(args), `${cache} not a cache`).toEqual(withCache);
        writeFileSync(cache, '');
        expect(csi(args), `${cache} empty`).toEqual(withCache);
        rmSync(cache);
        expect(csi(args), `${cache} missing`).toEqual(withCache);
      } finally {
        writeFileSync(cache, good);
      }
    }
    expect(scripts().every((s) => existsSync(codeCacheFile(s)))).toBe(true);
  });
});
