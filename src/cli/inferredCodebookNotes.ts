import type { Survey } from '../data/index.js';
import type { CsiWarning } from '../errors.js';

const INFERENCE_CODES = new Set(['INFERRED_COLUMN', 'MIXED_SCALES', 'DECIMAL_COMMA', 'MISSING_CODE']);

/**
 * The warnings `csi estimate` adds when no codebook was given: that the codebook was inferred and how to write and
 * pass the draft, then the loader's per-column inference notes (likely missing codes, guessed scales, columns that
 * are not rating items, decimal commas).
 *
 * @example
 * inferredCodebookNotes(survey, 'survey.csv')[0].code // 'INFERRED_CODEBOOK'
 */
export function inferredCodebookNotes(survey: Survey, file: string): CsiWarning[] {
  const scales = survey.warnings.find((w) => w.code === 'INFERRED_SCALE');
  const shown = file === '-' ? 'DATA.csv' : /\s/.test(file) ? JSON.stringify(file) : file;
  return [
    {
      code: 'INFERRED_CODEBOOK',
      message: `No --codebook: the codebook was inferred from the data${scales ? ` (${scales.message.replace(/^No codebook was given: /, '').replace(/; check them and pass a codebook\.$/, '')})` : ''}. Write the draft with \`csi inspect ${shown} --write-codebook codebook.json\`, check it, and pass --codebook codebook.json.`,
    },
    ...survey.warnings.filter((w) => INFERENCE_CODES.has(w.code)),
  ];
}
