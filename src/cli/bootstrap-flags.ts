/**
 * The bootstrap flags of `csi estimate` (`--boot N [--seed S] [--resamples FILE] [--ci percentile|bc|bca]`), kept in
 * one file so the estimate command needs only a spread of {@link BOOTSTRAP_FLAGS} and one call of
 * {@link addBootstrap}.
 */
import { SEED_MAX } from '../stats/index.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Survey } from '../data/index.js';
import { CsiError } from '../errors.js';
import { parseResamples } from '../inference/index.js';
import type { BootstrapEntry, BootstrapResult, IntervalMethod } from '../inference/index.js';
import type { ModelSpec } from '../model/index.js';
import type { EstimateOptions } from '../pls/index.js';
import { alignColumns } from '../data/index.js';
import { choiceFlag, numberFlag } from './flags.js';
import { estimate } from '../inference/index.js';
import { readTextFile } from './readTextFile.js';
import type { CliIO } from './types.js';

/** parseArgs option specs of the bootstrap flags (spread into the estimate command's options). */
export const BOOTSTRAP_FLAGS = {
  boot: { type: 'string' },
  seed: { type: 'string' },
  resamples: { type: 'string' },
  ci: { type: 'string' },
  progress: { type: 'boolean' },
} as const;

/** Usage lines of the bootstrap flags, for the estimate command's help. */
export const BOOTSTRAP_USAGE = `Bootstrap: --boot N resamples (seminr-compatible summaries: mean, SE, t, p, CI) [--seed S] (default: random,
reported) [--resamples FILE] (R-style resamples, one per line, 1-based rows; replaces --boot) [--ci percentile|bc|bca]
(default percentile). Adds a "bootstrap" key to --json output. A progress bar goes to stderr when stderr is a terminal
and --json is not given (--progress forces it); it
is cleared when done.`;

/** The flag values addBootstrap reads (strings as parseArgs returns them). */
export interface BootstrapFlagValues {
  boot?: string;
  seed?: string;
  resamples?: string;
  ci?: string;
  /** Show the progress bar even with --json or when stderr is not a terminal. */
  progress?: boolean;
  /** --json: no progress bar unless --progress. */
  json?: boolean;
  /** `--permutations N` (segments) also uses `--seed`. */
  permutations?: string;
}

/** One statistic in the CLI's JSON: location, estimate and the seminr-style summary. */
export interface BootstrapJsonEntry {
  from?: string;
  to?: string;
  construct?: string;
  estimate: number | null;
  mean: number | null;
  se: number | null;
  t: number | null;
  p: number | null;
  lower: number | null;
  upper: number | null;
}

/** The `bootstrap` key of `csi estimate --json`. */
export interface BootstrapJson {
  nboot: number;
  requested: number;
  seed: number | null;
  ci: IntervalMethod;
  level: number;
  dropped: BootstrapResult['dropped'];
  paths: BootstrapJsonEntry[];
  totalEffects: BootstrapJsonEntry[];
  outerWeights: BootstrapJsonEntry[];
  loadings: BootstrapJsonEntry[];
  rSquared: BootstrapJsonEntry[];
  htmt: BootstrapJsonEntry[];
  warnings: BootstrapResult['warnings'];
}

const fin = (v: number): number | null => (Number.isFinite(v) ? v : null);

function entryJson(e: BootstrapEntry): BootstrapJsonEntry {
  const out: BootstrapJsonEntry = { estimate: fin(e.estimate), mean: fin(e.mean), se: fin(e.se), t: fin(e.t), p: fin(e.p), lower: fin(e.lower), upper: fin(e.upper) };
  if (e.construct !== undefined) return { construct: e.construct, ...out };
  return { from: e.from, to: e.to, ...out };
}

/**
 * The CLI's JSON form of a bootstrap result.
 *
 * @example
 * bootstrapToJson(boot).paths[0] // { from: 'Image', to: 'Expectation', estimate, mean, se, t, p, lower, upper }
 */
export function bootstrapToJson(b: BootstrapResult): BootstrapJson {
  return {
    nboot: b.nboot,
    requested: b.requested,
    seed: b.seed,
    ci: b.ci,
    level: b.level,
    dropped: b.dropped,
    paths: b.paths.map(entryJson),
    totalEffects: b.totalEffects.map(entryJson),
    outerWeights: b.outerWeights.map(entryJson),
    loadings: b.loadings.map(entryJson),
    rSquared: b.rSquared.map(entryJson),
    htmt: b.htmt.map(entryJson),
    warnings: b.warnings,
  };
}

/**
 * The module bootstrap workers load when the CLI runs: never the CLI bundle itself (its top level runs the CLI), but
 * the worker-only bundle (dist/bootstrap-worker.js) or the library bundle (dist/node.js) next to it; from TypeScript
 * sources, the runner's own module. null (no workers) when none is found.
 */
