import { CsiError, isCsiError } from '../errors.js';
import { resolveSeed, type Moments, type Seed } from '../stats/index.js';
import { computeMoments, type EngineMomentsOptions, type EngineMomentsResult, type ExactIntegerAttempt, type RunSql } from './computeMoments.js';
import { emptyMoments } from '../stats/index.js';
import { exactNumber, parseMomentsRow, type EngineRow } from './parseMomentsRow.js';
import type { SqlDialect } from './sql/dialect.js';
import type { MomentsQuerySpec, SqlSource } from './sql/momentsSql.js';
import { poissonBootstrapSql, poissonReplicateSql } from './sql/poissonBootstrapSql.js';

/** Options of {@link computeReplicateMoments}. */
export interface ReplicateMomentsOptions extends EngineMomentsOptions {
  /** Number of Poisson-bootstrap replicates. */
  replicates: number;
  /** Seed (the one seed contract, `Seed` in stats). Default: random, reported as the result's `seed`. */
  seed?: number;
  /** Row key column hashed for the counts. Default: the codebook's `id`. */
  rowKey?: string;
  /**
   * Called with the full-sample result before any replicate statement runs (an adapter's check, e.g. DuckDB's CSV row
   * count): a throw here stops the run before the costly replicates. Default none.
   */
  afterFull?: (full: EngineMomentsResult) => void | Promise<void>;
  /**
   * Largest result of one statement, in values (replicates × aggregates per replicate). Default
   * {@link REPLICATE_VALUES_PER_QUERY}; more replicates are split into chunks of statements (see {@link replicateChunks}).
   */
  maxValuesPerQuery?: number;
  /**
   * One ungrouped statement per replicate (`poissonReplicateSql`) instead of GROUP BY replicate statements. Default:
   * true on DuckDB from {@link PER_REPLICATE_MIN_ROWS} rows on (about twice as fast there: its hash aggregate over row × replicate pairs is the bottleneck),
   * false elsewhere (ClickHouse aggregates a Distributed table's GROUP BY on the shards; one statement per replicate
   * would rescan every shard R times). Written for DuckDB only.
   */
  perReplicate?: boolean;
}

/**
 * Default cap on one replicate statement's result: 2,000,000 values (replicates × aggregates per replicate) — about
 * 40 MB as JSON over ClickHouse's HTTP and a similar JS heap for DuckDB's row objects. It holds 1,000 replicates of
 * the 24-item pairwise form (1,755 aggregates) or 5,000 of the complete form (351); beyond it the replicates are
 * computed by several statements, each one GROUP BY replicate scan (the total work is the same; each chunk rescans
 * the data).
 */
export const REPLICATE_VALUES_PER_QUERY = 2_000_000;

/**
 * DuckDB: from this many rows on, one statement per replicate beats one GROUP BY replicate statement. Each
 * statement costs ~25–30 ms to plan (351 aggregates), the GROUP BY path ~0.5 µs more per row and replicate than the
 * ungrouped one (1M × 24: 1.3 vs 0.8 s CPU per replicate), so the break-even is near 60,000 rows.
 */
export const PER_REPLICATE_MIN_ROWS = 100_000;

/**
 * Splits R replicates into chunks of at most ⌊maxValues / valuesPerReplicate⌋ (at least 1) replicates each.
 *
 * @example
 * replicateChunks(5000, 1755) // [{ first: 0, count: 1139 }, { first: 1139, count: 1139 }, … 5 chunks]
 * replicateChunks(1000, 351)  // [{ first: 0, count: 1000 }]
 */
export function replicateChunks(replicates: number, valuesPerReplicate: number, maxValues: number = REPLICATE_VALUES_PER_QUERY): { first: number; count: number }[] {
  if (!(maxValues >= 1)) throw new CsiError('INVALID_OPTION', 'maxValuesPerQuery must be ≥ 1.');
  const size = Math.max(1, Math.floor(maxValues / Math.max(1, valuesPerReplicate)));
  const chunks: { first: number; count: number }[] = [];
  for (let first = 0; first < replicates; first += size) chunks.push({ first, count: Math.min(size, replicates - first) });
  return chunks;
}

/** Result: the full-sample moments and one Moments per replicate (index r = 0 … R − 1). */
export interface ReplicateMomentsResult {
  full: EngineMomentsResult;
  replicates: Moments[];
  /** The seed used (the one given, or the random default): report it to repeat the run. */
  seed: Seed;
  queries: string[];
}

/**
 * Full-sample moments (with the checks and the form choice of {@link computeMoments}) and then, in ONE more
 * statement, the moments of R Poisson-bootstrap replicates computed inside the engine (`poissonBootstrapSql`), in the
 * same form (several statements when R × aggregates exceeds `maxValuesPerQuery`: {@link replicateChunks}). Feed each replicate to `estimateFromMoments` to get bootstrap distributions; n of a replicate is Σ K
 * (the counts), and `weighted` stays as the data's. Segments (`groupBy`) are not supported here (INVALID_OPTION).
 *
 * @example
 * const { full, replicates } = await computeReplicateMoments(run, 'survey', 'clickhouse', { items, rowKey: 'id', replicates: 500 });
 */
