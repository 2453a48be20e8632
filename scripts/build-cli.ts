/**
 * Builds the `csi` executable as it ships (called by tsup.config.ts after the library build, and by the benches that
 * run the CLI as a whole process):
 *
 * - `cli.js`: the loader (src/cli/loader.ts), an ES module with the shebang; the package's `bin`.
 * - `cli-bundle.cjs`: the CLI (src/cli/bin.ts) and its dependencies (zod, ml-matrix, fflate) in one CommonJS-style
 *   script; the DuckDB and ClickHouse packages stay outside (loaded only by `--engine`).
 * - `cli-bundle.cache`: V8's code cache of that script, written by running the CLI once (`csi estimate --boot --json`
 *   on a small generated survey), so it holds the bytecode of the functions a run compiles, not only the top level.
 *
 * The cache is valid only for the Node (V8) version and flags that wrote it; the loader compiles from the source
 * when V8 rejects it (src/cli/codeCache.ts).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The file names the loader looks for next to itself (src/cli/codeCache.ts). */
const BUNDLE = 'cli-bundle.cjs';
const CACHE = 'cli-bundle.cache';

/**
 * Builds `cli.js`, `cli-bundle.cjs` and `cli-bundle.cache` into `outDir` (which should also hold
 * `bootstrap-worker.js` for `--boot` to use worker threads). Returns the path of `cli.js`.
 *
 * @example
 * await buildCli('dist'); // then: node dist/cli.js --help
 */
export async function buildCli(outDir: string): Promise<string> {
  const out = resolve(outDir);
  const cli = join(out, 'cli.js');
  await build({
    entryPoints: [join(repo, 'src/cli/loader.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: cli,
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  chmodSync(cli, 0o755);
  const bundle = join(out, BUNDLE);
  await build({
    entryPoints: [join(repo, 'src/cli/bin.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    external: ['@duckdb/node-api', '@clickhouse/client'],
    // the script runs inside the CommonJS wrapper (src/cli/codeCache.ts): import.meta.url is its own file's URL,
    // made when first read (the first pathToFileURL of a process costs a few ms; a plain estimate never asks)
    define: { 'import.meta': '__csiImportMeta' },
    banner: { js: 'var __csiImportMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };' },
    charset: 'ascii',
    legalComments: 'none',
    logLevel: 'warning',
  });
  // ASCII only (esbuild leaves non-ASCII in comments and regular expressions): the loader then reads the file as a
  // one-byte string. A \uXXXX escape means the same character in a regular expression; in a comment nothing.
  const text = readFileSync(bundle, 'utf8');
  const ascii = text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes: string, c: string) => {
    if (slashes.length % 2 === 1) throw new Error(`build-cli: an escaped non-ASCII character in ${bundle}`);
    return `${slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  writeFileSync(bundle, ascii);
  writeCodeCache(cli, join(out, CACHE));
  return cli;
}

/** Runs the CLI once on a generated survey with `CSI_CODE_CACHE_OUT` set, which writes the code cache on exit. */
function writeCodeCache(cli: string, cacheFile: string): void {
  rmSync(cacheFile, { force: true });
  const dir = mkdtempSync(join(tmpdir(), 'csi-cache-'));
  try {
    const { csv, model } = warmUpSurvey();
    writeFileSync(join(dir, 'survey.csv'), csv);
    writeFileSync(join(dir, 'survey.model'), model);
    execFileSync(process.execPath, [cli, 'estimate', join(dir, 'survey.csv'), '--model', join(dir, 'survey.model'), '--boot', '200', '--seed', '1', '--json'], {
      env: { ...process.env, CSI_CODE_CACHE_OUT: cacheFile },
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
