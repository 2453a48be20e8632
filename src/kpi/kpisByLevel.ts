import type { Survey } from '../data/index.js';
import { CsiError } from '../errors.js';
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
 * The 0-based rows of each level of a segment (or wave) column. Levels with no respondent are kept (empty rows).
 * Errors: MISSING_COLUMN when the column is not a categorical column of the survey.
 *
 * @example
 * levelRows(survey, 'wave').order // ['2026Q1', '2026Q2']
 */
export function levelRows(survey: Survey, column: string): LevelRows {
  const seg = survey.segments.find((s) => s.name === column);
  if (!seg) throw new CsiError('MISSING_COLUMN', `${column} is not a categorical (segment) column of the survey.`, { column });
  const declared = survey.codebook.segments?.find((s) => s.id === column)?.levels;
  const order = declared ? declared.map((l) => l.value) : [...seg.levels].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const buckets = new Map<string, number[]>(order.map((l) => [l, []]));
  for (let i = 0; i < seg.codes.length; i++) {
    const c = seg.codes[i];
    if (c < 0) continue;
    const level = seg.levels[c];
    if (!buckets.has(level)) {
      buckets.set(level, []);
      order.push(level);
    }
    buckets.get(level)!.push(i);
  }
  const rows: Record<string, Int32Array> = {};
  for (const [l, r] of buckets) rows[l] = Int32Array.from(r);
  return { column, order, orderSource: declared ? 'codebook' : 'natural', rows };
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
  const lr = levelRows(survey, column);
  const levels: Record<string, { n: number; sumWeights: number; kpis: Record<string, KpiResult> }> = {};
  for (const l of lr.order) {
    const rows = lr.rows[l];
    let sw = 0;
    for (const r of rows) sw += survey.weights ? survey.weights[r] : 1;
    levels[l] = { n: rows.length, sumWeights: sw, kpis: kpisFromSurvey(survey, specs, { ...options, rows }) };
  }
  return { order: lr.order, orderSource: lr.orderSource, levels };
}
