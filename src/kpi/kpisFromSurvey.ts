import { fileRowOf } from '../data/index.js';
import type { Survey } from '../data/index.js';
import { CsiError } from '../errors.js';
import { cesFromColumn } from './ces.js';
import { csatFromColumn } from './csat.js';
import { fcrFromColumn, yesNoCode } from './fcr.js';
import type { KpiOptions, KpiResult } from './kpiTypes.js';
import { kpiKeys, type KpiSpec } from './kpiSpec.js';
import { npsFromColumn } from './nps.js';
import { responseTimeFromColumn } from './responseTime.js';

/** Options of {@link kpisFromSurvey}. */
export interface KpisFromSurveyOptions {
  /** Only these rows (0-based survey rows): one segment level or wave. Default all. */
  rows?: Int32Array | readonly number[];
  /** Use the survey's sampling weights (default true when it has them). */
  weights?: boolean;
  /** Confidence level (default 0.95). */
  level?: number;
}

/** A column of the survey as numbers: an item, a numeric column, or (for FCR) a yes/no segment column. */
function columnOf(survey: Survey, spec: KpiSpec): { values: Float64Array; scale?: [number, number] } {
  const k = survey.itemNames.indexOf(spec.column);
  if (k >= 0) {
    const item = survey.codebook.items.find((it) => it.id === spec.column);
    return { values: survey.items[k], ...(item ? { scale: [item.scale.min, item.scale.max] as [number, number] } : {}) };
  }
  const numeric = survey.numeric.find((c) => c.name === spec.column);
  if (numeric) return { values: numeric.values };
  const segment = survey.segments.find((s) => s.name === spec.column);
  if (segment && spec.kind === 'fcr') {
    const codes = segment.levels.map((level) => {
      const code = yesNoCode(level);
      if (code === undefined) {
        const i = segment.codes.indexOf(segment.levels.indexOf(level));
        throw new CsiError('INVALID_OPTION', `FCR column ${spec.column}: "${level}" is not yes/no or 1/0.`, { row: i >= 0 ? fileRowOf(survey.log, i) : undefined, column: spec.column });
      }
      return code;
    });
    return { values: Float64Array.from(segment.codes, (c) => (c < 0 ? NaN : codes[c])) };
  }
  const what = segment ? `a categorical column (${spec.kind} needs numbers)` : 'not a column of the survey';
  throw new CsiError('MISSING_COLUMN', `KPI ${spec.kind}: ${spec.column} is ${what}.`, { column: spec.column });
}

/** Observed range of a column, rounded out to whole numbers: the scale of a numeric column without a codebook scale. */
function observedScale(values: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [Math.floor(lo), Math.max(Math.ceil(hi), Math.floor(lo) + 1)] : [0, 1];
}

function subset(a: Float64Array, rows: Int32Array | readonly number[] | undefined): Float64Array {
  return rows ? Float64Array.from(rows, (r) => a[r]) : a;
}

/**
 * One KPI from a survey column: NPS, CSAT, FCR, CES or response time ({@link npsFromColumn} …), with the survey's
 * sampling weights and the rows' file numbers in errors. CSAT uses the item's codebook scale (a numeric column: its
 * observed whole-number range). Errors: MISSING_COLUMN naming the column; the KPI functions' errors.
 *
 * @example
 * kpiFromSurvey(survey, { kind: 'nps', column: 'NPS' }).estimate // points on [−100, 100]
 */
export function kpiFromSurvey(survey: Survey, spec: KpiSpec, options: KpisFromSurveyOptions = {}): KpiResult {
  const { values: all, scale } = columnOf(survey, spec);
  const rows = options.rows;
  const useWeights = options.weights ?? true;
  const opts: KpiOptions = {
    column: spec.column,
    weights: useWeights && survey.weights ? subset(survey.weights, rows) : null,
    rowOf: (i) => fileRowOf(survey.log, rows ? rows[i] : i),
    ...(options.level !== undefined ? { level: options.level } : {}),
  };
  const values = subset(all, rows);
  switch (spec.kind) {
    case 'nps':
      return npsFromColumn(values, opts);
    case 'csat':
      return csatFromColumn(values, { ...opts, scale: scale ?? observedScale(all), ...(spec.box ? { box: spec.box } : {}) });
    case 'fcr':
      return fcrFromColumn(values, opts);
    case 'ces':
      return cesFromColumn(values, opts);
    case 'time':
      if (spec.threshold === undefined) throw new CsiError('INVALID_OPTION', `KPI time:${spec.column} needs a threshold (time:COLUMN:THRESHOLD).`, { column: spec.column });
      return responseTimeFromColumn(values, { ...opts, threshold: spec.threshold });
    default:
      throw new CsiError('INVALID_OPTION', `Unknown KPI kind ${String((spec as { kind: unknown }).kind)} (nps, csat, fcr, ces, time).`);
  }
}

/**
 * Every KPI of a list from a survey, keyed as {@link kpiKeys} names them: `{ nps: {...}, csat: {...} }`, or
 * `csat:SAT1`, `csat:SAT2` when a kind is asked twice. `rows` restricts to one segment level or wave.
 *
 * @example
 * kpisFromSurvey(survey, [{ kind: 'nps', column: 'NPS' }, { kind: 'fcr', column: 'fcr' }]) // { nps: {...}, fcr: {...} }
 */
export function kpisFromSurvey(survey: Survey, specs: readonly KpiSpec[], options: KpisFromSurveyOptions = {}): Record<string, KpiResult> {
  const keys = kpiKeys(specs);
  const out: Record<string, KpiResult> = {};
  specs.forEach((spec, k) => {
    out[keys[k]] = kpiFromSurvey(survey, spec, options);
  });
  return out;
}
