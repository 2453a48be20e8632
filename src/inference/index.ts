/** Inference: the bootstrap (reproducible, on moments), its intervals and the distributions they need. */
export type * from './types.js';
export { bootstrap } from './bootstrap.js';
export { estimate, estimateSurvey, type SurveyEstimate } from './estimate.js';
export { bootstrapFromReplicates, type ReplicateBootstrapOptions } from './replicate-bootstrap.js';
export { bootstrapStatistic, type BootstrapStatisticOptions } from './bootstrap-statistic.js';
export { createResampleRng, resampleCounts, resampleKey, mix32, xoshiro128ss, uniformInt, type Uint32Source } from './rng.js';
export { parseResamples, countsFromIndices, type ResampleIndices } from './resamples.js';
export { quantileType7, quantileType7Sorted } from './quantile.js';
// distributions live in stats/ (the numeric kernels); re-exported here for the code that found them here first
export { normalCdf, normalQuantile, studentTTwoSided, regularizedBeta, logGamma, studentTCdf, studentTQuantile, noncentralTCdf, brentRoot } from '../stats/index.js';
export { percentileInterval, bcaInterval, bcaLevel, biasCorrection, jackknifeAcceleration, type Interval } from './intervals.js';
export { summarizeDraws, type DrawSummary, type SummarizeDrawsOptions, type NullValue } from './summarize.js';
export { statisticLayout, readStatistics, readNamedStatistics, type StatisticSpec, type StatisticLayout } from './statistics.js';
export { permutationTest, permuteLabels, type PermutationTestOptions, type PermutationTestResult } from './permutation.js';
