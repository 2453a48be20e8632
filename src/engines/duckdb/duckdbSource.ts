import { CsiError } from '../../errors.js';
import { sqlStringLiteral } from '../sql/dialect.js';
import type { SqlSource } from '../sql/momentsSql.js';

/** File formats the DuckDB adapter reads. */
export type DuckDBFileFormat = 'csv' | 'parquet';

/**
 * A CSV dialect as DuckDB's sniffer reports it (`sniff_csv`): delimiter, quote, escape, line break, comment
 * (`''` = none) and the number of lines skipped before the header.
 */
export interface DuckDBCsvDialect {
  delim: string;
  quote: string;
  escape: string;
  /** As sniff_csv writes it, e.g. `\n` (backslash, n) or `\r\n`. */
  newLine: string;
  comment: string;
  skip: number;
}

/** Options of {@link duckdbFileSource}. */
export interface DuckDBFileSourceOptions {
  /** Default: from the extension (`.parquet`/`.parq` → parquet, anything else → csv). */
  format?: DuckDBFileFormat;
  /** CSV: columns read as DOUBLE (items, weight). Default none (DuckDB sniffs). */
  numericColumns?: readonly string[];
  /** CSV: columns read as text (segments), so `01` stays `01` as in the JS loader. Default none. */
  textColumns?: readonly string[];
  /** CSV: cell texts read as missing besides the empty cell. Default `['NA']` (the JS loader's default). */
  naStrings?: readonly string[];
  /** CSV: the dialect, when already sniffed (then `read_csv` does not detect it again). Default: DuckDB detects it. */
  dialect?: DuckDBCsvDialect;
}

/**
 * The format of a file path by its extension.
 *
 * @example
 * duckdbFileFormat('big.parquet') // 'parquet'
 */
export function duckdbFileFormat(path: string): DuckDBFileFormat {
  return /\.(parquet|parq)$/i.test(path) ? 'parquet' : 'csv';
}

/**
 * A DuckDB FROM expression reading a file: `read_parquet('…')` or `read_csv('…', header = true, nullstr = [...],
 * types = {...})`, with the path and the column names as escaped string literals (never spliced raw). CSV cells
 * that are empty or in `naStrings` are NULL, as the JS loader reads them as missing; CSV must be UTF-8.
 *
 * @example
 * duckdbFileSource("it's.csv", { numericColumns: ['q1'] }).raw
 * // "read_csv('it''s.csv', header = true, nullstr = ['NA', ''], types = {'q1': 'DOUBLE'})"
 */
export function duckdbFileSource(path: string, options: DuckDBFileSourceOptions = {}): { raw: string } & SqlSource {
  if (typeof path !== 'string' || path === '') throw new CsiError('INVALID_OPTION', 'A file path is needed.');
  const format = options.format ?? duckdbFileFormat(path);
  const lit = (s: string): string => sqlStringLiteral(s, 'duckdb');
  if (format === 'parquet') return { raw: `read_parquet(${lit(path)})` };
  const na = [...(options.naStrings ?? ['NA']), ''];
  const types = [
    ...(options.numericColumns ?? []).map((c) => `${lit(c)}: 'DOUBLE'`),
    ...(options.textColumns ?? []).map((c) => `${lit(c)}: 'VARCHAR'`),
  ];
  const parts = [lit(path), 'header = true'];
  const d = options.dialect;
  if (d) {
    if (!Number.isInteger(d.skip) || d.skip < 0) throw new CsiError('INVALID_OPTION', 'dialect.skip must be a whole number ≥ 0.');
    parts.push(`delim = ${lit(d.delim)}`, `quote = ${lit(d.quote)}`, `escape = ${lit(d.escape)}`, `new_line = ${lit(d.newLine)}`, `comment = ${lit(d.comment)}`, `skip = ${d.skip}`);
  }
  parts.push(`nullstr = [${[...new Set(na)].map(lit).join(', ')}]`);
  if (types.length > 0) parts.push(`types = {${types.join(', ')}}`);
  return { raw: `read_csv(${parts.join(', ')})` };
}
