import { CsiError } from '../../errors.js';
import { resolveSeed } from '../../stats/index.js';
import { poissonCdf } from './poissonBootstrapSql.js';

/**
 * The Poisson(1) counts of `poissonBootstrapSql`, drawn in JavaScript with the engines' own hash functions, so an
 * in-memory Poisson bootstrap can draw exactly the counts DuckDB or ClickHouse draw (tests and audits: the engine's
 * replicate moments equal the in-memory moments weighted by these counts). Lives next to the SQL text it mirrors.
 *
 * Row keys: non-negative integers (a `number` up to 2^53 − 1 or a `bigint` below 2^64), as an integer id column
 * holds them. Text keys hash differently in each engine (DuckDB's string hash, ClickHouse's CityHash64 v1.0.2 of the
 * bytes) and are not mirrored here.
 */

const MASK64 = (1n << 64n) - 1n;
const CDF = poissonCdf();

/** DuckDB (v1.x) `hash()` of an integer: MurmurHash64 finalizer of the value as uint64. */
function duckdbHash(x: bigint): bigint {
  x ^= x >> 32n;
  x = (x * 0xd6e8feb86659fd93n) & MASK64;
  x ^= x >> 32n;
  x = (x * 0xd6e8feb86659fd93n) & MASK64;
  return x ^ (x >> 32n);
}

/** DuckDB's combination of a first hash with the next argument's (multi-argument `hash(a, b)`). */
function duckdbCombine(a: bigint, b: bigint): bigint {
  a ^= a >> 32n;
  a = (a * 0xd6e8feb86659fd93n) & MASK64;
  return a ^ b;
}

/** ClickHouse `cityHash64` of one unsigned integer argument: `intHash64(x ^ 0x4CF2D2BAAE6DA887)`. */
function clickhouseIntHash(x: bigint): bigint {
  x ^= 0x4cf2d2baae6da887n;
  x ^= x >> 33n;
  x = (x * 0xff51afd7ed558ccdn) & MASK64;
  x ^= x >> 33n;
  x = (x * 0xc4ceb9fe1a85ec53n) & MASK64;
  return x ^ (x >> 33n);
}

/** ClickHouse's combination of argument hashes in `cityHash64(a, b, …)`: CityHash's Hash128to64(low = a, high = b). */
function clickhouseCombine(low: bigint, high: bigint): bigint {
  const k = 0x9ddfea08eb382d69n;
  let a = ((low ^ high) * k) & MASK64;
  a ^= a >> 47n;
  let b = ((high ^ a) * k) & MASK64;
  b ^= b >> 47n;
  return (b * k) & MASK64;
}

function keyBig(key: number | bigint): bigint {
  if (typeof key === 'bigint') {
    if (key < 0n || key > MASK64) throw new CsiError('INVALID_OPTION', `Row key ${key} is not an integer from 0 to 2^64 − 1.`);
    return key;
  }
  if (!Number.isSafeInteger(key) || key < 0) throw new CsiError('INVALID_OPTION', `Row key ${key} is not a non-negative integer (text keys are not mirrored in JS).`);
  return BigInt(key);
}

/**
 * The 64-bit hash of (row key, seed, replicate) that `poissonCountSql` writes for `dialect`:
 * DuckDB `hash(xor(hash(key, seed), r))`, ClickHouse `cityHash64(key, seed, r)` (integer arguments).
 *
 * @example
 * poissonHash('clickhouse', 5, 7, 3) // 923835526728679044n (ClickHouse 18.16: SELECT cityHash64(toUInt32(5), 7, 3))
 * poissonHash('duckdb', 5, 7, 3)     // 5759371859419549997n (DuckDB 1.5: SELECT hash(xor(hash(5::BIGINT, 7), 3::UBIGINT)))
 */
export function poissonHash(dialect: 'duckdb' | 'clickhouse', key: number | bigint, seed: number, replicate: number): bigint {
  const k = keyBig(key);
  const s = BigInt(seed);
  const r = BigInt(replicate);
  if (dialect === 'clickhouse') return clickhouseCombine(clickhouseCombine(clickhouseIntHash(k), clickhouseIntHash(s)), clickhouseIntHash(r));
  if (dialect === 'duckdb') return duckdbHash(duckdbCombine(duckdbHash(k), duckdbHash(s)) ^ r);
  throw new CsiError('INVALID_OPTION', `Poisson counts are mirrored for duckdb and clickhouse, not ${String(dialect)}.`);
}

/**
 * One row's Poisson(1) count in replicate `replicate`, exactly as the engine draws it: u = (hash mod 2^32) / 2^32,
 * K = min{k : u < c_k} over the Poisson(1) CDF thresholds (`poissonCdf`), else 12.
 *
 * @example
 * poissonCount('duckdb', 5, 7, 3) // 0, 1, 2, … — the count DuckDB gives row id 5 in replicate 3 under seed 7
 */
export function poissonCount(dialect: 'duckdb' | 'clickhouse', key: number | bigint, seed: number, replicate: number): number {
  if (!Number.isInteger(replicate) || replicate < 0) throw new CsiError('INVALID_OPTION', `Replicate index ${replicate} is not an integer ≥ 0.`);
  resolveSeed(seed);
  const u = Number(poissonHash(dialect, key, seed, replicate) & 0xffffffffn) / 4294967296;
  for (let k = 0; k < CDF.length; k++) if (u < CDF[k]) return k;
  return CDF.length;
}

/**
 * The counts of every row (by its key) in one replicate: an in-memory Poisson bootstrap replicate that draws the
 * engine's counts. Feed them as row multiplicities (`momentsFromSurvey(survey, { counts })`).
 *
 * @example
 * const counts = poissonCounts('clickhouse', ids, 7, 0); // Float64Array, one count per row
 */
export function poissonCounts(dialect: 'duckdb' | 'clickhouse', keys: ArrayLike<number | bigint>, seed: number, replicate: number): Float64Array {
  const out = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = poissonCount(dialect, keys[i], seed, replicate);
  return out;
}
