import { CsiError } from '../../errors.js';
import { resolveSeed, type Seed } from '../../stats/index.js';
import { quoteIdentifier, sqlNumber } from './dialect.js';
import { buildMomentsSql, type MomentsQuery, type MomentsSqlOptions } from './momentsSql.js';

/** Options of {@link poissonBootstrapSql}: the moments options plus the replicate design. */
export interface PoissonBootstrapSqlOptions extends MomentsSqlOptions {
  /** A column that identifies a row (the respondent id): the hash input that makes each row's counts reproducible. */
  rowKey: string;
  /** Number of replicates R (1 … 100,000) in this statement. */
  replicates: number;
  /**
   * Index of the first replicate (default 0): the statement computes replicates first … first + R − 1, so a long run
   * can be split into chunks of statements whose replicates are those of one big statement (the counts depend only
   * on key, seed and replicate index).
   */
  firstReplicate?: number;
  /**
   * Seed (the one seed contract, `Seed` in stats: an integer 0 … 2^31 − 1). Same seed, data and engine → same
   * replicates. Default: random, returned as `seed` (report it). Poisson counts differ from the in-memory bootstrap's
   * multinomial resamples under the same seed, by design.
   */
  seed?: number;
}

/** The replicate query and the seed it was written with. */
export interface PoissonBootstrapQuery extends MomentsQuery {
  seed: Seed;
}

/**
 * Largest count written: P(K > 12) = 1 − Σ_{k≤12} e^{−1}/k! ≈ 6e−11, below the 2^−32 resolution of the uniform, so
 * the ELSE branch is never reached by a finite u < 1 except with that probability.
 */
const MAX_COUNT = 12;

/**
 * The Poisson(1) CDF thresholds c_k = e^{−1} Σ_{j ≤ k} 1/j!, k = 0 … MAX_COUNT − 1 (inversion: K = min{k : u < c_k}).
 *
 * @example
 * poissonCdf()[0] // 0.36787944117144233 (= e^−1)
 */
export function poissonCdf(): number[] {
  const out: number[] = [];
  let term = Math.exp(-1);
  let sum = 0;
  for (let k = 0; k < MAX_COUNT; k++) {
    sum += term;
    out.push(sum);
    term /= k + 1;
  }
  return out;
}

/**
 * ONE statement computing the moments of R Poisson-bootstrap replicates inside the engine (GROUP BY replicate).
 *
 * Method (the "Poisson bootstrap"): instead of drawing n rows with replacement (multinomial counts, which need to
 * know n and to coordinate rows), every row gets, in replicate r, an independent count K_{row,r} ~ Poisson(1); the
 * replicate's moments are the moments weighted by K (times the sampling weight). Multinomial(n, 1/n) counts are
 * approximately independent Poisson(1) for large n, and the bootstrap distributions agree to O(1/n) (Hanley &
 * MacGibbon 2006, "Creating non-parametric bootstrap samples using Poisson frequencies", Computer Methods and
 * Programs in Biomedicine 83:57–62; Chamandy, Muralidharan, Najmi & Naidu 2012, "Estimating uncertainty for massive
 * data streams", Google technical report — the same device for sharded data: each shard draws its rows' counts
 * independently, no coordination). The replicate's size Σ K varies around n (sd √n), unlike the classical bootstrap.
 *
 * Counts are deterministic: u = (hash(row key, seed, r) mod 2^32) / 2^32 and K = min{k : u < c_k} with the Poisson(1)
 * CDF thresholds c_k ({@link poissonCdf}) written as literals. The hash is the engine's own: DuckDB
 * `hash(xor(hash(key, seed), r))` (DuckDB's multi-argument `hash(key, seed, r)` combines too weakly: measured, the
 * replicate sizes Σ K had sd 46 or 79 instead of √n = 55 at n = 3000), ClickHouse `cityHash64(key, seed, r)`
 * (present in 18.16) — so replicates are reproducible on one engine and
 * version, but differ between engines (as any two random streams do). ClickHouse: the count is a `WITH … AS` alias
 * and the replicate index comes from `ARRAY JOIN range(R)`, so a Distributed table still aggregates on the shards;
 * DuckDB: a sub-select with `CROSS JOIN range(R)`. Rows with K = 0 (≈ 37 %) are filtered out. Each result row is
 * one replicate (× segment cell) in the given form; the check columns are left out (run the plain moments first).
 *
 * Other dialects: INVALID_OPTION (not written; PostgreSQL would use `generate_series` + `hashtextextended`).
 *
 * @example
 * const q = poissonBootstrapSql({ items: ['a', 'b'], source: 't', form: 'complete', dialect: 'duckdb', rowKey: 'id', replicates: 200, seed: 7 });
 * q.spec.replicated // true
 */
