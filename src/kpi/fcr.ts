import { CsiError } from '../errors.js';
import { columnFromRows, rowOfValue } from './kpiColumn.js';
import type { KpiOptions, KpiResult, KpiValue } from './kpiTypes.js';
import { proportionEstimate } from './proportionEstimate.js';

const YES = new Set(['yes', 'y', 'true', '1', '是']);
const NO = new Set(['no', 'n', 'false', '0', '否']);

/**
 * A yes/no answer as 1/0: yes, y, true, 1, 是 → 1; no, n, false, 0, 否 → 0 (case-insensitive); null/undefined/''
 * → NaN (no answer); anything else → undefined (not a yes/no answer).
 *
 * @example
 * yesNoCode('Yes') // 1
 * yesNoCode(0) // 0
 */
export function yesNoCode(v: KpiValue): number | undefined {
  if (v === null || v === undefined || v === '') return NaN;
  if (typeof v === 'number') return Number.isNaN(v) ? NaN : v === 1 ? 1 : v === 0 ? 0 : undefined;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = v.trim().toLowerCase();
  if (YES.has(s)) return 1;
  if (NO.has(s)) return 0;
  return undefined;
}

/**
 * First-contact resolution (methodology.md §7.4): the share of "yes" among answered contacts, on [0, 1], with a Wilson
 * interval (weighted: survey's design-based Wilson). The column holds 1/0 (NaN = no answer). Errors: INVALID_OPTION
 * naming the value when it is not 0 or 1.
 *
 * @example
 * fcrFromColumn(Float64Array.of(1, 1, 0, NaN), { column: 'fcr' }) // { estimate: 0.667, n: 3, ... }
 */
export function fcrFromColumn(values: Float64Array, options: KpiOptions = {}): KpiResult {
  const column = options.column ?? 'value';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v) && v !== 0 && v !== 1) {
      throw new CsiError('INVALID_OPTION', `FCR column ${column}: ${v} is not yes/no or 1/0.`, { row: rowOfValue(options, i), column });
    }
  }
  const { se, ...p } = proportionEstimate(values, options.weights ?? null, options.level);
  return { kind: 'fcr', column, ...p, se };
}

/**
 * {@link fcrFromColumn} in the accessor style; the accessor may return yes/no, 是/否, true/false or 1/0.
 *
 * @example
 * fcr([{ resolved: 'yes' }, { resolved: 'no' }], (r) => r.resolved).estimate // 0.5
 */
export function fcr<T>(rows: readonly T[], accessor: (row: T, i: number) => KpiValue, options: KpiOptions = {}): KpiResult {
  const column = options.column ?? 'value';
  const values = columnFromRows(rows, accessor, options, (v) => {
    const code = yesNoCode(v);
    if (code === undefined) {
      const i = rows.findIndex((r, k) => accessor(r, k) === v);
      throw new CsiError('INVALID_OPTION', `FCR column ${column}: "${String(v)}" is not yes/no or 1/0.`, { row: rowOfValue(options, i), column });
    }
    return code;
  });
  return fcrFromColumn(values, options);
}
