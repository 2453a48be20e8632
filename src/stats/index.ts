export type * from './moments-types.js';
export { DEFAULT_MISSING, MISSING_RULES, missingRule, type MissingRule } from './missing.js';
export { resolveSeed, SEED_MAX, type Seed } from './seed.js';
export { accumulateMoments, type AccumulateMomentsOptions } from './accumulateMoments.js';
export { momentsFromSurvey, rescaledWeights, type MomentsFromSurveyOptions } from './momentsFromSurvey.js';
export { surveyColumns } from './surveyColumns.js';
export { mergeMoments, subtractMoments, fillCompleteForm, checkMoments } from './mergeMoments.js';
export { selectMoments } from './selectMoments.js';
export { correlationFromMoments, correlationInto, type MomentCorrelation } from './correlationFromMoments.js';
export { choleskyDecompose, choleskySolve, solveSpd, solveSubSpdInto, solveLinear, invert, subMatrix, SINGULAR_EPS } from './linalg.js';
export {
  groupedMoments,
  momentsBySegment,
  marginOf,
  totalOf,
  emptyMoments,
  type GroupedMoments,
  type GroupedMomentsOptions,
  type GroupKey,
} from './groupedMoments.js';
export { normalCdf, normalQuantile, studentTTwoSided, regularizedBeta, logGamma } from './distributions.js';
export { studentTCdf, studentTQuantile, noncentralTCdf } from './studentT.js';
export { brentRoot } from './brentRoot.js';
export { adjustedRSquared } from './adjustedRSquared.js';
export { int16Table, int16TablePass, type Int16Table } from './int16Table.js';
