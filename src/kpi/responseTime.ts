import { CsiError } from '../errors.js';
import { columnFromRows, rowOfValue } from './kpiColumn.js';
import type { KpiOptions, KpiResult, KpiValue } from './kpiTypes.js';
import { nullIfNaN, proportionEstimate } from './proportionEstimate.js';
import { weightedMedian } from './weightedMedian.js';

/** Options of {@link responseTimeFromColumn}. */
export interface ResponseTimeOptions extends KpiOptions {
  /** Service-level threshold: answers ≤ threshold count as "within". */
  threshold: number;
}

/**
 * Response time (methodology.md §7.4): the median (weighted median with weights) and the share of answers ≤ the
 * threshold (SLA attainment) on [0, 1]. `estimate`, `lower`, `upper` are that share with its Wilson interval
 * (weighted: design-based Wilson); the median has no interval. Errors: INVALID_OPTION for a threshold that is not a
 * finite number ≥ 0; OUT_OF_SCALE for a negative time.
 *
 * @example
 * responseTimeFromColumn(Float64Array.of(10, 30, 70), { threshold: 60, column: 'wait' }) // { median: 30, share: 0.667, ... }
 */
export function responseTimeFromColumn(values: Float64Array, options: ResponseTimeOptions): KpiResult {
  const column = options.column ?? 'value';
  const { threshold } = options;
  if (!Number.isFinite(threshold) || threshold < 0) throw new CsiError('INVALID_OPTION', `Response-time threshold for ${column} must be a number ≥ 0 (got ${threshold}).`, { column });
  const within = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) within[i] = NaN;
    else if (v < 0) throw new CsiError('OUT_OF_SCALE', `Response-time column ${column}: ${v} is negative.`, { row: rowOfValue(options, i), column });
    else within[i] = v <= threshold ? 1 : 0;
  }
  const weights = options.weights ?? null;
  const { se, ...p } = proportionEstimate(within, weights, options.level);
  return { kind: 'time', column, ...p, se, median: nullIfNaN(weightedMedian(values, weights)), share: p.estimate, threshold };
}

/**
 * {@link responseTimeFromColumn} in the accessor style.
 *
 * @example
 * responseTime([{ s: 20 }, { s: 90 }], (r) => r.s, { threshold: 60 }).share // 0.5
 */
export function responseTime<T>(rows: readonly T[], accessor: (row: T, i: number) => KpiValue, options: ResponseTimeOptions): KpiResult {
  return responseTimeFromColumn(columnFromRows(rows, accessor, options), options);
}
