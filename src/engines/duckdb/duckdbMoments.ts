import { existsSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CsiError, isCsiError } from '../../errors.js';
import { computeMoments, type EngineMomentsOptions, type EngineMomentsResult, type ExactIntegerAttempt } from '../computeMoments.js';
import { computeReplicateMoments, type ReplicateMomentsResult } from '../computeReplicates.js';
import type { EngineRow } from '../parseMomentsRow.js';
import { quoteIdentifier, sqlStringLiteral } from '../sql/dialect.js';
import type { SqlSource } from '../sql/momentsSql.js';
import { checkRowsRead, countCsvDataRecords, diagnoseCsvFile, precheckCsvFile } from './csvFileCheck.js';
import { duckdbFileFormat, duckdbFileSource, type DuckDBCsvDialect, type DuckDBFileFormat } from './duckdbSource.js';
import { loadDuckDB } from './loadDuckDB.js';

/** Options of {@link duckdbMoments}: a `file` or a `table`, plus the moments options. */
export interface DuckDBMomentsOptions extends EngineMomentsOptions {
  /** A CSV or Parquet file to read with DuckDB (never loaded into JS). */
  file?: string;
  /** File format. Default: by extension (`.parquet`/`.parq` → parquet, else csv). */
  format?: DuckDBFileFormat;
  /** A table (in `database`, or on `connection`) instead of a file. */
  table?: string;
  /** A DuckDB database file to open read-only for `table`. Default: in-memory. */
  database?: string;
  /** An open connection to use (not closed afterwards). Default: a new in-memory instance, closed afterwards. */
  connection?: DuckDBConnection;
  /** DuckDB threads for a new instance. Default: DuckDB's default (all cores). */
  threads?: number;
  /** CSV cell texts meaning missing besides the empty cell. Default ['NA'] (as the JS loader). */
  naStrings?: readonly string[];
  /**
   * CSV: count the file's records as the in-memory reader splits them (on the JS thread, while DuckDB runs the query)
   * and throw ENGINE when DuckDB read another number of rows. Default true. It reads the file a second time (30–210 ms
   * of CPU for a 65 MB, 1M-row file in the page cache, mostly hidden behind the query); set false only for a file much
   * larger than memory, where that second read comes from disk.
   */
  checkRows?: boolean;
}

/**
 * Runs SQL on a DuckDB connection and returns plain row objects (BIGINT/HUGEINT as BigInt, DOUBLE as number).
 * `stream: true` streams the result and reads it to the end (`streamAndReadAll`) instead of materializing it: a
 * materialized result's native buffers are released only when V8 collects its JS wrapper, so the 1,000 statements of
 * a per-replicate bootstrap (a tiny JS heap, hence no collections) grew the process by ~1.2 MB each (60 statements:
 * +84 MB; streamed: flat). A single statement is read materialized (5–10 % less CPU on the 1M-row CSV, noisy).
 *
 * @example
 * const rows = await duckdbRunner(conn)('SELECT 1 AS x'); // [{ x: 1 }]
 */
export function duckdbRunner(conn: DuckDBConnection, options: { stream?: boolean } = {}): (sql: string) => Promise<EngineRow[]> {
  if (options.stream) return async (sql) => (await conn.streamAndReadAll(sql)).getRowObjectsJS() as EngineRow[];
  return async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as EngineRow[];
}

/**
 * Opens what {@link duckdbMoments} needs: the given connection, or a new in-memory (or read-only file) instance.
 * Returns the connection and a `close` that releases only what was opened here.
 *
 * @example
 * const { conn, close } = await openDuckDB({ threads: 2 });
 * try { await conn.run('SELECT 1'); } finally { close(); }
 */
