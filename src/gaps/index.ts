/** Expectation-vs-perception gaps (construct and item), SERVQUAL, zone of tolerance (issue 15). */
export type { GapResult } from './types.js';
export { pairedGap, GAP_TIE, type PairedGapOptions } from './pairedGap.js';
export { linearIndexScore, scoreColumn, type LinearScore } from './linearIndexScore.js';
export { gapFromMoments } from './gapFromMoments.js';
export { constructGapsFromSurvey, surveyScoreGap, codebookScales, type GapPair, type SurveyGapOptions, type ConstructGapOptions } from './constructGaps.js';
export { itemGapsFromSurvey, expectationPairs, importanceWeightedGap } from './itemGaps.js';
export { servqualGaps, SERVQUAL_DIMENSIONS } from './servqual.js';
export { zoneOfTolerance, zoneOfToleranceFromSurvey, type ZoneOfToleranceResult } from './zoneOfTolerance.js';
export { studyIndexScores } from './studyIndexScores.js';
