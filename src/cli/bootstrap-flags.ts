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
import { BOOTSTRAP_WORKER_FILE, bootstrapParallel } from '../inference/node/index.js';
import type { ModelSpec } from '../model/index.js';
import type { EstimateOptions } from '../pls/index.js';
import { readTextFile } from './readTextFile.js';
import type { CliIO } from './types.js';

/** parseArgs option specs of the bootstrap flags (spread into the estimate command's options). */
export const BOOTSTRAP_FLAGS = {
  boot: { type: 'string' },
  seed: { type: 'string' },
  resamples: { type: 'string' },
  ci: { type: 'string' },
} as const;

/** Usage lines of the bootstrap flags, for the estimate command's help. */
export const BOOTSTRAP_USAGE = `Bootstrap: --boot N resamples (seminr-compatible summaries: mean, SE, t, p, CI) [--seed S] (default: random,
reported) [--resamples FILE] (R-style resamples, one per line, 1-based rows; replaces --boot) [--ci percentile|bc|bca]
(default percentile). Adds a "bootstrap" key to --json output; shows progress on stderr when it is a terminal.`;

/** The flag values addBootstrap reads (strings as parseArgs returns them). */
export interface BootstrapFlagValues {
  boot?: string;
  seed?: string;
  resamples?: string;
  ci?: string;
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
function workerModule(): URL | null | undefined {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return undefined; // sources: the runner module itself (loaded through tsx)
  for (const file of [BOOTSTRAP_WORKER_FILE, 'node.js']) {
    const lib = new URL(`./${file}`, here);
    try {
      if (existsSync(fileURLToPath(lib))) return lib;
    } catch {
      // not a file URL: try the next
    }
  }
  return null;
}

function progressBar(io: CliIO, tty: boolean): ((done: number, total: number) => void) | undefined {
  if (!tty) return undefined;
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.stderr(`\rbootstrap [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

/** Plain-text table of the bootstrapped paths (for output without --json). */
function pathsText(b: BootstrapResult): string {
  const f = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : 'NA');
  const pct = Math.round(b.level * 1000) / 10;
  const lines = [`Bootstrap (${b.nboot} resamples${b.seed !== null ? `, seed ${b.seed}` : ''}, ${b.ci} ${pct}% CI${b.dropped.count ? `, ${b.dropped.count} dropped` : ''}):`];
  const w = Math.max(30, ...b.paths.map((e) => `${e.from} -> ${e.to}`.length));
  lines.push(`  ${'path'.padEnd(w)} ${'estimate'.padStart(9)} ${'mean'.padStart(9)} ${'SE'.padStart(9)} ${'t'.padStart(9)} ${'p'.padStart(7)} ${'lower'.padStart(9)} ${'upper'.padStart(9)}`);
  for (const e of b.paths) {
    lines.push(`  ${`${e.from} -> ${e.to}`.padEnd(w)} ${f(e.estimate).padStart(9)} ${f(e.mean).padStart(9)} ${f(e.se).padStart(9)} ${f(e.t).padStart(9)} ${f(e.p).padStart(7)} ${f(e.lower).padStart(9)} ${f(e.upper).padStart(9)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * When `--boot` or `--resamples` is given: bootstrap the model (Node worker threads when it pays), add the result
 * as `json.bootstrap`, and return a text table of the paths for non-JSON output ('' when no bootstrap was asked
 * for). A progress bar goes to stderr only when stderr is a terminal (`tty`, default `process.stderr.isTTY`).
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
  tty: boolean = process.stderr.isTTY === true,
): Promise<string> {
  const parsed = parseBootstrapFlags(flags);
  if (!parsed) return '';
  const { resamples, seed, ci } = parsed;
  let indices: Int32Array[] | undefined;
  if (flags.resamples !== undefined) {
    indices = parseResamples(await readTextFile(flags.resamples, 'resample file'), survey.n);
  }
  const boot = await bootstrapParallel(survey, model, {
    ...(indices ? { indices } : { resamples }),
    ...(seed !== undefined ? { seed } : {}),
    ci,
    estimateOptions,
    onProgress: progressBar(io, tty),
    workerUrl: workerModule(),
  });
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
    if (flags.seed !== undefined || flags.ci !== undefined) throw new CsiError('INVALID_OPTION', '--seed and --ci need --boot N or --resamples FILE.');
    return null;
  }
  let resamples: number | undefined;
  if (flags.boot !== undefined) {
    resamples = Number(flags.boot);
    if (!Number.isInteger(resamples) || resamples < 2) throw new CsiError('INVALID_OPTION', `--boot must be a whole number ≥ 2 (got ${flags.boot}).`);
  }
  let seed: number | undefined;
  if (flags.seed !== undefined) {
    seed = Number(flags.seed);
    if (!Number.isInteger(seed) || seed < 0 || seed > SEED_MAX) throw new CsiError('INVALID_OPTION', `--seed must be a whole number from 0 to 2^31 − 1 (got ${flags.seed}).`);
  }
  const ci = (flags.ci ?? 'percentile') as IntervalMethod;
  if (!['percentile', 'bc', 'bca'].includes(ci)) throw new CsiError('INVALID_OPTION', `--ci must be percentile, bc or bca (got ${flags.ci}).`);
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
