import { CsiError, isCsiError } from '../errors.js';
import { resolveSeed, type Moments, type Seed } from '../stats/index.js';
import { computeMoments, type EngineMomentsOptions, type EngineMomentsResult, type RunSql } from './computeMoments.js';
import { emptyMoments } from '../stats/index.js';
import { exactNumber, parseMomentsRow } from './parseMomentsRow.js';
import type { SqlDialect } from './sql/dialect.js';
import type { SqlSource } from './sql/momentsSql.js';
import { poissonBootstrapSql } from './sql/poissonBootstrapSql.js';

/** Options of {@link computeReplicateMoments}. */
export interface ReplicateMomentsOptions extends EngineMomentsOptions {
  /** Number of Poisson-bootstrap replicates. */
  replicates: number;
  /** Seed (the one seed contract, `Seed` in stats). Default: random, reported as the result's `seed`. */
  seed?: number;
  /** Row key column hashed for the counts. Default: the codebook's `id`. */
  rowKey?: string;
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
 * same form. Feed each replicate to `estimateFromMoments` to get bootstrap distributions; n of a replicate is Σ K
 * (the counts), and `weighted` stays as the data's. Segments (`groupBy`) are not supported here (INVALID_OPTION).
 *
 * @example
 * const { full, replicates } = await computeReplicateMoments(run, 'survey', 'clickhouse', { items, rowKey: 'id', replicates: 500 });
 */
export async function computeReplicateMoments(run: RunSql, source: SqlSource, dialect: SqlDialect, options: ReplicateMomentsOptions): Promise<ReplicateMomentsResult> {
  if (options.groupBy && options.groupBy.length > 0) throw new CsiError('INVALID_OPTION', 'The in-engine Poisson bootstrap does not take groupBy; bootstrap each segment separately.');
  const rowKey = options.rowKey ?? options.codebook?.id;
  if (!rowKey) throw new CsiError('INVALID_OPTION', 'The Poisson bootstrap needs a row key (rowKey, or the codebook id column).');
  const full = await computeMoments(run, source, dialect, options);
  const q = poissonBootstrapSql({
    items: options.items,
    source,
    dialect,
    form: full.form,
    rowKey,
    replicates: options.replicates,
    seed: resolveSeed(options.seed),
    ...(options.weights !== undefined ? { weights: options.weights } : {}),
    ...(options.codebook ? { codebook: options.codebook } : {}),
  });
  let rows;
  try {
    rows = await run(q.sql);
  } catch (e) {
    if (isCsiError(e)) throw e;
    throw new CsiError('ENGINE', `The engine failed on the bootstrap query: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const repCol = q.columns.find((c) => c.kind === 'group' && c.k === -1)!.alias;
  const replicates: Moments[] = new Array(options.replicates);
  for (const row of rows) {
    const r = exactNumber(row[repCol], repCol);
    if (r === null || !Number.isInteger(r) || r < 0 || r >= options.replicates) throw new CsiError('ENGINE', `Unexpected replicate index ${String(row[repCol])}.`);
    replicates[r] = parseMomentsRow(row, q.spec);
  }
  for (let r = 0; r < options.replicates; r++) replicates[r] ??= emptyMoments(q.spec.items, q.spec.weighted);
  return { full, replicates, seed: q.seed, queries: [...full.queries, q.sql] };
}
