import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { CsiError } from '../../errors.js';
import type { ReadSurveyOptions } from '../readSurveyOptions.js';
import { readSurveyStream } from '../readSurveyStream.js';
import type { Survey } from '../survey.js';
import { surveyFileFormat } from '../surveyFileFormat.js';

/**
 * Reads a survey file from disk (Node only; exported from `csikit/node`): CSV streamed in 256 KiB chunks straight
 * into typed columns; an Excel workbook (.xlsx, option `sheet`) or an SPSS file (.sav, .zsav, with its own
 * codebook unless one is given) read whole. The format comes from the file's first bytes (else its extension).
 * Same options, rules and errors as `readSurvey`, `readSurveyXlsx` and `readSurveySav`.
 *
 * @throws CsiError INVALID_OPTION when the path is missing or a directory, plus every error of the readers.
 * @example
 * import { readSurveyFile } from 'csikit/node';
 * const survey = await readSurveyFile('fixtures/telecom.csv', { codebook });
 * const spss = await readSurveyFile('survey.sav'); // spss.codebook: the file's labels and missing values
 */
export async function readSurveyFile(path: string, options: ReadSurveyOptions = {}): Promise<Survey> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new CsiError('INVALID_OPTION', code === 'ENOENT' ? `No such file: ${path}` : `Cannot read ${path} (${code ?? String(e)}).`);
  }
  if (info.isDirectory()) throw new CsiError('INVALID_OPTION', `${path} is a directory, not a data file.`);
  const format = surveyFileFormat(await head(path), path);
  if (format === 'csv') {
    const { sheet: _sheet, ...csv } = options;
    return readSurveyStream(createReadStream(path, { highWaterMark: 1 << 18 }), { sizeHint: info.size, ...csv });
  }
  const bytes = new Uint8Array(await readFile(path));
  const { codebook, highMissingShare, naStrings } = options;
  const common = { codebook, highMissingShare, naStrings };
  // the SPSS and Excel readers (and fflate, whose tables take ~6 ms to build) load only for such a file
  if (format === 'sav') return (await import('../sav/readSurveySav.js')).readSurveySav(bytes, common);
  return (await import('../xlsx/readSurveyXlsx.js')).readSurveyXlsx(bytes, { ...common, sheet: options.sheet });
}

async function head(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(8);
    const { bytesRead } = await fh.read(buf, 0, 8, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
