/**
 * Builds the `csi` executable as it ships (called by tsup.config.ts after the library build, and by the benches that
 * run the CLI as a whole process):
 *
 * - `cli.cjs`: the loader (src/cli/loader.ts), a CommonJS script with the shebang; the package's `bin` (a CommonJS
 *   entry spares Node's ES module loader, ~2–4 ms of every run).
 * - `cli-bundle.cjs`: the CLI's entry (src/cli/bin.ts: `--help`, `--version`, errors) as a CommonJS-style script.
 * - `cli-commands.cjs`: the commands and their dependencies (zod, ml-matrix, fflate) in one CommonJS-style script,
 *   required by the entry when a command runs; each command's modules are evaluated only when it runs. The DuckDB and
 *   ClickHouse packages stay outside (loaded only by `--engine`).
 * - `cli-bundle.cache`, `cli-commands.cache`: V8's code caches of the two scripts, written by running the CLI once
 *   (`csi estimate --boot --json` on a small generated survey), so they hold the bytecode of the functions a run
 *   compiles, not only the top level.
 *
 * A cache is valid only for the Node (V8) version and flags that wrote it; the loader compiles from the source when
 * V8 rejects it (src/cli/codeCache.ts).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { CLI_BUNDLE_FILE, CLI_COMMANDS_FILE } from '../src/cli/codeCache.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The file names the loader looks for. */
const BUNDLE = CLI_BUNDLE_FILE;
const COMMANDS = CLI_COMMANDS_FILE;

/**
 * Builds `cli.cjs`, the two scripts and their code caches into `outDir` (which should also hold
 * `bootstrap-worker.js` for `--boot` to use worker threads). Returns the path of `cli.cjs`.
 *
 * @example
 * await buildCli('dist'); // then: node dist/cli.cjs --help
 */
