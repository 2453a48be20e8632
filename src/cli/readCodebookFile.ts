import type { Codebook } from '../data/index.js';
import { parseCodebook } from '../data/index.js';
import { CsiError } from '../errors.js';
import { readTextFile } from './readTextFile.js';

/**
 * Reads and validates a codebook JSON file (UTF-8, BOM allowed).
 *
 * @throws CsiError INVALID_OPTION when the file cannot be read, INVALID_CODEBOOK when it is not valid JSON or fails the schema.
 * @example
 * const codebook = await readCodebookFile('fixtures/telecom.codebook.json');
 */
export async function readCodebookFile(path: string): Promise<Codebook> {
  const text = await readTextFile(path, 'codebook file');
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new CsiError('INVALID_CODEBOOK', `The codebook ${path} is not valid JSON: ${(e as Error).message}`);
  }
  return parseCodebook(json);
}