function workerModule(workerFile: string): URL | null | undefined {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return undefined; // sources: the runner module itself (loaded through tsx)
  for (const file of [workerFile, 'node.js']) {
    const lib = new URL(`./${file}`, here);
    try {
      if (existsSync(fileURLToPath(lib))) return lib;
    } catch {
      // not a file URL: try the next
    }
  }
  return null;
}

/**
 * A progress bar on stderr, redrawn only when its percentage changes (at most 101 redraws) and erased at the end.
 *
 * @example
 * const bar = progressBar(io, true); run({ onProgress: bar.onProgress }); bar.clear();
 */
export function progressBar(io: CliIO, show: boolean): { onProgress?: (done: number, total: number) => void; clear(): void } {
  if (!show) return { clear: () => {} };
  const width = 30;
  let last = -1;
  let drawn = 0;
  return {
    onProgress(done, total) {
      const pct = Math.floor((done / total) * 100);
      if (pct === last) return;
      last = pct;
      const filled = Math.round((done / total) * width);
      const line = `bootstrap [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`;
      drawn = line.length;
      io.stderr(`\r${line}`);
    },
    clear() {
      if (drawn > 0) io.stderr(`\r${' '.repeat(drawn)}\r`);
      drawn = 0;
    },
  };
}

/** Plain-text tables of the bootstrap (for output without --json): paths, total effects, outer weights, loadings, R². */
function pathsText(b: BootstrapResult): string {
  const f = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : 'NA');
  const pct = Math.round(b.level * 1000) / 10;
  const lines = [`Bootstrap (${b.nboot} resamples${b.seed !== null ? `, seed ${b.seed}` : ''}, ${b.ci} ${pct}% CI${b.dropped.count ? `, ${b.dropped.count} dropped` : ''}):`];
  const head = ['estimate', 'mean', 'SE', 't', 'p', 'lower', 'upper'];
  const sections: [string, BootstrapEntry[], (e: BootstrapEntry) => string][] = [
    ['Paths', b.paths, (e) => `${e.from} -> ${e.to}`],
    ['Total effects', b.totalEffects, (e) => `${e.from} -> ${e.to}`],
    ['Outer weights', b.outerWeights, (e) => `${e.from} -> ${e.to}`],
    ['Loadings', b.loadings, (e) => `${e.from} -> ${e.to}`],
    ['R²', b.rSquared, (e) => e.construct ?? `${e.to}`],
  ];
  for (const [title, entries, name] of sections) {
    if (entries.length === 0) continue;
    const rows = [[title, ...head], ...entries.map((e) => [name(e), ...[e.estimate, e.mean, e.se, e.t, e.p, e.lower, e.upper].map(f)])];
    if (lines.length > 1) lines.push('');
    lines.push(...alignColumns(rows, 1).map((l) => `  ${l}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Longest bootstrap `csi estimate` starts, estimated for one thread: 2 hours. */
const MAX_BOOT_SECONDS = 2 * 3600;

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Seconds from which the expected duration is said on stderr (when no progress bar shows). */
const ANNOUNCE_SECONDS = 30;

/**
 * A bound on one resample's cost per row × item² (seconds): 100 ns, above what a cold first estimate costs here
 * (≈ 35–50 ns on mobi, 250 × 24, in a fresh process) and ~300× a warm one (≈ 0.3 ns). Below it no timing is needed.
 */
const MAX_SECONDS_PER_ROW_ITEM2 = 100e-9;

/**
 * Bounds the work up front: times one full-data estimate (the cost of one resample: a weighted pass and a fit),
 * refuses a run estimated above {@link MAX_BOOT_SECONDS} in one thread with a plain line saying the estimate and how
 * to lower it, and says on stderr how long it will take when that is over 30 s and no progress bar shows. When even
 * {@link MAX_SECONDS_PER_ROW_ITEM2} per row × item² keeps the run under 30 s, there is nothing to say or refuse and
 * the timing (three estimates, ~15–25 ms in a fresh process) is skipped.
 */
function announceWork(count: number, survey: Survey, model: ModelSpec, options: EstimateOptions, io: CliIO, tty: boolean): void {
  const items = new Set(model.constructs.flatMap((c) => c.items ?? [])).size;
  if (count * survey.n * items * items * MAX_SECONDS_PER_ROW_ITEM2 <= ANNOUNCE_SECONDS) return;
  let one = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    estimate(survey, model, { ...options, quality: false, fSquared: false });
    one = Math.min(one, performance.now() - t0);
  }
  const seconds = (count * one) / 1000;
  const each = one < 1 ? `${one.toFixed(2)} ms` : `${Math.round(one)} ms`;
  if (seconds > MAX_BOOT_SECONDS) {
    const most = Math.max(2, Math.floor((MAX_BOOT_SECONDS * 1000) / one));
    throw new CsiError('INVALID_OPTION', `--boot ${count.toLocaleString('en-US')}: one resample takes about ${each} here, so the bootstrap would take about ${duration(seconds)} in one thread (at most ${duration(MAX_BOOT_SECONDS)}); ask for at most ${most.toLocaleString('en-US')} resamples.`);
  }
  if (!tty && seconds > ANNOUNCE_SECONDS) io.stderr(`bootstrap: ${count.toLocaleString('en-US')} resamples, about ${duration(seconds)} in one thread (one resample ≈ ${each}); fewer with worker threads.\n`);
}

/**
 * When `--boot` or `--resamples` is given: bootstrap the model (Node worker threads when it pays), add the result
 * as `json.bootstrap`, and return a text table of the paths for non-JSON output ('' when no bootstrap was asked
 * for). A progress bar goes to stderr only when stderr is a terminal (`tty`, default `process.stderr.isTTY`) and
 * `flags.json` is not set, or when `flags.progress` asks for it; it is erased at the end.
 *
 * @example
 * const text = await addBootstrap(json, survey, model, { boot: '5000', seed: '1' }, { scheme: 'path' }, io);
 */
export async function addBootstrap(
  json: object,
  survey: Survey,
  model: ModelSpec,
  flags: BootstrapFlagValues,
  estimateOptions: EstimateOptions,
  io: CliIO,
  tty: boolean = io.stderrIsTTY ?? process.stderr.isTTY === true,
): Promise<string> {
  const parsed = parseBootstrapFlags(flags);
  if (!parsed) return '';
  const { resamples, seed, ci } = parsed;
  let indices: Int32Array[] | undefined;
  if (flags.resamples !== undefined) {
    indices = parseResamples(await readTextFile(flags.resamples, 'resample file'), survey.n);
  }
  announceWork(indices ? indices.length : (resamples ?? 5000), survey, model, estimateOptions, io, tty);
  // the Node runner (and node:worker_threads) loads only when a bootstrap is asked for
  const { BOOTSTRAP_WORKER_FILE, bootstrapParallel } = await import('../inference/node/index.js');
  const bar = progressBar(io, flags.progress === true || (tty && flags.json !== true));
  let boot: BootstrapResult;
  try {
    boot = await bootstrapParallel(survey, model, {
      ...(indices ? { indices } : { resamples }),
      ...(seed !== undefined ? { seed } : {}),
      ci,
      estimateOptions,
      ...(bar.onProgress ? { onProgress: bar.onProgress } : {}),
      workerUrl: workerModule(BOOTSTRAP_WORKER_FILE),
    });
  } finally {
    bar.clear();
  }
  return attachBootstrap(json, boot);
}

/** The checked values of the bootstrap flags. */
export interface ParsedBootstrapFlags {
  /** --boot N (undefined with --resamples). */
  resamples?: number;
  seed?: number;
  ci: IntervalMethod;
  /** --resamples FILE. */
  resamplesFile?: string;
}

/**
 * Checks the bootstrap flags: null when neither --boot nor --resamples is given (then --seed and --ci are refused),
 * else the numbers. INVALID_OPTION for a bad --boot, --seed or --ci.
 *
 * @example
 * parseBootstrapFlags({ boot: '1000', seed: '7' }) // { resamples: 1000, seed: 7, ci: 'percentile' }
 */
export function parseBootstrapFlags(flags: BootstrapFlagValues): ParsedBootstrapFlags | null {
  if (flags.boot === undefined && flags.resamples === undefined) {
    if ((flags.seed !== undefined && flags.permutations === undefined) || flags.ci !== undefined) throw new CsiError('INVALID_OPTION', '--seed and --ci need --boot N or --resamples FILE (or --seed with --permutations).');
    return null;
  }
  const resamples = flags.boot !== undefined ? numberFlag('boot', flags.boot, { integer: true, min: 2 }) : undefined;
  const seed = flags.seed !== undefined ? numberFlag('seed', flags.seed, { integer: true, min: 0, max: SEED_MAX }) : undefined;
  const ci: IntervalMethod = choiceFlag('ci', flags.ci ?? 'percentile', ['percentile', 'bc', 'bca'] as const);
  return {
    ci,
    ...(resamples !== undefined ? { resamples } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(flags.resamples !== undefined ? { resamplesFile: flags.resamples } : {}),
  };
}

/**
 * Adds a bootstrap result to the JSON document as its `bootstrap` key ({@link bootstrapToJson}) and returns the
 * text table of the paths (for output without --json). Shared by the in-memory and the engine paths.
 *
 * @example
 * const text = attachBootstrap(study, boot); // study.bootstrap = { nboot, requested, seed, ci, level, paths, … }
 */
export function attachBootstrap(json: object, boot: BootstrapResult): string {
  (json as { bootstrap?: BootstrapJson }).bootstrap = bootstrapToJson(boot);
  return pathsText(boot);
}
