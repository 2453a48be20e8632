import { readFile } from 'node:fs/promises';
import { CsiError } from '../errors.js';

/**
 * Reads a UTF-8 text file named on the command line. A missing or unreadable file is an `INVALID_OPTION` error that
 * names `what` and the path (never a stack trace).
 *
 * @example
 * const text = await readTextFile('fixtures/telecom.model', 'model file');
 * // missing: CsiError INVALID_OPTION "No such model file: fixtures/telecom.model"
 */
export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new CsiError('INVALID_OPTION', code === 'ENOENT' ? `No such ${what}: ${path}` : `Cannot read the ${what} ${path} (${code ?? String(e)}).`);
  }
}
