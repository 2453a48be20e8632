import type { Codebook } from './codebook.js';
import { readSurvey } from './readSurvey.js';
import type { ReadSurveyOptions } from './readSurveyOptions.js';

/** Options of {@link inferCodebook}: those of `readSurvey` except the codebook. */
export type InferCodebookOptions = Omit<ReadSurveyOptions, 'codebook'>;

/**
 * Infers a draft codebook from CSV text or bytes, for the user to export as JSON and edit.
 *
 * Numeric columns become items with a scale guessed from the observed values (snapped to 1-5, 1-7, 1-10, 0-10 or
 * 0-100 when they fit, see `inferScale`) and `inferred: true`; other columns become segments; a column named
 * like `id` becomes the respondent id and one named `weight` the weight. Completely empty columns are left out.
 *
 * @example
 * inferCodebook('id,Q1,region\n1,4,N\n2,7,S\n')
 * // { id: 'id', items: [{ id: 'Q1', scale: { min: 1, max: 7 }, inferred: true }], segments: [{ id: 'region' }] }
 */
export function inferCodebook(input: string | Uint8Array, options: InferCodebookOptions = {}): Codebook {
  return readSurvey(input, { ...options, codebook: undefined }).codebook;
}