export async function buildCli(outDir: string): Promise<string> {
  const out = resolve(outDir);
  const cli = join(out, 'cli.cjs');
  await build({
    entryPoints: [join(repo, 'src/cli/loader.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    outfile: cli,
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  chmodSync(cli, 0o755);
  // The entry script (help, flags, errors) and the commands' script: `csi --help` reads only the first. runCli.ts
  // imports each command module with import(); in the entry script each such import requires the commands' script
  // (which the loader runs through its code cache too) and takes that command's module from it.
  const commandModules: string[] = [];
  const splitCommands: Plugin = {
    name: 'csi-split-commands',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (a) => {
        if (a.kind === 'dynamic-import' && a.importer === join(repo, 'src/cli/runCli.ts')) {
          commandModules.push(a.path);
          return { path: a.path, namespace: 'csi-command' };
        }
        return a.path === `./${COMMANDS}` ? { path: a.path, external: true } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'csi-command' }, (a) => ({ contents: `module.exports = require(${JSON.stringify(`./${COMMANDS}`)})[${JSON.stringify(a.path)}]();`, loader: 'js' }));
    },
  };
  await bundleScript({ entryPoints: [join(repo, 'src/cli/bin.ts')], plugins: [splitCommands] }, join(out, BUNDLE));
  if (commandModules.length === 0) throw new Error('build-cli: src/cli/runCli.ts imports no command module');
  // each command module is evaluated when its command runs (require of an ES module in the bundle initializes it then)
  const table = commandModules.map((m) => `  ${JSON.stringify(m)}: () => require(${JSON.stringify(join(repo, 'src/cli', m.replace(/\.js$/, '.ts')))}),`);
  await bundleScript({ stdin: { contents: `module.exports = {\n${table.join('\n')}\n};\n`, resolveDir: join(repo, 'src/cli'), loader: 'js' }, plugins: [lazyMlMatrix] }, join(out, COMMANDS));
  writeCodeCaches(cli);
  return cli;
}

/**
 * ml-matrix (153 KB of CommonJS, ~1.3 ms to evaluate) serves only AHP weights (src/indices/ahp.ts, which constructs
 * `Matrix` and `EigenvalueDecomposition`), yet every command that loads the indices would evaluate it. In the CLI
 * script, `import { … } from 'ml-matrix'` gets constructors that require the package on first use. An import of
 * any other name fails the build ("No matching export"), so a new use is seen at once.
 */
const lazyMlMatrix: Plugin = {
  name: 'csi-lazy-ml-matrix',
  setup(b) {
    b.onResolve({ filter: /^ml-matrix$/ }, (a) => (a.namespace === 'csi-lazy' ? undefined : { path: 'ml-matrix', namespace: 'csi-lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'csi-lazy' }, () => ({
      contents: [
        'let m;',
        "const load = () => (m ??= require('ml-matrix'));",
        'export function Matrix(...args) { return new (load().Matrix)(...args); }',
        'export function EigenvalueDecomposition(...args) { return new (load().EigenvalueDecomposition)(...args); }',
      ].join('\n'),
      resolveDir: repo,
      loader: 'js',
    }));
  },
};

/** Bundles one CommonJS-style script (dependencies inside, engines outside) and makes it ASCII. */
async function bundleScript(options: BuildOptions, outfile: string): Promise<void> {
  await build({
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    external: ['@duckdb/node-api', '@clickhouse/client'],
    // the script runs inside the CommonJS wrapper (src/cli/codeCache.ts): import.meta.url is its own file's URL,
    // made when first read
    define: { 'import.meta': '__csiImportMeta' },
    banner: { js: 'var __csiImportMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };' },
    charset: 'ascii',
    legalComments: 'none',
    logLevel: 'warning',
    ...options,
  });
  // ASCII only (esbuild leaves non-ASCII in comments and regular expressions): the loader then reads the file as a
  // one-byte string. A \uXXXX escape means the same character in a regular expression; in a comment nothing.
  const text = readFileSync(outfile, 'utf8');
  const ascii = text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes: string, c: string) => {
    if (slashes.length % 2 === 1) throw new Error(`build-cli: an escaped non-ASCII character in ${outfile}`);
    return `${slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  writeFileSync(outfile, ascii);
}

/**
 * Runs the CLI once on a generated survey with `CSI_CODE_CACHE_WRITE=1`: each script it loads writes its code cache
 * on exit (`csi estimate --boot --json` loads both).
 */
function writeCodeCaches(cli: string): void {
  for (const script of [BUNDLE, COMMANDS]) rmSync(join(dirname(cli), script.replace(/\.cjs$/, '.cache')), { force: true });
  const dir = mkdtempSync(join(tmpdir(), 'csi-cache-'));
  try {
    const { csv, model } = warmUpSurvey();
    writeFileSync(join(dir, 'survey.csv'), csv);
    writeFileSync(join(dir, 'survey.model'), model);
    execFileSync(process.execPath, [cli, 'estimate', join(dir, 'survey.csv'), '--model', join(dir, 'survey.model'), '--boot', '200', '--seed', '1', '--json'], {
      env: { ...process.env, CSI_CODE_CACHE_WRITE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * 400 answers to 24 seven-point items of four constructs A → B → C → D (B ~ A, C ~ A + B, D ~ B + C), from a fixed
 * linear congruential generator: the same file every build.
 */
function warmUpSurvey(): { csv: string; model: string } {
  let s = 12345;
  const uniform = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const normal = (): number => uniform() + uniform() + uniform() + uniform() - 2;
  const items = Array.from({ length: 24 }, (_, i) => `Q${i + 1}`);
  const lines = [items.join(',')];
  for (let r = 0; r < 400; r++) {
    const a = normal();
    const b = 0.6 * a + normal();
    const c = 0.4 * a + 0.4 * b + normal();
    const d = 0.5 * b + 0.3 * c + normal();
    const row = [a, b, c, d].flatMap((x) => Array.from({ length: 6 }, () => Math.min(7, Math.max(1, Math.round(4 + 1.2 * x + 0.8 * normal())))));
    lines.push(row.join(','));
  }
  const block = (k: number): string => items.slice(6 * k, 6 * k + 6).join(' + ');
  const model = `A =~ ${block(0)}\nB =~ ${block(1)}\nC =~ ${block(2)}\nD =~ ${block(3)}\nB ~ A\nC ~ A + B\nD ~ B + C\n`;
  return { csv: `${lines.join('\n')}\n`, model };
}
