export type * from './types.js';
export { studySpecSchema, estimationSpecSchema, parseStudySpec, type StudySpec, type StudySpecInput } from './spec.js';
export { analyze, analyzeDetailed, studyFromResult, studyModel, studyEstimateOptions, type AnalyzeDetail } from './analyze.js';
export { studyJsonSchema, indexEstimateJsonSchema, ipmaJsonSchema, hierarchyNodeJsonSchema } from './json-schema.js';
export { formatStudy } from './formatStudy.js';
