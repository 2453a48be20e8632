import { CsiError } from '../../errors.js';

/**
 * The SQL dialects csikit writes moments queries for. DuckDB and ClickHouse are run in CI (DuckDB in process, a
 * 2-shard ClickHouse 18.16 on loopback); PostgreSQL, Spark SQL and BigQuery are golden-text tested only.
 */
export type SqlDialect = 'duckdb' | 'clickhouse' | 'postgres' | 'spark' | 'bigquery';

/** Every dialect {@link momentsSql} writes. */
export const SQL_DIALECTS: readonly SqlDialect[] = ['duckdb', 'clickhouse', 'postgres', 'spark', 'bigquery'];

/**
 * Quotes a column or table name for a dialect, so any text (quotes, semicolons, comment markers, CJK) is read as one
 * name and can never end the identifier token:
 *
 * | dialect | quote | a quote inside the name | source |
 * |---|---|---|---|
 * | duckdb, postgres | `"x"` | doubled `""` | SQL standard; PostgreSQL docs §4.1.1, DuckDB "Keywords and Identifiers" |
 * | clickhouse | `"x"` | backslash: `\"`, `\\` | ClickHouse "Syntax" (identifiers: escapes as in string literals; checked on 18.16) |
 * | spark | `` `x` `` | doubled ``` `` ``` | Spark SQL "Identifiers" (backticks; double quotes are string literals) |
 * | bigquery | `` `x` `` | backslash: `` \` ``, `\\`, control characters as `\uXXXX` | GoogleSQL "Lexical structure": quoted identifiers "have the same escape sequences as string literals" |
 *
 * Throws INVALID_OPTION for an empty name or one containing a NUL character (no engine stores those).
 *
 * @example
 * quoteIdentifier('q1"; DROP TABLE t; --', 'duckdb') // '"q1""; DROP TABLE t; --"'
 * quoteIdentifier('a`b', 'spark')                    // '`a``b`'
 */
export function quoteIdentifier(name: string, dialect: SqlDialect): string {
  if (typeof name !== 'string' || name.length === 0) throw new CsiError('INVALID_OPTION', 'A column or table name is empty.');
  if (name.includes('\u0000')) throw new CsiError('INVALID_OPTION', 'A column or table name contains a NUL character.', { column: name.replace(/\u0000/g, '\\0') });
  switch (dialect) {
    case 'duckdb':
    case 'postgres':
      return `"${name.replace(/"/g, '""')}"`;
    case 'clickhouse':
      return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    case 'spark':
      return `\`${name.replace(/`/g, '``')}\``;
    case 'bigquery':
      return `\`${name
        .replace(/\\/g, '\\\\')
        .replace(/`/g, '\\`')
        .replace(/[\u0001-\u001f\u007f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\``;
    default:
      return unknownDialect(dialect);
  }
}

/**
 * A string literal for a dialect (file paths in DuckDB's `read_csv('…')`). DuckDB, PostgreSQL (standard conforming
 * strings) and Spark-with-ANSI read `'` doubled; ClickHouse and BigQuery read backslash escapes, so both `\` and `'`
 * are escaped there. Throws INVALID_OPTION on a NUL character.
 *
 * @example
 * sqlStringLiteral("it's.csv", 'duckdb') // "'it''s.csv'"
 */
export function sqlStringLiteral(text: string, dialect: SqlDialect): string {
  if (text.includes('\u0000')) throw new CsiError('INVALID_OPTION', 'A string contains a NUL character.');
  switch (dialect) {
    case 'duckdb':
    case 'postgres':
      return `'${text.replace(/'/g, "''")}'`;
    case 'spark':
      // Spark reads backslash escapes in string literals by default (spark.sql.parser.escapedStringLiterals=false).
      return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'clickhouse':
    case 'bigquery':
      return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    default:
      return unknownDialect(dialect);
  }
}

/**
 * Casts an expression to a 64-bit float before any arithmetic (integer products and sums overflow, silently on some
 * engines — engines.md §2): `CAST(x AS DOUBLE)` (DuckDB, Spark), `CAST(x AS DOUBLE PRECISION)` (PostgreSQL),
 * `CAST(x AS FLOAT64)` (BigQuery), and `toFloat64(x)` on ClickHouse, where `CAST(x AS DOUBLE)` throws on a NULL in
 * a Nullable column (18.16 and 26.7) while `toFloat64` keeps the NULL.
 *
 * @example
 * floatCast('"q1"', 'clickhouse') // 'toFloat64("q1")'
 */
export function floatCast(expr: string, dialect: SqlDialect): string {
  switch (dialect) {
    case 'duckdb':
    case 'spark':
      return `CAST(${expr} AS DOUBLE)`;
    case 'postgres':
      return `CAST(${expr} AS DOUBLE PRECISION)`;
    case 'bigquery':
      return `CAST(${expr} AS FLOAT64)`;
    case 'clickhouse':
      return `toFloat64(${expr})`;
    default:
      return unknownDialect(dialect);
  }
}

/**
 * A numeric literal from a JS number (codebook scale bounds, missing codes): only finite numbers are accepted, so
 * no text from a user ever reaches the SQL this way; negative values are parenthesized. Throws INVALID_OPTION on
 * NaN or ±Infinity.
 *
 * @example
 * sqlNumber(10)   // '10'
 * sqlNumber(-1.5) // '(-1.5)'
 */
export function sqlNumber(x: number): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new CsiError('INVALID_OPTION', `Not a finite number: ${String(x)}.`);
  const text = Object.is(x, -0) ? '0' : String(x);
  return x < 0 ? `(${text})` : text;
}

/**
 * Throws INVALID_OPTION for a dialect name outside {@link SqlDialect} (from untyped callers).
 *
 * @example
 * unknownDialect('mysql') // throws CsiError INVALID_OPTION
 */
export function unknownDialect(dialect: never | string): never {
  throw new CsiError('INVALID_OPTION', `Unknown SQL dialect "${String(dialect)}" (expected one of ${SQL_DIALECTS.join(', ')}).`);
}
