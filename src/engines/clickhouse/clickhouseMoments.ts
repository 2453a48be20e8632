import { createClient, type ClickHouseClient, type Logger } from '@clickhouse/client';
import { CsiError, isCsiError } from '../../errors.js';
import { computeMoments, type EngineMomentsOptions, type EngineMomentsResult } from '../computeMoments.js';
import { computeReplicateMoments, type ReplicateMomentsResult } from '../computeReplicates.js';
import type { EngineRow } from '../parseMomentsRow.js';

/** Environment variable holding the ClickHouse user name (never printed or logged). */
export const CLICKHOUSE_USER_ENV = 'CSI_CLICKHOUSE_USER';
/** Environment variable holding the ClickHouse password (never printed or logged). */
export const CLICKHOUSE_PASSWORD_ENV = 'CSI_CLICKHOUSE_PASSWORD';

/** Connection options of the ClickHouse adapter. */
export interface ClickHouseConnectionOptions {
  /** HTTP(S) endpoint, e.g. `http://127.0.0.1:8123`. Credentials in the URL are refused: use the environment. */
  url?: string;
  /** Database of `table`. Default: the server's default database. */
  database?: string;
  /** User. Default: env CSI_CLICKHOUSE_USER, else `default`. */
  username?: string;
  /** Password. Default: env CSI_CLICKHOUSE_PASSWORD, else empty. */
  password?: string;
  /** Request timeout in ms (long aggregates on big tables). Default 600000 (10 min; the client's own default, 30 s, is too short). */
  requestTimeoutMs?: number;
  /** An existing client (not closed afterwards). Default: a new one, closed afterwards. */
  client?: ClickHouseClient;
  /** Environment to read credentials from. Default `process.env`. */
  env?: Record<string, string | undefined>;
}

/** Options of {@link clickhouseMoments}. */
export interface ClickHouseMomentsOptions extends EngineMomentsOptions, ClickHouseConnectionOptions {
  /** The table (a MergeTree table, or a Distributed table over shards). */
  table: string;
}

/** A logger that drops everything: the client must never print a request (which could carry credentials). */
class SilentLogger implements Logger {
  trace(): void {}
  debug(): void {}
  info(): void {}
  warn(): void {}
  error(): void {}
}

/**
 * Opens a @clickhouse/client HTTP client for csikit: credentials from the options or the environment (never from
 * the URL, never logged: the client's logger is silenced), a long request timeout, and
 * `send_progress_in_http_headers` so long aggregates keep the connection alive. Returns the client and a `close`
 * that closes only a client opened here.
 *
 * @example
 * const { client, close } = openClickHouse({ url: 'http://127.0.0.1:8123' });
 * try { await client.ping(); } finally { await close(); }
 */
export function openClickHouse(options: ClickHouseConnectionOptions = {}): { client: ClickHouseClient; close: () => Promise<void> } {
  if (options.client) return { client: options.client, close: async () => {} };
  const env = options.env ?? (typeof process !== 'undefined' ? process.env : {});
  const url = options.url ?? 'http://127.0.0.1:8123';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CsiError('INVALID_OPTION', 'The ClickHouse URL is not a valid URL.');
  }
  if (parsed.username || parsed.password) {
    throw new CsiError('INVALID_OPTION', `Put ClickHouse credentials in ${CLICKHOUSE_USER_ENV} / ${CLICKHOUSE_PASSWORD_ENV}, not in the URL.`);
  }
  const timeout = options.requestTimeoutMs ?? 600_000;
  if (!(Number.isInteger(timeout) && timeout > 0)) throw new CsiError('INVALID_OPTION', 'requestTimeoutMs must be a positive integer.');
  const client = createClient({
    url: parsed.toString(),
    username: options.username ?? env[CLICKHOUSE_USER_ENV] ?? 'default',
    password: options.password ?? env[CLICKHOUSE_PASSWORD_ENV] ?? '',
    ...(options.database ? { database: options.database } : {}),
    request_timeout: timeout,
    clickhouse_settings: { send_progress_in_http_headers: 1 },
    log: { LoggerClass: SilentLogger },
  });
  return { client, close: () => client.close() };
}

