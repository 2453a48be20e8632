import { itemScales, type Codebook } from '../data/index.js';
import type { EngineMissing, EngineMomentsResult, ReplicateMomentsResult } from '../engines/index.js';
import { CsiError } from '../errors.js';
import type { ModelSpec } from '../model/index.js';
import { estimateFromMoments } from '../pls/index.js';
import type { InnerScheme, MissingRule, PlsResult } from '../pls/index.js';
import { formatPlsResult, formatStudy, studyEstimateOptions, studyFromResult, studyModel } from '../study/index.js';
import { studySpecFromFlags, type StudyFlagValues } from './study-flags.js';
import { numberFlag } from './flags.js';
import { choiceFlag } from './flags.js';
import type { BootstrapFlagValues } from './bootstrap-flags.js';
import { addEngineBootstrap, engineBootPlan, type EngineBootPlan } from './engine-bootstrap.js';
import type { CliIO } from './types.js';

/**
 * `csi estimate --engine duckdb|clickhouse`: the moments are computed by an engine where the data live and csikit
 * estimates from them (one estimator, `estimateFromMoments`); no Survey is ever built in JS. The engine adapters
 * are loaded lazily, so `csi` works without their optional peer dependencies until `--engine` is used.
 */

/** The extra `parseArgs` options of `csi estimate` for engines. */
export const ENGINE_ARG_OPTIONS = {
  engine: { type: 'string' },
  url: { type: 'string' },
  table: { type: 'string' },
  database: { type: 'string' },
  threads: { type: 'string' },
  'row-key': { type: 'string' },
} as const;

/** Usage lines for the engine options. */
export const ENGINE_USAGE = `Engines (data too big for memory; moments computed where the data live, never loaded into JS):
  csi estimate big.csv|big.parquet --engine duckdb --model MODEL.txt [--threads N]
  csi estimate --engine clickhouse --url http://127.0.0.1:8123 --table surveys [--database DB] --model MODEL.txt
  ClickHouse credentials come from CSI_CLICKHOUSE_USER / CSI_CLICKHOUSE_PASSWORD (never printed).
  --boot N [--seed S] [--ci percentile|bc] [--row-key COLUMN]: Poisson-bootstrap replicates computed by the engine
  (counts hashed from the row key, default the codebook's id; same summaries as in memory; no BCa, no --resamples).`;

/** Parsed values `csi estimate` hands over (the strings of `parseArgs`). */
export interface EngineEstimateArgs {
  engine?: string;
  url?: string;
  table?: string;
  database?: string;
  threads?: string;
  'row-key'?: string;
  model?: string;
  codebook?: string;
  missing?: string;
  scheme?: string;
  weights?: string;
  'max-iterations'?: string;
  f2?: boolean;
  json?: boolean;
}

/** The item names a model's first-order constructs use. */
function modelItems(model: ModelSpec): string[] {
  return [...new Set(model.constructs.flatMap((c) => c.items ?? []))];
}

/** Options of {@link estimateWithEngine}: the engine and where the data are, plus the estimation options. */
export interface EstimateWithEngineOptions {
  engine: 'duckdb' | 'clickhouse';
  model: ModelSpec;
  /** DuckDB: the CSV or Parquet file. */
  file?: string;
  /** ClickHouse: HTTP URL (default http://127.0.0.1:8123), table and database. */
  url?: string;
  table?: string;
  database?: string;
  /** DuckDB threads. Default: all cores. */
  threads?: number;
  codebook?: Codebook;
  /** Weight column. Default: the codebook's, else (DuckDB) a column named weight/weights/wt/wgt, else none. */
  weights?: string;
  missing: MissingRule;
  scheme: InnerScheme;
  maxIterations?: number;
  fSquared?: boolean;
  /** Segment and wave columns: one GROUP BY query gives the moments of every cell (issue 14). */
  groupBy?: string[];
  /** Also draw Poisson-bootstrap replicates in the engine (the full moments then come from the same run). */
  boot?: EngineBootPlan;
}

/**
 * Computes the moments with the chosen engine and estimates the model from them.
 *
 * @example
 * const { result } = await estimateWithEngine({ engine: 'duckdb', file: 'big.parquet', model, missing: 'mean' });
 */