export async function computeReplicateMoments(
  run: RunSql,
  source: SqlSource,
  dialect: SqlDialect,
  options: ReplicateMomentsOptions,
  exact?: ExactIntegerAttempt,
): Promise<ReplicateMomentsResult> {
  if (options.groupBy && options.groupBy.length > 0) throw new CsiError('INVALID_OPTION', 'The in-engine Poisson bootstrap does not take groupBy; bootstrap each segment separately.');
  if (!Number.isInteger(options.replicates) || options.replicates < 1 || options.replicates > 100_000) {
    throw new CsiError('INVALID_OPTION', 'replicates must be an integer from 1 to 100000.');
  }
  const rowKey = options.rowKey ?? options.codebook?.id;
  if (!rowKey) throw new CsiError('INVALID_OPTION', 'The Poisson bootstrap needs a row key (rowKey, or the codebook id column).');
  const full = await computeMoments(run, source, dialect, options, exact);
  await options.afterFull?.(full);
  const seed = resolveSeed(options.seed);
  const replicates: Moments[] = new Array(options.replicates);
  const queries = [...full.queries];
  const fail = (e: unknown): never => {
    if (isCsiError(e)) throw e;
    throw new CsiError('ENGINE', `The engine failed on the bootstrap query: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  };
  // What every replicate statement shares (both the one-statement-per-replicate and the chunked forms).
  const common = {
    items: options.items,
    source,
    dialect,
    form: full.form,
    rowKey,
    seed,
    ...(options.weights !== undefined ? { weights: options.weights } : {}),
    ...(options.codebook ? { codebook: options.codebook } : {}),
  };
  if (options.perReplicate ?? (dialect === 'duckdb' && full.rowsRead >= PER_REPLICATE_MIN_ROWS)) {
    // Whole numbers (proved by the full-sample statement): the replicates in exact SMALLINT arithmetic too (K ≤ 12);
    // an overflow error (K · w · x_i · x_j beyond 32767) switches to DOUBLE for that replicate and the rest.
    let int16 = full.wholeNumbers === true;
    for (let r = 0; r < options.replicates; r++) {
      const sqlFor = (valueType: 'int16' | 'double'): ReturnType<typeof poissonReplicateSql> => poissonReplicateSql({ ...common, replicate: r, valueType });
      let q = sqlFor(int16 ? 'int16' : 'double');
      queries.push(q.sql);
      let rows: EngineRow[] = [];
      try {
        rows = await run(q.sql);
      } catch (e) {
        if (!int16) fail(e);
        int16 = false;
        q = sqlFor('double');
        queries.push(q.sql);
        try {
          rows = await run(q.sql);
        } catch (e2) {
          fail(e2);
        }
      }
      // No row with K > 0 (only on tiny data): SUM over no rows is NULL; the replicate is empty, as a missing group is.
      const nAlias = q.columns.find((c) => c.kind === 'n')!.alias;
      const row = rows[0];
      replicates[r] = row && row[nAlias] !== null && row[nAlias] !== undefined && exactNumber(row[nAlias], nAlias) !== 0 ? parseMomentsRow(row, q.spec) : emptyMoments(q.spec.items, q.spec.weighted);
    }
    return { full, replicates, seed, queries };
  }
  const sqlFor = (firstReplicate: number, count: number): ReturnType<typeof poissonBootstrapSql> =>
    poissonBootstrapSql({ ...common, replicates: count, firstReplicate });
  const width = sqlFor(0, 1).columns.length;
  let spec: MomentsQuerySpec | undefined;
  for (const chunk of replicateChunks(options.replicates, width, options.maxValuesPerQuery)) {
    const q = sqlFor(chunk.first, chunk.count);
    spec = q.spec;
    queries.push(q.sql);
    let rows: EngineRow[] = [];
    try {
      rows = await run(q.sql);
    } catch (e) {
      fail(e);
    }
    const repCol = q.columns.find((c) => c.kind === 'group' && c.k === -1)!.alias;
    for (const row of rows) {
      const r = exactNumber(row[repCol], repCol);
      if (r === null || !Number.isInteger(r) || r < chunk.first || r >= chunk.first + chunk.count) throw new CsiError('ENGINE', `Unexpected replicate index ${String(row[repCol])}.`);
      replicates[r] = parseMomentsRow(row, q.spec);
    }
  }
  for (let r = 0; r < options.replicates; r++) replicates[r] ??= emptyMoments(spec!.items, spec!.weighted);
  return { full, replicates, seed, queries };
}
