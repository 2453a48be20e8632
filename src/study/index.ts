export type * from './types.js';
export { kpiSection, kpiSectionBySegment, kpiSectionByWave, type KpiSectionSpec, type KpiSectionIndex, type KpiSection } from './kpiSection.js';
export { studySpecSchema, estimationSpecSchema, parseStudySpec, type StudySpec, type StudySpecInput } from './spec.js';
export { analyze, analyzeDetailed, studyFromResult, studyModel, studyEstimateOptions, type AnalyzeDetail } from './analyze.js';
export { studyJsonSchema, gapJsonSchema, kpiJsonSchema, distributionJsonSchema, indexEstimateJsonSchema, ipmaJsonSchema, hierarchyNodeJsonSchema, segmentBreakdownJsonSchema, wavesJsonSchema, scorecardJsonSchema } from './json-schema.js';
export { addTracking, pooledIndexEstimator, type TrackingContext } from './addTracking.js';
export { formatStudy } from './formatStudy.js';
export { formatPlsResult } from './formatPlsResult.js';
// the thresholds the quality report warns at, for renderers that mark them (report/ reads them here, not its own copy)
export { DEFAULT_QUALITY_THRESHOLDS } from '../quality/index.js';
// the significance decision (level and rule) every renderer marks with: report/ and cli/ read it, never compare p themselves
export { SIGNIFICANCE_LEVEL, isSignificant, significanceStars } from './significance.js';