/**
 * Runs SQL through a ClickHouse client as JSONEachRow and returns the rows (UInt64 come back as decimal strings,
 * read exactly by `parseMomentsRow`). `max_query_size`, `max_ast_elements` and `max_expanded_ast_elements` are raised
 * per query to fit the SQL (the server defaults — 262,144 bytes, 50,000 and 500,000 elements — are below the
 * pairwise SQL of ~26 items). `settings` are further per-query settings (e.g. {@link MOMENTS_QUERY_SETTINGS}).
 * Errors become CsiError ENGINE with the credentials and the URL's user info removed from the message.
 *
 * @example
 * const rows = await clickhouseRunner(client)('SELECT 1 AS x'); // [{ x: 1 }]
 */
export function clickhouseRunner(
  client: ClickHouseClient,
  secrets: readonly string[] = [],
  settings: Readonly<Record<string, string>> = {},
): (sql: string) => Promise<EngineRow[]> {
  return async (sql) => {
    const bytes = new TextEncoder().encode(sql).length;
    try {
      const rs = await client.query({
        query: sql,
        format: 'JSONEachRow',
        clickhouse_settings: {
          ...settings,
          max_query_size: String(Math.max(262_144, bytes + 65_536)),
          // Wide models also exceed the AST limits (18.16 defaults 50,000 / 500,000 elements; a 30-item pairwise
          // query failed with "AST is too big"). An element takes at least one byte of text, so `bytes` bounds the
          // parsed AST; the expanded one grows with WITH-alias substitution (the bootstrap's count expression).
          max_ast_elements: String(Math.max(50_000, bytes)),
          max_expanded_ast_elements: String(Math.max(500_000, bytes * 200)),
        },
      });
      return (await rs.json()) as EngineRow[];
    } catch (e) {
      throw clickhouseError(e, secrets);
    }
  };
}

/**
 * Settings for the moments statement. `max_block_size` 8192 (server default 65,536): the complete form evaluates
 * ~350 product expressions per block, each a Float64 column of block-size rows kept until the block is aggregated;
 * at 65,536 rows that is ~180 MB per block and the scan is memory-bound. Measured on ClickHouse 18.16, 2 shards on
 * loopback, 1M × 24 items, weighted (bench/engines.bench.ts): 3.2–4.0 s → 1.3 s, with a codebook 5.5 → 2.3 s; the
 * grouped and the pairwise form unchanged within noise (4,096 and smaller were slower). Sums are exact for integer
 * data either way; only the block boundaries change, not which rows are summed.
 */
const MOMENTS_QUERY_SETTINGS: Readonly<Record<string, string>> = { max_block_size: '8192' };

/**
 * A client/server error as CsiError ENGINE, with the given secrets and any URL user info redacted.
 *
 * @example
 * clickhouseError(new Error('auth failed for pw hunter22'), ['hunter22']).message // 'ClickHouse: auth failed for pw ***'
 */
export function clickhouseError(e: unknown, secrets: readonly string[] = []): CsiError {
  if (isCsiError(e)) return e;
  let message = e instanceof Error ? e.message : String(e);
  for (const s of secrets) if (s) message = message.split(s).join('***');
  message = message.replace(/\/\/[^/@\s]*@/g, '//***@');
  return new CsiError('ENGINE', `ClickHouse: ${message.split('\n')[0].slice(0, 500)}`);
}

