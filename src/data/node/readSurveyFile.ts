import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CsiError } from '../../errors.js';
import type { ReadSurveyOptions } from '../readSurveyOptions.js';
import { readSurveyStream } from '../readSurveyStream.js';
import type { Survey } from '../survey.js';

/**
 * Reads a survey CSV file from disk (Node only; exported from `csikit/node`), streaming it in 256 KiB chunks
 * straight into typed columns. Same options, rules and errors as `readSurvey`.
 *
 * @throws CsiError INVALID_OPTION when the path is missing or a directory, plus every error `readSurvey` throws.
 * @example
 * import { readSurveyFile } from 'csikit/node';
 * const survey = await readSurveyFile('fixtures/telecom.csv', { codebook });
 */
export async function readSurveyFile(path: string, options: ReadSurveyOptions = {}): Promise<Survey> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new CsiError('INVALID_OPTION', code === 'ENOENT' ? `No such file: ${path}` : `Cannot read ${path} (${code ?? String(e)}).`);
  }
  if (info.isDirectory()) throw new CsiError('INVALID_OPTION', `${path} is a directory, not a CSV file.`);
  return readSurveyStream(createReadStream(path, { highWaterMark: 1 << 18 }), { sizeHint: info.size, ...options });
}