export async function estimateWithEngine(
  options: EstimateWithEngineOptions,
): Promise<{ result: PlsResult; engine: EngineMomentsResult; replicates?: ReplicateMomentsResult }> {
  try {
    return await estimateWithEngineUnchecked(options);
  } catch (e) {
    throw missingPeer(e, options.engine) ?? e;
  }
}

const PEERS = { duckdb: '@duckdb/node-api', clickhouse: '@clickhouse/client' } as const;

/**
 * The user error for an engine whose optional peer package is not installed (it is loaded on first use, so the
 * "Cannot find module" surfaces late): `ENGINE` with the install command, exit 2. undefined for any other error.
 *
 * @example
 * missingPeer(Object.assign(new Error("Cannot find module '@duckdb/node-api'"), { code: 'MODULE_NOT_FOUND' }), 'duckdb')
 * // CsiError ENGINE "--engine duckdb needs the optional package @duckdb/node-api: npm install @duckdb/node-api"
 */
export function missingPeer(e: unknown, engine: 'duckdb' | 'clickhouse'): CsiError | undefined {
  const pkg = PEERS[engine];
  const err = e as { code?: unknown; message?: unknown };
  const notFound = err?.code === 'MODULE_NOT_FOUND' || err?.code === 'ERR_MODULE_NOT_FOUND';
  if (!notFound || typeof err.message !== 'string' || !err.message.includes(pkg)) return undefined;
  return new CsiError('ENGINE', `--engine ${engine} needs the optional package ${pkg}, which is not installed: npm install ${pkg}`);
}

async function estimateWithEngineUnchecked(
  options: EstimateWithEngineOptions,
): Promise<{ result: PlsResult; engine: EngineMomentsResult; replicates?: ReplicateMomentsResult }> {
  const items = modelItems(options.model);
  const common = {
    items,
    missing: options.missing as EngineMissing,
    ...(options.weights !== undefined ? { weights: options.weights } : {}),
    ...(options.codebook ? { codebook: options.codebook } : {}),
    ...(options.groupBy && options.groupBy.length > 0 ? { groupBy: options.groupBy } : {}),
  };
  const boot = options.boot ? { replicates: options.boot.replicates, seed: options.boot.seed, rowKey: options.boot.rowKey } : undefined;
  let engine: EngineMomentsResult;
  let replicates: ReplicateMomentsResult | undefined;
  if (options.engine === 'duckdb') {
    if (!options.file) throw new CsiError('INVALID_OPTION', '--engine duckdb needs a CSV or Parquet file.');
    const mod = await loadAdapter('duckdb', () => import('../engines/duckdb/index.js'));
    // Without a codebook or --weights, the in-memory loader takes a column named weight/weights/wt/wgt as the
    // sampling weight (src/data/surveyBuilder.ts WEIGHT_NAME); do the same so both paths give the same estimates.
    const weights = options.weights ?? options.codebook?.weight ?? (await mod.duckdbFileColumns(options.file)).find((c) => /^(weight|weights|wt|wgt)$/i.test(c));
    const duck = { ...common, ...(weights !== undefined ? { weights } : {}), file: options.file, ...(options.threads ? { threads: options.threads } : {}) };
    if (boot) engine = (replicates = await mod.duckdbPoissonBootstrap({ ...duck, ...boot })).full;
    else engine = await mod.duckdbMoments(duck);
  } else {
    if (!options.table) throw new CsiError('INVALID_OPTION', '--engine clickhouse needs --table.');
    const mod = await loadAdapter('clickhouse', () => import('../engines/clickhouse/index.js'));
    const where = {
      ...common,
      table: options.table,
      ...(options.url ? { url: options.url } : {}),
      ...(options.database ? { database: options.database } : {}),
    };
    if (boot) engine = (replicates = await mod.clickhousePoissonBootstrap({ ...where, ...boot })).full;
    else engine = await mod.clickhouseMoments(where);
  }
  const result = estimateFromMoments(engine.moments, options.model, {
    scheme: options.scheme,
    missing: options.missing,
    ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
    ...(options.fSquared ? { fSquared: true } : {}),
    ...(options.codebook ? { scales: itemScales(options.codebook) } : {}),
  });
  result.warnings.push(...engine.warnings);
  return { result, engine, ...(replicates ? { replicates } : {}) };
}

