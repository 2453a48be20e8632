import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { CsiError } from '../../src/errors.js';

/** `<repo>/../shared`, the read-only material from other projects (absent on some machines). */
export const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', 'shared');
export const HAS_SHARED = existsSync(SHARED);
export const SKIP_MSG = '../shared is absent';

/** Runs fn, expects a CsiError, returns it. */
export function err(fn: () => unknown): CsiError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CsiError);
    return e as CsiError;
  }
  throw new Error('expected a CsiError');
}
