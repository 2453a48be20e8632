/**
 * csikit/clickhouse (Node only): moments of a ClickHouse table (MergeTree or Distributed) over HTTP with
 * `@clickhouse/client` as an optional peer dependency. The core never imports this file.
 */
export {
  clickhouseMoments,
  clickhousePoissonBootstrap,
  openClickHouse,
  clickhouseRunner,
  clickhouseError,
  CLICKHOUSE_USER_ENV,
  CLICKHOUSE_PASSWORD_ENV,
  type ClickHouseMomentsOptions,
  type ClickHouseBootstrapOptions,
  type ClickHouseConnectionOptions,
} from './clickhouseMoments.js';

// The browser-safe engine API (SQL per dialect, row parsing, grouped moments, margins), so this entry stands alone.
export * from '../index.js';