/**
 * Computes the {@link Moments} of a ClickHouse table — a MergeTree table or a Distributed table over shards, which
 * then aggregate locally and the initiator merges — over HTTP with @clickhouse/client (Node only). One statement
 * per form (see `momentsSql`, dialect `clickhouse`: `toFloat64`, never `CAST`, which throws on NULL; plain `sum`,
 * never `sumKahan`, which crashed 18.16 over a Distributed table). Missing-value handling, codebook and errors as in
 * `computeMoments`. Note (18.16): NULLs must be loaded as `\N` / NULL — an empty CSV cell loads as 0.
 *
 * @example
 * const { moments } = await clickhouseMoments({ url: 'http://127.0.0.1:8123', table: 'surveys', items: ['CUSA1', 'CUSA2'] });
 */
export async function clickhouseMoments(options: ClickHouseMomentsOptions): Promise<EngineMomentsResult> {
  if (typeof options.table !== 'string' || options.table === '') throw new CsiError('INVALID_OPTION', 'clickhouseMoments needs a table.');
  const env = options.env ?? (typeof process !== 'undefined' ? process.env : {});
  const secrets = [options.password ?? env[CLICKHOUSE_PASSWORD_ENV] ?? ''].filter((s) => s.length >= 3);
  const { client, close } = openClickHouse(options);
  try {
    const source = options.database ? { table: options.table, schema: options.database } : { table: options.table };
    return await computeMoments(clickhouseRunner(client, secrets, MOMENTS_QUERY_SETTINGS), source, 'clickhouse', options);
  } finally {
    await close();
  }
}

/**
 * Settings for the replicate statement: `ARRAY JOIN range(R)` turns every block of b rows into one block of b × R
 * rows before aggregation, so `max_block_size` is lowered to ⌊65,536 / R⌋ (at least 16) to keep that block near the
 * server's default 65,536 rows (at R = 1000 and the default block size it would be 65 M rows × the items).
 *
 * @example
 * bootstrapQuerySettings(1000) // { max_block_size: '65' }
 */
export function bootstrapQuerySettings(replicates: number): Record<string, string> {
  return { max_block_size: String(Math.max(16, Math.floor(65_536 / Math.max(1, replicates)))) };
}

/** Options of {@link clickhousePoissonBootstrap}. */
export interface ClickHouseBootstrapOptions extends ClickHouseMomentsOptions {
  /** Number of replicates. */
  replicates: number;
  /** Seed (the one seed contract, `Seed`: an integer 0 … 2^31 − 1). Default: random, reported as the result's `seed`. */
  seed?: number;
  /** Row key column (hashed with cityHash64 for the Poisson counts). Default: the codebook's `id`. */
  rowKey?: string;
  /** Cap on one statement's result (replicates × aggregates); beyond it, chunks of statements. Default `REPLICATE_VALUES_PER_QUERY`. */
  maxValuesPerQuery?: number;
}

/**
 * Poisson bootstrap inside ClickHouse (Node only): full-sample moments plus R replicate moments from one statement
 * (`ARRAY JOIN range(R)`, GROUP BY replicate; on a Distributed table every shard draws its own rows' counts, the
 * device of Chamandy et al. 2012 — see `poissonBootstrapSql`).
 *
 * @example
 * const { replicates } = await clickhousePoissonBootstrap({ url, table: 'surveys', items, rowKey: 'id', replicates: 500 });
 */
export async function clickhousePoissonBootstrap(options: ClickHouseBootstrapOptions): Promise<ReplicateMomentsResult> {
  if (typeof options.table !== 'string' || options.table === '') throw new CsiError('INVALID_OPTION', 'clickhousePoissonBootstrap needs a table.');
  const env = options.env ?? (typeof process !== 'undefined' ? process.env : {});
  const secrets = [options.password ?? env[CLICKHOUSE_PASSWORD_ENV] ?? ''].filter((s) => s.length >= 3);
  const { client, close } = openClickHouse(options);
  try {
    const source = options.database ? { table: options.table, schema: options.database } : { table: options.table };
    return await computeReplicateMoments(clickhouseRunner(client, secrets, bootstrapQuerySettings(options.replicates)), source, 'clickhouse', options);
  } finally {
    await close();
  }
}
