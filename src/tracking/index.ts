/**
 * tracking: wave comparisons, trends, the target scorecard and sample-size planning (issue 14; docs/tracking.md).
 * Pure functions over summary figures (`Estimate`s, p-values, planning values); KPI-specific difference functions
 * plug into {@link waveChanges}.
 */
export { welchTest, holmAdjust, benjaminiHochberg, adjustPValues, naturalCompare, orderLevels, type SampleSummary, type WelchResult, type AdjustMethod } from '../segments/index.js';
export { waveChanges, welchChange, type WaveEstimates, type ChangeFunction } from './waveChanges.js';
export { wlsTrend, propTrendTest, chiSquareUpperTail, type WlsTrend } from './wlsTrend.js';
export { targetSchema, targetsSchema, parseTargets, type Target } from './targets.js';
export { pMetNormal, pMetMeanT, pMetProportionJeffreys } from './pMet.js';
export { scorecard, targetStatus, type ScorecardOptions } from './scorecard.js';
export { powerTTestPower, powerTTestN, powerTTestDelta, type PowerTTestDesign } from './powerTTest.js';
export { powerPropTestPower, powerPropTestN, powerPropTestDelta } from './powerPropTest.js';
export { meanMarginN, proportionMarginN, npsMarginN, npsChangeN, npsChangeDelta, targetProportionN, finitePopulationN } from './planFormulas.js';
export { allocateSample, type SegmentPlan, type AllocationRule, type Allocation } from './allocate.js';
export { planSample, type PlanInput, type PlanResult } from './plan.js';
export { weightChangeDecomposition } from './decomposition.js';
export { waveResult, type WaveResultInput } from './waveResult.js';
export { formatWaves, formatScorecard } from './formatTracking.js';
export type { WaveChange, WaveLevel, WaveResult, ScorecardRow } from './types.js';
/** Earlier names of the same shapes, kept for importers. */
export type { WaveChange as WaveChangeShape, WaveResult as WaveResultShape, ScorecardRow as ScorecardRowShape } from './types.js';
