import type { Survey } from '../data/index.js';
import { levelRows, orderLevels, segmentColumn } from '../segments/index.js';
import type { KpiResult } from './types.js';
import type { KpiSpec } from './kpiSpec.js';
import { kpisFromSurvey, type KpisFromSurveyOptions } from './kpisFromSurvey.js';

/** The rows of each level of a categorical column, in order. */
export interface LevelRows {
  column: string;
  /** Level order: the codebook's when it lists levels, else natural sort. */
  order: string[];
  orderSource: 'codebook' | 'natural';
  rows: Record<string, Int32Array>;
}

/**
 * The 0-based rows of each level of a segment (or wave) column, in the one level order of `segments/`
 * ({@link orderLevels}: the codebook's, else natural sort). Built on {@link segmentColumn} and the segments'
 * `levelRows`, so KPIs, indices and waves break down by exactly the same levels. Errors: MISSING_COLUMN when the
 * column is not in the survey.
 *
 * @example
 * surveyLevelRows(survey, 'wave').order // ['2026Q1', '2026Q2']
 */
export function surveyLevelRows(survey: Survey, column: string): LevelRows {
  const seg = segmentColumn(survey, column);
  const declared = survey.codebook.segments?.find((s) => s.id === column)?.levels?.map((l) => l.value);
  const byLevel = levelRows(seg);
  const { order, source } = orderLevels(seg.levels, declared);
  const rows: Record<string, Int32Array> = {};
  for (const l of order) rows[l] = byLevel.get(l) ?? new Int32Array(0);
  return { column, order, orderSource: source, rows };
}

/** Σ of the survey's sampling weights over `rows` (their count without weights): a level's `sumWeights`. */
export function levelSumWeights(survey: Survey, rows: Int32Array): number {
  if (!survey.weights) return rows.length;
  let sw = 0;
  for (const r of rows) sw += survey.weights[r];
  return sw;
}

/**
 * Every KPI per level of a segment or wave column ({@link kpisFromSurvey} on each level's rows).
 *
 * @example
 * kpisByLevel(survey, [{ kind: 'nps', column: 'NPS' }], 'line').levels['4G'].kpis.nps.estimate
 */
export function kpisByLevel(
  survey: Survey,
  specs: readonly KpiSpec[],
  column: string,
  options: Omit<KpisFromSurveyOptions, 'rows'> = {},
): { order: string[]; orderSource: 'codebook' | 'natural'; levels: Record<string, { n: number; sumWeights: number; kpis: Record<string, KpiResult> }> } {
  const lr = surveyLevelRows(survey, column);
  const levels: Record<string, { n: number; sumWeights: number; kpis: Record<string, KpiResult> }> = {};
  for (const l of lr.order) {
    const rows = lr.rows[l];
    levels[l] = { n: rows.length, sumWeights: levelSumWeights(survey, rows), kpis: kpisFromSurvey(survey, specs, { ...options, rows }) };
  }
  return { order: lr.order, orderSource: lr.orderSource, levels };
}
