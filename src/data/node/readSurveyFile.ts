import { Buffer } from 'node:buffer';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { CsiError } from '../../errors.js';
import type { ReadSurveyOptions } from '../readSurveyOptions.js';
import { readSurveyStream } from '../readSurveyStream.js';
import type { Survey } from '../survey.js';
import { surveyFileFormat } from '../surveyFileFormat.js';

/** Bytes per read of a CSV file (the reader holds one chunk and the columns, never the whole file). */
const CHUNK = 1 << 18;

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
  // One open for the size, the format and the bytes (a stat, an open for the first bytes and a stream's own open
  // cost more than the reading of a 5 MB file)
  const fh = await openFile(path);
  let first: Uint8Array;
  let size: number;
  try {
    const info = await fh.stat();
    if (info.isDirectory()) throw new CsiError('INVALID_OPTION', `${path} is a directory, not a data file.`);
    size = info.size;
    first = await readChunk(fh, 0);
  } catch (e) {
    await fh.close();
    throw e;
  }
  const format = surveyFileFormat(first.subarray(0, 8), path);
  if (format === 'csv') {
    const { sheet: _sheet, ...csv } = options;
    try {
      return await readSurveyStream(fileChunks(fh, first), { sizeHint: size, ...csv });
    } finally {
      await fh.close();
    }
  }
  await fh.close();
  const bytes = new Uint8Array(await readFile(path));
  const { codebook, highMissingShare, naStrings } = options;
  const common = { codebook, highMissingShare, naStrings };
  // the SPSS and Excel readers (and fflate, whose tables take ~6 ms to build) load only for such a file
  if (format === 'sav') return (await import('../sav/readSurveySav.js')).readSurveySav(bytes, common);
  return (await import('../xlsx/readSurveyXlsx.js')).readSurveyXlsx(bytes, { ...common, sheet: options.sheet });
}

/** Opens `path` for reading; a missing path or a directory is INVALID_OPTION (as `stat` tells), else the open's error. */
async function openFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (openError) {
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw new CsiError('INVALID_OPTION', code === 'ENOENT' ? `No such file: ${path}` : `Cannot read ${path} (${code ?? String(e)}).`);
    }
    if (info.isDirectory()) throw new CsiError('INVALID_OPTION', `${path} is a directory, not a data file.`);
    throw openError;
  }
}

/**
 * The next up to CHUNK bytes at `position` (empty at the end of the file), as a Buffer: the reader looks for NUL
 * bytes in every chunk, and a Buffer's indexOf is a native memchr (a Uint8Array's is a byte loop, 10× slower).
 */
async function readChunk(fh: FileHandle, position: number): Promise<Uint8Array> {
  const buf = Buffer.alloc(CHUNK);
  const { bytesRead } = await fh.read(buf, 0, CHUNK, position);
  return bytesRead === CHUNK ? buf : buf.subarray(0, bytesRead);
}

/** The file's chunks, `first` (read already) first. */
async function* fileChunks(fh: FileHandle, first: Uint8Array): AsyncGenerator<Uint8Array> {
  let position = first.length;
  let chunk = first;
  while (chunk.length > 0) {
    yield chunk;
    chunk = await readChunk(fh, position);
    position += chunk.length;
  }
}
