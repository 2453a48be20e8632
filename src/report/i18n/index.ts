import type { ReportLang } from '../format.js';
import { en, type Dictionary } from './en.js';
import { zh } from './zh.js';

export type { Dictionary } from './en.js';

/** The dictionaries by language. */
export const DICTIONARIES: Record<ReportLang, Dictionary> = { en, zh };

/**
 * The fixed texts of a report language.
 *
 * @example
 * dictionary('zh').quadrantFix // '修补区'
 */
export function dictionary(lang: ReportLang): Dictionary {
  return DICTIONARIES[lang];
}
