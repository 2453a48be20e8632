import { CsiError } from '../errors.js';
import { mergeMoments, type Moments } from '../stats/index.js';
import { parseMomentsRow, type EngineRow } from './parseMomentsRow.js';
import type { MomentsQuerySpec } from './sql/momentsSql.js';

/** A segment key: one level per GROUP BY column, `null` where the segment value is missing (SQL NULL). */
export type GroupKey = (string | null)[];

/**
 * Moments per segment cell: what a `GROUP BY line, region` moments query returns, one entry per combination that
 * occurs. Plain JSON; margins and the total are sums of cells ({@link marginOf}).
 */
export interface GroupedMoments {
  /** The segment columns, in key order. */
  by: string[];
  groups: { key: GroupKey; moments: Moments }[];
}

/**
 * Reads the rows of a grouped moments query (one row per segment cell) into {@link GroupedMoments}. Group values
 * become strings (numbers and BigInts by `String`), SQL NULL stays null.
 *
 * @example
 * const q = momentsSql({ items: ['a'], source: 't', groupBy: ['line'], missing: 'complete', dialect: 'duckdb' });
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

/**
 * Moments of zero rows over `items` (the neutral element of `mergeMoments`).
 *
 * @example
 * emptyMoments(['a', 'b'], false).c // [0, 0, 0, 0]
 */
export function emptyMoments(items: readonly string[], weighted: boolean): Moments {
  const p = items.length;
  const z = (k: number): number[] => new Array<number>(k).fill(0);
  return { items: [...items], n: 0, weighted, sw: 0, sww: 0, nObs: z(p), s: z(p), m: z(p * p), p: z(p * p), q: z(p * p), c: z(p * p), complete: true };
}

/**
 * The margin of grouped moments over a subset `by` of its segment columns: cells with the same levels on `by` are
 * added with `mergeMoments` (exact for integer data: every field is a sum over rows). `by = []` gives one group,
 * the total over all rows. Group order: first appearance. Throws INVALID_OPTION for a column not in `grouped.by`.
 *
 * @example
 * const byLine = marginOf(grouped, ['line']);      // from GROUP BY line, region
 * const total = marginOf(grouped, []).groups[0].moments;
 */
export function marginOf(grouped: GroupedMoments, by: readonly string[]): GroupedMoments {
  const idx = by.map((b) => {
    const k = grouped.by.indexOf(b);
    if (k < 0) throw new CsiError('INVALID_OPTION', `marginOf: "${b}" is not one of the grouping columns (${grouped.by.join(', ')}).`, { column: b });
    return k;
  });
  const out = new Map<string, { key: GroupKey; moments: Moments }>();
  for (const g of grouped.groups) {
    const key = idx.map((k) => g.key[k]);
    const id = JSON.stringify(key);
    const prev = out.get(id);
    out.set(id, { key, moments: prev ? mergeMoments(prev.moments, g.moments) : g.moments });
  }
  if (out.size === 0 && by.length === 0) {
    const items = grouped.groups[0]?.moments.items ?? [];
    return { by: [], groups: [{ key: [], moments: emptyMoments(items, false) }] };
  }
  return { by: [...by], groups: [...out.values()] };
}

/**
 * The total {@link Moments} over all cells of grouped moments (`marginOf(grouped, [])`); needs the item names for
 * the case of no cells at all.
 *
 * @example
 * totalOf(grouped, ['CUSA1', 'CUSA2']).n // all rows
 */
export function totalOf(grouped: GroupedMoments, items: readonly string[], weighted = false): Moments {
  if (grouped.groups.length === 0) return emptyMoments(items, weighted);
  return marginOf(grouped, []).groups[0].moments;
}
