/**
 * The one place segments/ touches the grouped-moments type: stats' `GroupedMoments {by, groups}` with `marginOf`
 * (the shape one GROUP BY query from DuckDB / ClickHouse returns, or built in memory below).
 */
import type { Survey, SurveySegment } from '../data/index.js';
import { marginOf, momentsBySegment, momentsFromSurvey, type GroupedMoments, type Moments, type MomentsFromSurveyOptions } from '../stats/index.js';
import { levelRows } from './segmentColumn.js';

export type { GroupedMoments };

/** One level of one segment column with its moments (`level` null: rows whose segment value is missing). */
export interface LevelMoments {
  level: string | null;
  moments: Moments;
}

/**
 * Moments per level of `column` (the margin over the other grouping columns) and the whole-sample total.
 *
 * @example
 * const { levels, total } = levelMoments(grouped, 'region');
 */
export function levelMoments(grouped: GroupedMoments, column: string): { levels: LevelMoments[]; total: Moments | null } {
  const levels = marginOf(grouped, [column]).groups.map((g) => ({ level: g.key[0], moments: g.moments }));
  const totalGroups = marginOf(grouped, []).groups;
  return { levels, total: totalGroups.length ? totalGroups[0].moments : null };
}

/**
 * In-memory grouped moments of a survey by one categorical column, in the engines' shape (rows with a missing
 * segment value are left out of every level, as SQL NULL would be its own group).
 *
 * @example
 * const grouped = groupedMomentsOfSurvey(survey, 'region', { items: ['CUSA1', 'CUSA2'], missing: 'mean' });
 */
export function groupedMomentsOfSurvey(survey: Survey, column: string, options: Omit<MomentsFromSurveyOptions, 'rows'> = {}): GroupedMoments {
  const grouped = momentsBySegment(survey, column, options);
  return { by: grouped.by, groups: grouped.groups.filter((g) => g.moments.n > 0) };
}

/**
 * In-memory grouped moments of a survey by a segment given as codes (e.g. from `segmentColumn`, which also turns a
 * numeric column with few values into one), in the engines' shape; empty levels are left out.
 *
 * @example
 * const grouped = groupedMomentsBySegment(survey, segmentColumn(survey, 'quarter'), { items, missing: 'mean' });
 */
export function groupedMomentsBySegment(survey: Survey, segment: SurveySegment, options: Omit<MomentsFromSurveyOptions, 'rows'> = {}): GroupedMoments {
  const groups: GroupedMoments['groups'] = [];
  for (const [level, rows] of levelRows(segment)) if (rows.length > 0) groups.push({ key: [level], moments: momentsFromSurvey(survey, { ...options, rows }) });
  return { by: [segment.name], groups };
}
