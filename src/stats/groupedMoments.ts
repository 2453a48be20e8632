import { CsiError } from '../errors.js';
import type { Survey } from '../data/index.js';
import type { Moments } from './moments-types.js';
import { accumulateMoments, type AccumulateMomentsOptions } from './accumulateMoments.js';
import { momentsFromSurvey, type MomentsFromSurveyOptions } from './momentsFromSurvey.js';

/**
 * Moments per group (GROUP BY): rows are split by integer group code (`codes[r]` indexes `levels`; −1 = no group,
 * skipped) and each group's rows are accumulated. Every margin is a {@link mergeMoments} of the groups it covers,
 * so no GROUPING SETS are needed. Total work is one pass over the rows.
 *
 * @example
 * const byLine = groupedMoments(columns, segment.codes, segment.levels, { names });
 * mergeMoments(byLine['3G'], byLine['4G']) // the 3G + 4G margin
 */
export function groupedMoments(
  columns: readonly Float64Array[],
  codes: Int32Array,
  levels: readonly string[],
  options: Omit<AccumulateMomentsOptions, 'rows'> = {},
): Record<string, Moments> {
  const n = columns[0]?.length ?? codes.length;
  if (codes.length !== n) throw new CsiError('INVALID_OPTION', `groupedMoments: ${codes.length} group codes for ${n} rows.`);
  const rows = rowsByGroup(codes, levels.length);
  const out: Record<string, Moments> = {};
  levels.forEach((level, g) => {
    out[level] = accumulateMoments(columns, { ...options, rows: rows[g] });
  });
  return out;
}

/**
 * {@link momentsFromSurvey} per level of one of the survey's segment columns.
 *
 * @example
 * const byRegion = momentsBySegment(survey, 'region', { items: ['CUSA1', 'CUSA2'] });
 * byRegion.R1.n
 */
export function momentsBySegment(survey: Survey, segment: string, options: Omit<MomentsFromSurveyOptions, 'rows'> = {}): Record<string, Moments> {
  const seg = survey.segments.find((s) => s.name === segment);
  if (!seg) throw new CsiError('MISSING_COLUMN', `${segment} is not a segment column of the survey.`, { column: segment });
  const out: Record<string, Moments> = {};
  const rows = rowsByGroup(seg.codes, seg.levels.length);
  seg.levels.forEach((level, g) => {
    out[level] = momentsFromSurvey(survey, { ...options, rows: rows[g] });
  });
  return out;
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
