/**
 * segments: any index (and KPI) by one or more categorical columns — per-level estimates with pooled weights,
 * pairwise Welch differences with Holm/BH families, minimum-n warnings — and multi-group re-estimation with a seeded
 * permutation test of path differences (issue 14; methodology.md §8.7, §9). Also home of the two-sample statistics
 * tracking/ builds on (Welch t, p-value adjustment, level order).
 */
export { welchTest, type SampleSummary, type WelchResult } from './welch.js';
export { holmAdjust, benjaminiHochberg, adjustPValues, type AdjustMethod } from './adjust.js';
export { naturalCompare, orderLevels } from './levelOrder.js';
export { levelMoments, groupedMomentsOfSurvey, groupedMomentsBySegment, type GroupedMoments, type LevelMoments } from './groupedSource.js';
export { segmentBreakdown, type GroupEstimator, type SegmentBreakdownOptions } from './breakdown.js';
export { segmentColumn, levelRows } from './segmentColumn.js';
export { plsLevelFit, reestimateLevels, permutationPathTest, type LevelFit, type LevelFitResult } from './reestimate.js';
export { formatSegmentBreakdown } from './formatSegments.js';
export { meanReplacedMoments } from './meanReplacedMoments.js';
export type { PairwiseDifference, SegmentLevel, SegmentBreakdown } from './types.js';
/** Earlier names of the same shapes, kept for importers. */
export type { Estimate as EstimateShape, PairwiseDifference as PairwiseDifferenceShape, SegmentLevel as SegmentLevelShape, SegmentBreakdown as SegmentBreakdownShape } from './types.js';
