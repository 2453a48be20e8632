import { readFile } from 'node:fs/promises';
import type { Codebook } from '../data/codebook.js';
import { parseCodebook } from '../data/parseCodebook.js';
import { CsiError } from '../errors.js';

/**
 * Reads and validates a codebook JSON file (UTF-8, BOM allowed).
 *
 * @throws CsiError INVALID_OPTION when the file cannot be read, INVALID_CODEBOOK when it is not valid JSON or fails the schema.
 * @example
 * const codebook = await readCodebookFile('fixtures/telecom.codebook.json');
 */
export async function readCodebookFile(path: string): Promise<Codebook> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new CsiError('INVALID_OPTION', code === 'ENOENT' ? `No such codebook file: ${path}` : `Cannot read the codebook ${path} (${code ?? String(e)}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new CsiError('INVALID_CODEBOOK', `The codebook ${path} is not valid JSON: ${(e as Error).message}`);
  }
  return parseCodebook(json);
}