export function poissonBootstrapSql(options: PoissonBootstrapSqlOptions): PoissonBootstrapQuery {
  const { dialect, replicates } = options;
  if (!Number.isInteger(replicates) || replicates < 1 || replicates > 100_000) throw new CsiError('INVALID_OPTION', 'replicates must be an integer from 1 to 100000.');
  const first = options.firstReplicate ?? 0;
  if (!Number.isInteger(first) || first < 0 || first + replicates > 1_000_000_000) throw new CsiError('INVALID_OPTION', 'firstReplicate must be an integer ≥ 0.');
  const seed = resolveSeed(options.seed);
  if (typeof options.rowKey !== 'string' || options.rowKey === '') throw new CsiError('INVALID_OPTION', 'The Poisson bootstrap needs a row key column (e.g. the respondent id).');
  if (dialect !== 'duckdb' && dialect !== 'clickhouse') {
    throw new CsiError('INVALID_OPTION', `The in-engine Poisson bootstrap is written for duckdb and clickhouse, not ${dialect}.`);
  }
  const key = quoteIdentifier(options.rowKey, dialect);
  const q = buildMomentsSql(options, (P, from) => {
    const r = `${P}r`;
    const k = `${P}k`;
    if (dialect === 'clickhouse') {
      return {
        rowCount: k,
        // 18.16 has only the one-argument range(N); a later chunk shifts it (the type widens, the hash does not see it).
        from: `${from} ARRAY JOIN ${first === 0 ? `range(${replicates})` : `arrayMap(${P}x -> ${P}x + ${first}, range(${replicates}))`} AS ${r}`,
        prefix: `WITH ${poissonCountSql(dialect, key, seed, r)} AS ${k}`,
        where: `${k} > 0`,
        extraGroup: { expr: r, alias: `${P}rep` },
        noChecks: true,
      };
    }
    return {
      rowCount: k,
      from: `(SELECT *, ${poissonCountSql(dialect, key, seed, r)} AS ${k} FROM ${from} CROSS JOIN range(${first === 0 ? replicates : `${first}, ${first + replicates}`}) AS ${P}reps(${r})) AS ${P}b`,
      prefix: '',
      where: `${k} > 0`,
      extraGroup: { expr: r, alias: `${P}rep` },
      noChecks: true,
    };
  }, [options.rowKey]);
  return { ...q, seed };
}

/**
 * The Poisson(1) thresholds on the 32-bit hash: H_k = ⌈c_k · 2^32⌉, so that for the integer h = hash mod 2^32,
 * h < H_k ⟺ h < c_k · 2^32 ⟺ u = h / 2^32 < c_k (exact: 2^32 scales a double without rounding, and for an integer
 * h, h < T ⟺ h < ⌈T⌉). The counts are therefore exactly those of {@link poissonCountSql}'s u < c_k. Each c_k · 2^32
 * lies at least 0.01 from an integer, so a literal c_k that an engine parses one ulp off (DuckDB reads the 17-digit
 * literal as DECIMAL: 0.9810118431238463 became …64) cannot move a count either.
 *
 * @example
 * poissonHashThresholds()[0] // 1580030169 (⌈e^−1 · 2^32⌉)
 */
export function poissonHashThresholds(): number[] {
  return poissonCdf().map((c) => Math.ceil(c * 4294967296));
}

/** Options of {@link poissonReplicateSql}: the moments options plus one replicate. */
export interface PoissonReplicateSqlOptions extends MomentsSqlOptions {
  rowKey: string;
  /** The replicate index r (≥ 0): the statement computes the moments of replicate r alone. */
  replicate: number;
  /** Seed, as in {@link PoissonBootstrapSqlOptions}. Default: random, returned as `seed`. */
  seed?: number;
}

