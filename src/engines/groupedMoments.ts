import { CsiError } from '../errors.js';
import type { GroupedMoments } from '../stats/index.js';
import { parseMomentsRow, type EngineRow } from './parseMomentsRow.js';
import type { MomentsQuerySpec } from './sql/momentsSql.js';

/**
 * Reads the rows of a grouped moments query (one row per segment cell) into {@link GroupedMoments}. Group values
 * become strings (numbers and BigInts by `String`), SQL NULL stays null.
 *
 * @example
 * const q = momentsSql({ items: ['a'], source: 't', groupBy: ['line'], form: 'complete', dialect: 'duckdb' });
 * groupedMomentsFromRows([{ csi_g_0: '3G', csi_n: 1n, csi_n_0: 1n, csi_s_0: 2, csi_c_0_0: 4 }], q.spec).groups[0].key // ['3G']
 */
export function groupedMomentsFromRows(rows: readonly EngineRow[], spec: MomentsQuerySpec): GroupedMoments {
  const groupCols = spec.columns.filter((c) => c.kind === 'group' && c.k >= 0);
  return {
    by: [...spec.groupBy],
    groups: rows.map((row) => ({
      key: groupCols.map((c) => keyValue(row[c.alias])),
      moments: parseMomentsRow(row, spec),
    })),
  };
}

/**
 * A group value as a string key (null for SQL NULL).
 *
 * @example
 * keyValue(3n) // '3'
 */
export function keyValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
