/**
 * csikit: customer-satisfaction-index survey analysis. The browser-safe core: no Node built-ins are imported from
 * here (file-path loaders live in `csikit/node`, the CLI in `csi`).
 *
 * The public surface is what an analysis needs: reading surveys and codebooks, models and presets, estimation,
 * quality, bootstrap, moments (for data kept elsewhere). The numerical kernels behind them (linear algebra, random
 * number generators, quantiles, SQL builders, PLS stages) are exported from `csikit/internals` for engines and tests.
 */
export * from './errors.js';
export * from './data/index.js';
export * from './model/index.js';
// stats: moments (one pass over the rows, merged across chunks, per segment), their correlations, the missing rule
export type * from './stats/moments-types.js';
export { accumulateMoments, momentsFromSurvey, mergeMoments, subtractMoments, selectMoments, correlationFromMoments, groupedMoments, momentsBySegment, marginOf, totalOf } from './stats/index.js';
export { DEFAULT_MISSING, MISSING_RULES, SEED_MAX } from './stats/index.js';
export type { AccumulateMomentsOptions, MomentsFromSurveyOptions, MomentCorrelation, MissingRule, Seed, GroupedMoments, GroupKey } from './stats/index.js';
// pls: estimation from moments, its JSON document and text summary
export type * from './pls/types.js';
export { estimateFromMoments, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, plsResultJsonSchema, resultToJson, allWarnings } from './pls/index.js';
export type { PlsResultJson } from './pls/index.js';
// quality: the measurement-quality report (estimate includes it) and its thresholds
export type * from './quality/types.js';
export { assessQuality, DEFAULT_QUALITY_THRESHOLDS, consistentPls } from './quality/index.js';
export type { QualityOptions, ConsistentOptions, ConsistentResult } from './quality/index.js';
// inference: estimate on a survey, bootstrap
export type * from './inference/types.js';
export { estimate, bootstrap, bootstrapStatistic, parseResamples } from './inference/index.js';
export type { BootstrapStatisticOptions, ResampleIndices } from './inference/index.js';
// engines: moments computed by a database (DuckDB and ClickHouse adapters are csikit/duckdb and csikit/clickhouse)
export { computeMoments, momentsSql, groupedMomentsFromRows } from './engines/index.js';
export type { EngineMomentsOptions, EngineMomentsResult, EngineMissing, RunSql, MomentsSqlOptions } from './engines/index.js';
// the CSI layer: segments and waves, indices, IPMA, hierarchy, and the one Study result
export * from './tracking/index.js';
export * from './segments/index.js';
export * from './kpi/index.js';
export * from './gaps/index.js';
export * from './indices/index.js';
export * from './study/index.js';
// model's HierarchyNode (the plain tree) keeps its name; the Study's rolled-up node is StudyHierarchyNode.
export type { HierarchyNode } from './model/index.js';
export type { HierarchyNode as StudyHierarchyNode } from './study/index.js';
// segments/ and tracking/ declare these shapes without the level's KPIs and gaps; the public names are the Study's.
export type { SegmentBreakdown, SegmentLevel, WaveResult } from './study/index.js';
// Student's t quantile (stats/), used across the CSI layer's intervals.
export { studentTQuantile } from './stats/index.js';
export * from './report/index.js';