/**
 * DuckDB: ONE ungrouped statement computing the moments of replicate r alone — the same counts and the same
 * products as {@link poissonBootstrapSql}'s row r (K · w · x_i · x_j, multiplied in that order), without GROUP BY.
 * DuckDB's hash aggregate over (row, replicate) pairs cost 1.3–1.4 s CPU per replicate on 1M × 24 rows (EXPLAIN
 * ANALYZE at 20 replicates: 60 % in HASH_GROUP_BY scattering 329 sums into replicate states, 35 % in the products
 * above it), while a plain aggregate over the rows of one replicate costs 0.6–0.9 s (bench/engines.bench.ts); so
 * the DuckDB adapter runs R of these statements. Per statement: the 64-bit hash is computed once per row
 * (h = hash(xor(hash(key, seed), r)) mod 2^32), rows with K = 0 (h < H_0, ≈ 37 %) are dropped by an integer
 * comparison before anything else, and K comes from integer thresholds ({@link poissonHashThresholds}) — exactly the
 * counts {@link poissonCountSql} draws. The result row has no replicate column.
 *
 * @example
 * const q = poissonReplicateSql({ items: ['a'], source: 't', form: 'complete', dialect: 'duckdb', rowKey: 'id', replicate: 3, seed: 1 });
 * q.sql.includes('GROUP BY') // false
 */
export function poissonReplicateSql(options: PoissonReplicateSqlOptions): PoissonBootstrapQuery {
  const { dialect, replicate } = options;
  if (dialect !== 'duckdb') throw new CsiError('INVALID_OPTION', `One statement per replicate is written for duckdb, not ${String(dialect)}.`);
  if (!Number.isInteger(replicate) || replicate < 0 || replicate >= 1_000_000_000) throw new CsiError('INVALID_OPTION', 'replicate must be an integer ≥ 0.');
  const seed = resolveSeed(options.seed);
  if (typeof options.rowKey !== 'string' || options.rowKey === '') throw new CsiError('INVALID_OPTION', 'The Poisson bootstrap needs a row key column (e.g. the respondent id).');
  const key = quoteIdentifier(options.rowKey, dialect);
  const H = poissonHashThresholds();
  const q = buildMomentsSql(options, (P, from) => {
    const h = `${P}h`;
    const k = `${P}k`;
    const cases = `CASE ${H.slice(1).map((t, i) => `WHEN ${h} < ${t} THEN ${i + 1}`).join(' ')} ELSE ${MAX_COUNT} END`;
    const count = options.valueType === 'int16' ? `CAST(${cases} AS SMALLINT)` : cases;
    const hashed = `SELECT *, (hash(xor(hash(${key}, ${seed}), CAST(${replicate} AS UBIGINT))) % 4294967296) AS ${h} FROM ${from}`;
    return {
      rowCount: k,
      from: `(SELECT *, ${count} AS ${k} FROM (${hashed}) AS ${P}a WHERE ${h} >= ${H[0]}) AS ${P}b`,
      prefix: '',
      where: null,
      extraGroup: null,
      noChecks: true,
    };
  }, [options.rowKey]);
  return { ...q, seed };
}

/**
 * The SQL expression of one row's Poisson(1) count in replicate `replicate` (an SQL expression), from the quoted row
 * key and the seed: u = (hash mod 2^32) / 2^32, then K = min{k : u < c_k} ({@link poissonCdf}); see
 * {@link poissonBootstrapSql}. Exposed so tests (and audits) can list the counts an engine draws.
 *
 * @example
 * poissonCountSql('clickhouse', '"id"', 1, 'r').startsWith('CASE WHEN ((cityHash64("id", 1, r)') // true
 */
export function poissonCountSql(dialect: 'duckdb' | 'clickhouse', quotedKey: string, seed: number, replicate: string): string {
  resolveSeed(seed);
  const u =
    dialect === 'clickhouse'
      ? `((cityHash64(${quotedKey}, ${seed}, ${replicate}) % 4294967296) / 4294967296)`
      : `((hash(xor(hash(${quotedKey}, ${seed}), CAST(${replicate} AS UBIGINT))) % 4294967296) / 4294967296.0)`;
  return `CASE ${poissonCdf()
    .map((c, k) => `WHEN ${u} < ${sqlNumber(c)} THEN ${k}`)
    .join(' ')} ELSE ${MAX_COUNT} END`;
}
