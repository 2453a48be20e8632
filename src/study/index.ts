export type * from './types.js';
export { kpiSection, kpiSectionBySegment, kpiSectionByWave, type KpiSectionSpec, type KpiSectionIndex, type KpiSection } from './kpiSection.js';
