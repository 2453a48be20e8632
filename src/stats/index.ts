export type * from './moments-types.js';
export { accumulateMoments, type AccumulateMomentsOptions } from './accumulateMoments.js';
export { momentsFromSurvey, rescaledWeights, type MomentsFromSurveyOptions } from './momentsFromSurvey.js';
export { surveyColumns } from './surveyColumns.js';
export { mergeMoments, fillCompleteForm, checkMoments } from './mergeMoments.js';
export { selectMoments } from './selectMoments.js';
export { correlationFromMoments, type MomentCorrelation } from './correlationFromMoments.js';
export { choleskyDecompose, choleskySolve, solveSpd, solveSubSpdInto, solveLinear, invert, subMatrix, SINGULAR_EPS } from './linalg.js';
export { groupedMoments, momentsBySegment } from './groupedMoments.js';
