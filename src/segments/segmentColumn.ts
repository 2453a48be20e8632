import type { Survey, SurveySegment } from '../data/index.js';
import { CsiError } from '../errors.js';
import { naturalCompare } from './levelOrder.js';

/**
 * The categorical column `name` of a survey as a segment: a codebook segment column as it is; a numeric column (or
 * item) with at most `maxLevels` distinct values becomes one with its values as labels (natural order). Throws
 * CsiError MISSING_COLUMN for an unknown column and INVALID_OPTION for a numeric one with too many distinct values.
 *
 * @example
 * segmentColumn(survey, 'region').levels // ['East', 'North', …]
 */
export function segmentColumn(survey: Survey, name: string, maxLevels = 30): SurveySegment {
  const seg = survey.segments.find((s) => s.name === name);
  if (seg) return seg;
  const k = survey.itemNames.indexOf(name);
  const values = k >= 0 ? survey.items[k] : survey.numeric.find((c) => c.name === name)?.values;
  if (!values) {
    const known = [...survey.segments.map((s) => s.name), ...survey.numeric.map((c) => c.name)];
    throw new CsiError('MISSING_COLUMN', `There is no column ${name} to break down by${known.length ? ` (segment columns: ${known.join(', ')})` : ''}.`, { column: name });
  }
  const distinct = new Set<number>();
  for (const v of values) if (!Number.isNaN(v)) distinct.add(v);
  if (distinct.size > maxLevels) {
    throw new CsiError('INVALID_OPTION', `Column ${name} is numeric with ${distinct.size} distinct values; a segment or wave column needs at most ${maxLevels} levels.`, { column: name });
  }
  const levels = [...distinct].map(String).sort(naturalCompare);
  const index = new Map(levels.map((l, i) => [l, i]));
  const codes = Int32Array.from(values, (v) => (Number.isNaN(v) ? -1 : (index.get(String(v)) as number)));
  return { name, levels, codes };
}

/**
 * The 0-based rows of every level of a segment column, ascending (rows with code −1 are in no level).
 *
 * @example
 * levelRows({ name: 'g', levels: ['a', 'b'], codes: Int32Array.from([0, 1, 0, -1]) }).get('a') // Int32Array [0, 2]
 */
export function levelRows(segment: SurveySegment): Map<string, Int32Array> {
  const lists = segment.levels.map(() => [] as number[]);
  segment.codes.forEach((c, r) => {
    if (c >= 0) lists[c].push(r);
  });
  return new Map(segment.levels.map((l, i) => [l, Int32Array.from(lists[i])]));
}
