import { CsiError } from '../errors.js';
import type { ValueLabel } from './codebook.js';

/**
 * The key a text answer is matched by: trimmed and lower-cased (case-insensitive for Latin text; CJK is unchanged).
 *
 * @example
 * valueLabelKey('  Very Satisfied ') // 'very satisfied'
 */
export function valueLabelKey(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * Maps every text of a column's value labels (`label.en`, `label.zh`, `aliases`) to its code.
 *
 * @throws CsiError INVALID_CODEBOOK when a value is listed twice or one text means two different values.
 * @example
 * valueLabelIndex([{ value: 5, label: { zh: '非常满意', en: 'Very satisfied' } }], 'SAT1').get('very satisfied') // 5
 */
export function valueLabelIndex(values: readonly ValueLabel[], column: string): Map<string, number> {
  const index = new Map<string, number>();
  const seen = new Set<number>();
  for (const v of values) {
    if (seen.has(v.value)) {
      throw new CsiError('INVALID_CODEBOOK', `Invalid codebook: column "${column}" lists value ${v.value} twice in its value labels.`, { column });
    }
    seen.add(v.value);
    for (const text of [v.label?.en, v.label?.zh, ...(v.aliases ?? [])]) {
      if (text === undefined) continue;
      const key = valueLabelKey(text);
      if (key === '') continue;
      const prev = index.get(key);
      if (prev !== undefined && prev !== v.value) {
        throw new CsiError('INVALID_CODEBOOK', `Invalid codebook: in column "${column}" the text "${text}" labels both ${prev} and ${v.value}.`, { column });
      }
      index.set(key, v.value);
    }
  }
  return index;
}

/**
 * The texts of a column's value labels, for error messages: "非常满意 (5), 满意 (4), …".
 *
 * @example
 * describeValueLabels([{ value: 1, label: { en: 'No' } }, { value: 2, label: { en: 'Yes' } }]) // 'No (1), Yes (2)'
 */
export function describeValueLabels(values: readonly ValueLabel[], max = 6): string {
  const parts = values
    .map((v) => {
      const text = v.label?.zh ?? v.label?.en ?? v.aliases?.[0];
      return text === undefined ? null : `${text} (${v.value})`;
    })
    .filter((t): t is string => t !== null);
  return parts.length <= max ? parts.join(', ') : `${parts.slice(0, max).join(', ')}, …`;
}
