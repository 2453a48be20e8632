/**
 * csikit/duckdb (Node only): moments of CSV/Parquet files and DuckDB tables computed by DuckDB in process, with
 * `@duckdb/node-api` as an optional peer dependency. The core never imports this file.
 */
export { duckdbMoments, duckdbPoissonBootstrap, duckdbFileColumns, openDuckDB, duckdbRunner, duckdbError, type DuckDBMomentsOptions, type DuckDBBootstrapOptions } from './duckdbMoments.js';
export { loadDuckDB, type DuckDBModule } from './loadDuckDB.js';
export { duckdbFileSource, duckdbFileFormat, type DuckDBFileFormat, type DuckDBFileSourceOptions, type DuckDBCsvDialect } from './duckdbSource.js';

// The browser-safe engine API (SQL per dialect, row parsing, grouped moments, margins), so this entry stands alone.
export * from '../index.js';
