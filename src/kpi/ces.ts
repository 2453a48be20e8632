import { studentTQuantile } from '../stats/index.js';
import { columnFromRows } from './kpiColumn.js';
import type { KpiOptions, KpiResult, KpiValue } from './kpiTypes.js';
import { nullIfNaN } from './proportionEstimate.js';
import { weightedMeanLinearized } from './weightedMeanLinearized.js';

/**
 * Customer Effort Score as a mean (methodology.md §7.3) with a t interval: ȳ ± t_{1−α/2, n−1}·SE, SE = s/√n; with
 * weights the weighted mean and the linearisation SE (tracking.md §1.2, survey::svymean), the same t. Observed answers
 * only; `nEff` Kish's.
 *
 * @example
 * cesFromColumn(Float64Array.of(2, 3, 4), { column: 'CES' }) // { estimate: 3, lower: 0.5159, upper: 5.4841, ... }
 */
export function cesFromColumn(values: Float64Array, options: KpiOptions = {}): KpiResult {
  const m = weightedMeanLinearized(values, options.weights ?? null);
  const se = m.n > 1 ? Math.sqrt(m.variance) : NaN;
  const t = m.n > 1 ? studentTQuantile(1 - (1 - (options.level ?? 0.95)) / 2, m.n - 1) : NaN;
  return {
    kind: 'ces',
    column: options.column ?? 'value',
    n: m.n,
    nEff: options.weights ? m.nEff : m.n,
    estimate: nullIfNaN(m.mean),
    lower: nullIfNaN(m.mean - t * se),
    upper: nullIfNaN(m.mean + t * se),
    method: options.weights ? 't-linearized' : 't',
    se: nullIfNaN(se),
  };
}

/**
 * {@link cesFromColumn} in the accessor style.
 *
 * @example
 * ces([{ effort: 2 }, { effort: 4 }], (r) => r.effort).estimate // 3
 */
export function ces<T>(rows: readonly T[], accessor: (row: T, i: number) => KpiValue, options: KpiOptions = {}): KpiResult {
  return cesFromColumn(columnFromRows(rows, accessor, options), options);
}
