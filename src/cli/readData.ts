import { readSurveyFile } from '../data/node/index.js';
import type { ReadSurveyOptions } from '../data/index.js';
import { readSurveyStream } from '../data/index.js';
import type { Survey } from '../data/index.js';
import type { CliIO } from './types.js';

/**
 * Reads the survey a command names: a file path, or `-` for standard input (`io.stdin`, default `process.stdin`).
 *
 * @example
 * const survey = await readData('-', { delimiter: ';' }, io); // cat survey.csv | csi inspect -
 */
export async function readData(path: string, options: ReadSurveyOptions, io: CliIO): Promise<Survey> {
  if (path === '-') return readSurveyStream(io.stdin ?? process.stdin, options);
  return readSurveyFile(path, options);
}
