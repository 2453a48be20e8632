/**
 * engines: moments computed where the data live. This face is browser-safe (SQL text and row parsing only); the
 * adapters that talk to an engine are Node-only subpath exports: `csikit/duckdb` (src/engines/duckdb) and
 * `csikit/clickhouse` (src/engines/clickhouse).
 */
export { quoteIdentifier, sqlStringLiteral, floatCast, sqlNumber, SQL_DIALECTS, type SqlDialect } from './sql/dialect.js';
export { itemRules, type ItemRule } from './sql/itemRules.js';
export {
  momentsSql,
  renderSource,
  type MomentsSqlOptions,
  type MomentsQuery,
  type MomentsQuerySpec,
  type MomentsColumn,
  type MomentsForm,
  type SqlSource,
} from './sql/momentsSql.js';
export { parseMomentsRow, checkMomentsRow, exactNumber, type EngineRow } from './parseMomentsRow.js';
export { groupedMomentsFromRows, keyValue } from './groupedMoments.js';
/** The per-segment moments type and its margins are owned by stats/; re-exported here for engine users. */
export { marginOf, totalOf, emptyMoments, type GroupedMoments, type GroupKey } from '../stats/index.js';
export { computeMoments, type EngineMomentsOptions, type EngineMomentsResult, type EngineMissing, type RunSql } from './computeMoments.js';
export { poissonBootstrapSql, poissonCdf, poissonCountSql, poissonHashThresholds, poissonReplicateSql, type PoissonBootstrapSqlOptions, type PoissonBootstrapQuery, type PoissonReplicateSqlOptions } from './sql/poissonBootstrapSql.js';
export { computeReplicateMoments, replicateChunks, REPLICATE_VALUES_PER_QUERY, type ReplicateMomentsOptions, type ReplicateMomentsResult } from './computeReplicates.js';
export { poissonHash, poissonCount, poissonCounts } from './sql/poissonCounts.js';
