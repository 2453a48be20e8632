import { CsiError } from '../errors.js';
import type { KpiOptions, KpiValue } from './kpiTypes.js';

/**
 * 1-based file row of value index i under `options.rowOf` (default: header row 1, first value row 2).
 *
 * @example
 * rowOfValue({}, 0) // 2
 */
export function rowOfValue(options: KpiOptions, i: number): number | undefined {
  return options.rowOf ? options.rowOf(i) : i + 2;
}

/**
 * Accessor-style input as a Float64Array column: numbers kept, numeric strings parsed, null/undefined/''/NaN become
 * NaN (no answer). Other strings and booleans are refused unless `map` converts them.
 *
 * @example
 * columnFromRows([{ r: 9 }, { r: null }], (x) => x.r) // Float64Array [9, NaN]
 */
export function columnFromRows<T>(rows: readonly T[], accessor: (row: T, i: number) => KpiValue, options: KpiOptions = {}, map?: (v: KpiValue) => number | undefined): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = accessor(rows[i], i);
    const mapped = map?.(v);
    if (mapped !== undefined) out[i] = mapped;
    else if (v === null || v === undefined || v === '') out[i] = NaN;
    else if (typeof v === 'number') out[i] = v;
    else if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) out[i] = Number(v);
    else throw new CsiError('NON_NUMERIC', `${options.column ?? 'value'}: "${String(v)}" is not a number.`, { row: rowOfValue(options, i), column: options.column ?? 'value' });
  }
  return out;
}
