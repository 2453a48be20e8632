import { readSurveyFile } from '../data/node/index.js';
import type { Codebook, ReadSurveyOptions } from '../data/index.js';
import { readSurveyStream } from '../data/index.js';
import type { Survey } from '../data/index.js';
import { dataReadOptions } from './flags.js';
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

/**
 * Reads a command's data file from its flags: the file-format flags (`--encoding`, `--delimiter`, `--na`, checked by
 * {@link dataReadOptions}), `--sheet`, and the codebook the command already read (from `--codebook` or the study spec).
 *
 * @example
 * const survey = await readDataFromFlags(positionals[0], values, codebook, io);
 */
export async function readDataFromFlags(
  path: string,
  values: { encoding?: string; delimiter?: string; na?: string[]; sheet?: string },
  codebook: Codebook | undefined,
  io: CliIO,
): Promise<Survey> {
  const options: ReadSurveyOptions = dataReadOptions(values);
  if (values.sheet !== undefined) options.sheet = values.sheet;
  if (codebook !== undefined) options.codebook = codebook;
  return readData(path, options, io);
}