export async function openDuckDB(options: { connection?: DuckDBConnection; database?: string; threads?: number } = {}): Promise<{ conn: DuckDBConnection; close: () => void }> {
  if (options.connection) return { conn: options.connection, close: () => {} };
  const config: Record<string, string> = {};
  if (options.threads !== undefined) {
    if (!Number.isInteger(options.threads) || options.threads < 1) throw new CsiError('INVALID_OPTION', 'threads must be a positive integer.');
    config.threads = String(options.threads);
  }
  if (options.database) config.access_mode = 'READ_ONLY';
  const { DuckDBInstance } = await loadDuckDB();
  const instance = await DuckDBInstance.create(options.database ?? ':memory:', config);
  const conn = await instance.connect();
  return {
    conn,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Computes the {@link Moments} of a CSV/Parquet file or a table with DuckDB in process (Node only): one SQL
 * statement (see `momentsSql`), the codebook applied inside it, the rows never pulled into JS. Item and weight
 * columns of a CSV are read as DOUBLE and segment columns as text; empty cells and `NA` are missing, as in the JS
 * loader. Missing columns throw MISSING_COLUMN; non-numeric item cells NON_NUMERIC; values outside the codebook
 * scale OUT_OF_SCALE; other engine failures ENGINE. The same Moments as `momentsFromSurvey(readSurvey(...))`
 * within rounding (exactly for integer data).
 *
 * @example
 * const { moments } = await duckdbMoments({ file: 'big.parquet', items: ['CUSA1', 'CUSA2', 'CUSA3'], weights: 'w' });
 * const fit = estimateFromMoments(moments, model);
 */
export async function duckdbMoments(options: DuckDBMomentsOptions): Promise<EngineMomentsResult> {
  return withDuckDBSource(options, [], async (run, source, weights, checkRows, exact) => {
    const res = await computeMoments(run, source, 'duckdb', { ...options, weights }, exact);
    await checkRows(res.rowsRead);
    return res;
  });
}

/** Options of {@link duckdbPoissonBootstrap}. */
export interface DuckDBBootstrapOptions extends DuckDBMomentsOptions {
  /** Number of replicates. */
  replicates: number;
  /** Seed (the one seed contract, `Seed`: an integer 0 … 2^31 − 1). Default: random, reported as the result's `seed`. */
  seed?: number;
  /** Row key column (hashed for the Poisson counts). Default: the codebook's `id`. */
  rowKey?: string;
  /** Cap on one statement's result (replicates × aggregates); beyond it, chunks of statements. Default `REPLICATE_VALUES_PER_QUERY`. */
  maxValuesPerQuery?: number;
  /** One ungrouped statement per replicate (default true on DuckDB; false: GROUP BY replicate statements, chunked). */
  perReplicate?: boolean;
}

/**
 * Poisson bootstrap inside DuckDB (Node only): the full-sample moments and R replicate moments from one GROUP BY
 * replicate statement (see `poissonBootstrapSql` for the method and its sources). Rows never enter JS.
 *
 * @example
 * const { full, replicates } = await duckdbPoissonBootstrap({ file: 'big.parquet', items, rowKey: 'id', replicates: 500, seed: 1 });
 * const paths = replicates.map((m) => estimateFromMoments(m, model).paths);
 */
export async function duckdbPoissonBootstrap(options: DuckDBBootstrapOptions): Promise<ReplicateMomentsResult> {
  const rowKey = options.rowKey ?? options.codebook?.id;
  return withDuckDBSource({ ...options, stream: true }, rowKey ? [rowKey] : [], (run, source, weights, checkRows, exact) =>
    // The row count is checked on the full-sample moments, before the replicate statements.
    computeReplicateMoments(run, source, 'duckdb', { ...options, weights, ...(rowKey ? { rowKey } : {}), afterFull: (full) => checkRows(full.rowsRead) }, exact),
  );
}

/**
 * Opens DuckDB, builds the FROM source (checking the columns), runs `job`, closes what it opened. `job` gets
 * `checkRows(rowsRead)` to call with the rows DuckDB read: for a CSV file it compares them with the file's data
 * records as the in-memory reader counts them ({@link checkRowsRead}), so any row DuckDB's reader skips or adds is
 * an ENGINE error, not a silently different estimate; for Parquet files and tables (no second reader to compare
 * with) and with `checkRows: false` it does nothing.
 */
async function withDuckDBSource<T>(
  options: DuckDBMomentsOptions & { stream?: boolean },
  extraColumns: readonly string[],
  job: (
    run: (sql: string) => Promise<EngineRow[]>,
    source: SqlSource,
    weights: string | null,
    checkRows: (rowsRead: number) => Promise<void>,
    exact: ExactIntegerAttempt | undefined,
  ) => Promise<T>,
): Promise<T> {
  const { file, table } = options;
  if ((file === undefined) === (table === undefined)) throw new CsiError('INVALID_OPTION', 'DuckDB needs exactly one of file and table.');
  if (file !== undefined && !existsSync(file)) throw new CsiError('INVALID_OPTION', `File not found: ${file}`);
  const weights = options.weights === undefined ? (options.codebook?.weight ?? null) : options.weights;
  const groupBy = [...(options.groupBy ?? [])];
  const needed = [...new Set([...options.items, ...(weights ? [weights] : []), ...groupBy, ...extraColumns])];
  const { conn, close } = await openDuckDB(options);
  try {
    let source: SqlSource;
    // The value columns (items, weight) whose type does not make them whole numbers: checked by the exact SMALLINT
    // statement (computeMoments). A Parquet file's or table's non-integer columns.
    const valueColumns = [...new Set([...options.items, ...(weights ? [weights] : [])])];
    let check: string[] = valueColumns;
    let csvDelimiter: string | null = null;
    let records: Promise<number> | null = null;
    if (file !== undefined) {
      const format = options.format ?? duckdbFileFormat(file);
      const numeric = [...new Set([...options.items, ...(weights ? [weights] : [])])].filter((c) => !groupBy.includes(c) && !extraColumns.includes(c));
      if (format === 'csv') {
        // Check the columns first (types = {...} would fail with a less helpful binder error), from ONE sniff of the
        // file whose dialect the moments statement then reuses instead of sniffing the file a second time.
        // The dialect is pinned to the in-memory reader's (its delimiter, '"' quotes and escapes, no comment
        // character, no skipped lines): DuckDB's sniffer would otherwise take '#' as a comment and drop those rows.
        const { delimiter } = await precheckCsvFile(file);
        csvDelimiter = delimiter;
        // The file's records are counted on the JS thread WHILE DuckDB's threads sniff it and run the moments
        // statement (the JS thread only awaits them), not after: ~0.2 s of a 65 MB file leave the critical path.
        if (options.checkRows !== false) {
          records = countCsvDataRecords(file, delimiter);
          records.catch(() => {}); // awaited (and thrown) in checkRows; a failure before that must not go unhandled
        }
        let sniffed: Awaited<ReturnType<typeof sniffCsv>>;
        try {
          sniffed = await sniffCsv(conn, file, delimiter);
        } catch (e) {
          throw (await diagnoseCsvFile(file, delimiter)) ?? e;
        }
        requireNames(sniffed.columns, needed);
        source = duckdbFileSource(file, { format, numericColumns: numeric, textColumns: groupBy, naStrings: options.naStrings ?? ['NA'], dialect: sniffed.dialect });
      } else {
        const parquet = duckdbFileSource(file, { format });
        const types = await requireColumns(conn, `SELECT * FROM ${parquet.raw}`, needed);
        check = valueColumns.filter((c) => !INTEGER_TYPES.test(types.get(c) ?? ''));
        source = parquet;
      }
    } else {
      source = { table: table! };
      const types = await requireColumns(conn, `SELECT * FROM ${quoteIdentifier(table!, 'duckdb')}`, needed);
      check = valueColumns.filter((c) => !INTEGER_TYPES.test(types.get(c) ?? ''));
    }
    const run = async (sql: string): Promise<EngineRow[]> => {
      try {
        return await duckdbRunner(conn, { stream: options.stream === true })(sql);
      } catch (e) {
        // A CSV DuckDB could not read: say what the in-memory reader would (row, column, encoding).
        const why = csvDelimiter !== null && file !== undefined ? await diagnoseCsvFile(file, csvDelimiter) : undefined;
        throw why ?? duckdbError(e);
      }
    };
    const checkRows = async (rowsRead: number): Promise<void> => {
      if (records !== null && file !== undefined) checkRowsRead(file, rowsRead, await records);
    };
    // Not for CSV: DuckDB's CSV reader gives no column statistics, so SMALLINT products keep their overflow checks and
    // cost what DOUBLE ones do (1.5–2.0 vs 1.6 s CPU on 1M × 24), plus the whole-number checks. Parquet files and
    // tables carry min/max statistics: 0.15–0.25 s instead of 1.0–1.1 s CPU there (bench/engines.bench.ts).
    return await job(run, source, weights, checkRows, csvDelimiter === null ? { check } : undefined);
  } finally {
    close();
  }
}

/**
 * The column names of a CSV or Parquet file as DuckDB reads them (header sniffing only; no data scan).
 *
 * @example
 * await duckdbFileColumns('big.parquet') // ['id', 'CUEX1', …]
 */
export async function duckdbFileColumns(file: string, format?: DuckDBFileFormat): Promise<string[]> {
  if (!existsSync(file)) throw new CsiError('INVALID_OPTION', `File not found: ${file}`);
  const fmt = format ?? duckdbFileFormat(file);
  const from = fmt === 'csv' ? `read_csv(${sqlStringLiteral(file, 'duckdb')}, header = true)` : `read_parquet(${sqlStringLiteral(file, 'duckdb')})`;
  const { conn, close } = await openDuckDB({ threads: 1 });
  try {
    const rows = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJS();
    return rows.map((r) => String(r.column_name));
  } catch (e) {
    throw duckdbError(e);
  } finally {
    close();
  }
}

/** DuckDB's integer column types (whole numbers by type: no check that a value is whole). */
const INTEGER_TYPES = /^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/;

/** Throws MISSING_COLUMN for the first needed column the relation lacks; returns every column's DuckDB type. */
async function requireColumns(conn: DuckDBConnection, select: string, needed: readonly string[]): Promise<Map<string, string>> {
  let rows: Record<string, unknown>[];
  try {
    rows = (await conn.runAndReadAll(`DESCRIBE ${select}`)).getRowObjectsJS();
  } catch (e) {
    throw duckdbError(e);
  }
  requireNames(rows.map((r) => String(r.column_name)), needed);
  return new Map(rows.map((r) => [String(r.column_name), String(r.column_type)]));
}

/**
 * DuckDB's sniffer run once on a CSV file with a header row (`sniff_csv(file, header = true)`, the same detection
 * `read_csv(file, header = true)` runs): the column names and the detected dialect. Passing that dialect to the
 * moments statement's `read_csv` gives the same parse without a second dialect detection (which is most of a sniff:
 * `DESCRIBE` of a 1M-row CSV 90–170 ms without the dialect, 25 ms with it; bench/engines.bench.ts).
 */
async function sniffCsv(conn: DuckDBConnection, file: string, delimiter: string): Promise<{ columns: string[]; dialect: DuckDBCsvDialect }> {
  let row: Record<string, unknown> | undefined;
  const lit = (x: string): string => sqlStringLiteral(x, 'duckdb');
  try {
    const sql = `SELECT Delimiter, Quote, Escape, NewLineDelimiter, Comment, SkipRows, Columns FROM sniff_csv(${lit(file)}, header = true, delim = ${lit(delimiter)}, quote = '"', escape = '"', comment = '', skip = 0, sample_size = ${SNIFF_ROWS})`;
    row = (await conn.runAndReadAll(sql)).getRowObjectsJS()[0] as Record<string, unknown> | undefined;
  } catch (e) {
    throw duckdbError(e);
  }
  if (!row) throw new CsiError('ENGINE', `DuckDB could not sniff the CSV file ${file}.`);
  // sniff_csv writes an unset character option as the text "(empty)" (its own read_csv prompt then passes '').
  const opt = (v: unknown): string => (v === null || v === undefined || String(v) === '(empty)' ? '' : String(v));
  const columns = ((row.Columns as { name: unknown }[] | null) ?? []).map((c) => String(c.name));
  const skip = Number(row.SkipRows ?? 0);
  return {
    columns,
    dialect: {
      delim: delimiter,
      quote: '"',
      escape: '"',
      newLine: opt(row.NewLineDelimiter),
      comment: '',
      skip: 0,
    },
  };
}

/**
 * Rows the sniffer samples. Only the header's names and the line break are taken from `sniff_csv` (every other
 * dialect option is pinned, and the statement gives the value columns' types), so the first 2048 rows suffice:
 * 18–50 ms instead of 80–100 ms with the default 20,480 rows on a 1M-row file. Rows the statement's reader then reads
 * differently are caught by the record count ({@link checkRowsRead}) or by the statement's own errors.
 */
const SNIFF_ROWS = 2048;

/** Throws MISSING_COLUMN for the first needed column not among `names` (compared exactly, case included). */
function requireNames(names: readonly string[], needed: readonly string[]): void {
  const have = new Set(names);
  for (const c of needed) {
    if (!have.has(c)) throw new CsiError('MISSING_COLUMN', `Column "${c}" is not in the data (columns: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''}).`, { column: c });
  }
}

/**
 * A DuckDB error as a CsiError: conversion failures → NON_NUMERIC, everything else → ENGINE.
 *
 * @example
 * duckdbError(new Error('Conversion Error: Could not convert string "x" to DOUBLE')).code // 'NON_NUMERIC'
 */
export function duckdbError(e: unknown): CsiError {
  if (isCsiError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  const cell = /CSV Error on Line: (\d+)[\s\S]*?converting column "([^"\n]+)"\. Could not convert string "([^"\n]*)"/.exec(message);
  if (cell) {
    const row = Number(cell[1]);
    return new CsiError('NON_NUMERIC', `Row ${row}, column "${cell[2]}": "${cell[3]}" is not a number.`, { row, column: cell[2] });
  }
  if (/Could not convert|Conversion Error/i.test(message)) {
    const col = /column "?([^"\n]+?)"? /i.exec(message)?.[1];
    return new CsiError('NON_NUMERIC', `DuckDB could not read a value as a number: ${message.split('\n')[0]}`, col ? { column: col } : {});
  }
  return new CsiError('ENGINE', `DuckDB: ${message.split('\n')[0]}`);
}
