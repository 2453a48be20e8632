import { CsiError } from '../errors.js';
import { columnFromRows, rowOfValue } from './kpiColumn.js';
import type { KpiOptions, KpiResult, KpiValue } from './kpiTypes.js';
import { proportionEstimate } from './proportionEstimate.js';

/** Options of {@link csatFromColumn}. */
export interface CsatOptions extends KpiOptions {
  /** The item's answer scale [min, max] (required: the default box and the checks use it). */
  scale: [number, number];
  /** Inclusive top box [low, high]; default the top two categories, [max − 1, max]. */
  box?: [number, number];
}

/**
 * The default CSAT box of a scale: its top two categories [max − 1, max] (methodology.md §7.2: 4-5 on 1-5).
 *
 * @example
 * defaultCsatBox([1, 5]) // [4, 5]
 */
export function defaultCsatBox(scale: [number, number]): [number, number] {
  return [scale[1] - 1, scale[1]];
}

/**
 * CSAT as the top-box share (methodology.md §7.2): the share of answers inside the box, on [0, 1], with a Wilson
 * interval (weighted: survey's design-based Wilson, tracking.md §3.3). Observed answers only. Errors: INVALID_OPTION
 * when the box is empty or outside the scale; OUT_OF_SCALE for an answer outside the scale.
 *
 * @example
 * csatFromColumn(Float64Array.of(5, 4, 3, 5), { scale: [1, 5], column: 'SAT' }) // { estimate: 0.75, box: [4, 5], ... }
 */
export function csatFromColumn(values: Float64Array, options: CsatOptions): KpiResult {
  const column = options.column ?? 'value';
  const [min, max] = options.scale;
  const box = options.box ?? defaultCsatBox(options.scale);
  if (!(box[0] <= box[1]) || box[0] < min || box[1] > max) {
    throw new CsiError('INVALID_OPTION', `CSAT box ${box[0]}-${box[1]} for ${column} is outside its scale ${min}-${max}.`, { column });
  }
  const indicator = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) indicator[i] = NaN;
    else if (v < min || v > max) throw new CsiError('OUT_OF_SCALE', `CSAT column ${column}: ${v} is outside its scale ${min}-${max}.`, { row: rowOfValue(options, i), column });
    else indicator[i] = v >= box[0] && v <= box[1] ? 1 : 0;
  }
  const { se, ...p } = proportionEstimate(indicator, options.weights ?? null, options.level);
  return { kind: 'csat', column, ...p, se, box: [box[0], box[1]] };
}

/**
 * {@link csatFromColumn} in the accessor style.
 *
 * @example
 * csat([{ s: 5 }, { s: 2 }], (r) => r.s, { scale: [1, 5] }).estimate // 0.5
 */
export function csat<T>(rows: readonly T[], accessor: (row: T, i: number) => KpiValue, options: CsatOptions): KpiResult {
  return csatFromColumn(columnFromRows(rows, accessor, options), options);
}