async function loadAdapter<T>(name: 'duckdb' | 'clickhouse', load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    const pkg = PEERS[name];
    throw missingPeer(e, name) ?? new CsiError('ENGINE', `--engine ${name} needs the optional package ${pkg} (npm install ${pkg}): ${(e as Error).message.split('\n')[0]}`);
  }
}

/**
 * The whole `csi estimate --engine …` command: checks the options, runs {@link estimateWithEngine}, prints the same
 * text or JSON as the in-memory path. Returns the exit code.
 *
 * @example
 * await runEngineEstimate({ engine: 'duckdb', model: 'ecsi.txt' }, ['big.parquet'], io) // 0
 * (`presetModel`: the model of --preset/--map, used instead of reading --model.)
 */
export async function runEngineEstimate(values: EngineEstimateArgs & StudyFlagValues & BootstrapFlagValues, positionals: string[], io: CliIO): Promise<number> {
  const engine = values.engine;
  choiceFlag('engine', engine ?? '', ['duckdb', 'clickhouse'] as const);
  if (engine !== 'duckdb' && engine !== 'clickhouse') return 2; // (choiceFlag has thrown)
  if (engine === 'duckdb' && positionals.length !== 1) throw new CsiError('INVALID_OPTION', 'csi estimate --engine duckdb needs exactly one data file (CSV or Parquet).');
  if (engine === 'clickhouse' && positionals.length !== 0) throw new CsiError('INVALID_OPTION', 'csi estimate --engine clickhouse reads --table, not a file.');
  if (values['index-scores'] !== undefined) throw new CsiError('INVALID_OPTION', '--index-scores needs the rows in memory: not available with --engine.');
  // The same study parser as the in-memory path (./study-flags.ts): --study, --model, --codebook, --scale, --ipma, …
  const spec = await studySpecFromFlags(values);
  const est = studyEstimateOptions(spec);
  const missing = est.missing ?? 'mean';
  const scheme = est.scheme ?? 'path';
  const maxIterations = est.maxIterations;
  const threads = values.threads !== undefined ? numberFlag('threads', values.threads, { integer: true, min: 1 }) : undefined;
  const model = studyModel(spec);
  // --scale without a codebook: a codebook of just those scales, so the engine's SQL counts out-of-scale values
  // (OUT_OF_SCALE) as it does for a codebook's; moments alone cannot show a value outside the scale.
  const codebook = spec.codebook ?? (spec.scale ? { items: modelItems(model).map((id) => ({ id, scale: { min: spec.scale![0], max: spec.scale![1] } })) } : undefined);
  if (spec.segmentEstimate) throw new CsiError('INVALID_OPTION', '--segment-estimate needs the rows in memory: not available with --engine.');
  const groupBy = [...new Set([...(spec.segments ?? []), ...(spec.waves ? [spec.waves.column] : [])])];
  const boot = engineBootPlan(values, codebook);
  const { result, engine: moments, replicates } = await estimateWithEngine({
    engine,
    model,
    missing,
    scheme,
    ...(positionals[0] !== undefined ? { file: positionals[0] } : {}),
    ...(values.url !== undefined ? { url: values.url } : {}),
    ...(values.table !== undefined ? { table: values.table } : {}),
    ...(values.database !== undefined ? { database: values.database } : {}),
    ...(threads !== undefined ? { threads } : {}),
    ...(codebook ? { codebook } : {}),
    ...(values.weights !== undefined ? { weights: values.weights } : {}),
    ...(maxIterations !== undefined ? { maxIterations } : {}),
    ...(est.fSquared ? { fSquared: true } : {}),
    ...(groupBy.length > 0 ? { groupBy } : {}),
    ...(boot ? { boot } : {}),
  });
  const study = studyFromResult(result, moments.moments, model, spec, undefined, moments.grouped ?? undefined);
  const bootOptions = { scheme, missing, ...(maxIterations !== undefined ? { maxIterations } : {}) };
  const bootText = boot && replicates ? addEngineBootstrap(study, moments.moments, replicates.replicates, model, boot, bootOptions) : '';
  const studyText = formatStudy(study);
  io.stdout(values.json ? `${JSON.stringify(study, null, 2)}\n` : `${formatPlsResult(result)}\n${studyText ? `\n${studyText}\n` : ''}${bootText ? `\n${bootText}\n` : ''}`);
  return 0;
}
