import { CsiError } from '../errors.js';
import type { Survey } from '../data/index.js';
import type { Moments } from './moments-types.js';
import { accumulateMoments, type AccumulateMomentsOptions } from './accumulateMoments.js';
import { mergeMoments } from './mergeMoments.js';
import { momentsFromSurvey, type MomentsFromSurveyOptions } from './momentsFromSurvey.js';

/** A segment key: one level per grouping column, `null` where the segment value is missing (SQL NULL). */
export type GroupKey = (string | null)[];

/**
 * Moments per segment cell — the one per-segment moments type, whether the rows were grouped in memory
 * ({@link groupedMoments}, {@link momentsBySegment}) or by an engine's `GROUP BY line, region`: one entry per
 * combination of levels that occurs. Plain JSON; margins and the total are sums of cells ({@link marginOf}).
 */
export interface GroupedMoments {
  /** The grouping columns, in key order. */
  by: string[];
  groups: { key: GroupKey; moments: Moments }[];
}

/** Options of {@link groupedMoments}. */
export interface GroupedMomentsOptions extends Omit<AccumulateMomentsOptions, 'rows'> {
  /** Name of the grouping column (the `by` of the result). Default 'group'. */
  by?: string;
}

/**
 * Moments per group (GROUP BY in memory): rows are split by integer group code (`codes[r]` indexes `levels`; −1 = no
 * group, skipped) and each group's rows are accumulated; groups in level order, levels without rows left out (as
 * SQL). Every margin is a {@link mergeMoments} of the cells it covers ({@link marginOf}). One pass over the rows.
 *
 * @example
 * const byLine = groupedMoments(columns, segment.codes, segment.levels, { names, by: 'line' });
 * byLine.groups.map((g) => g.key[0]) // ['3G', '4G', …]
 */
export function groupedMoments(columns: readonly Float64Array[], codes: Int32Array, levels: readonly string[], options: GroupedMomentsOptions = {}): GroupedMoments {
  const n = columns[0]?.length ?? codes.length;
  if (codes.length !== n) throw new CsiError('INVALID_OPTION', `groupedMoments: ${codes.length} group codes for ${n} rows.`);
  const { by = 'group', ...accumulate } = options;
  const rows = rowsByGroup(codes, levels.length);
  const groups: GroupedMoments['groups'] = [];
  levels.forEach((level, g) => {
    if (rows[g].length > 0) groups.push({ key: [level], moments: accumulateMoments(columns, { ...accumulate, rows: rows[g] }) });
  });
  return { by: [by], groups };
}

/**
 * {@link momentsFromSurvey} per cell of one or more of the survey's segment columns (every combination of levels that
 * occurs, in level order; rows missing a segment value are left out). The same {@link GroupedMoments} an engine's
 * grouped query returns.
 *
 * @example
 * const cells = momentsBySegment(survey, ['region', 'wave'], { items: ['CUSA1', 'CUSA2'] });
 * marginOf(cells, ['region']).groups[0].moments.n
 */
export function momentsBySegment(survey: Survey, by: string | readonly string[], options: Omit<MomentsFromSurveyOptions, 'rows'> = {}): GroupedMoments {
  const names = typeof by === 'string' ? [by] : [...by];
  const segs = names.map((name) => {
    const seg = survey.segments.find((s) => s.name === name);
    if (!seg) throw new CsiError('MISSING_COLUMN', `${name} is not a segment column of the survey.`, { column: name });
    return seg;
  });
  // Mixed-radix cell code over the columns (level order), −1 when any value is missing.
  const sizes = segs.map((s) => s.levels.length);
  const cells = sizes.reduce((a, b) => a * b, 1);
  const codes = new Int32Array(survey.n);
  for (let r = 0; r < survey.n; r++) {
    let code = 0;
    for (let k = 0; k < segs.length; k++) {
      const c = segs[k].codes[r];
      if (c >= sizes[k]) throw new CsiError('INVALID_OPTION', `groupedMoments: group code ${c} in row ${r + 1} has no level.`, { column: segs[k].name });
      if (c < 0) {
        code = -1;
        break;
      }
      code = code * sizes[k] + c;
    }
    codes[r] = code;
  }
  const rows = rowsByGroup(codes, cells);
  const groups: GroupedMoments['groups'] = [];
  rows.forEach((cellRows, cell) => {
    if (cellRows.length === 0) return;
    const key: string[] = new Array<string>(segs.length);
    for (let k = segs.length - 1, c = cell; k >= 0; k--) {
      key[k] = segs[k].levels[c % sizes[k]];
      c = Math.floor(c / sizes[k]);
    }
    groups.push({ key, moments: momentsFromSurvey(survey, { ...options, rows: cellRows }) });
  });
  return { by: names, groups };
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
 * The margin of grouped moments over a subset `by` of its grouping columns: cells with the same levels on `by` are
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

/** The row indices of each group (rows[g] ascending); code −1 = no group; a code ≥ levels is an INVALID_OPTION. */
function rowsByGroup(codes: Int32Array, levels: number): Int32Array[] {
  const sizes = new Int32Array(levels);
  for (let r = 0; r < codes.length; r++) {
    const g = codes[r];
    if (g >= levels) throw new CsiError('INVALID_OPTION', `groupedMoments: group code ${g} in row ${r + 1} has no level.`);
    if (g >= 0) sizes[g]++;
  }
  const rows = Array.from(sizes, (s) => new Int32Array(s));
  const fill = new Int32Array(levels);
  for (let r = 0; r < codes.length; r++) {
    const g = codes[r];
    if (g >= 0) rows[g][fill[g]++] = r;
  }
  return rows;
}
