import type { Codebook } from '../../src/data/codebook.js';
import { CsiError } from '../../src/errors.js';

/** A codebook with items on 1..max (default 1-10). */
export function cb(items: string[], extra: Partial<Codebook> = {}, max = 10): Codebook {
  return { items: items.map((id) => ({ id, scale: { min: 1, max } })), ...extra };
}

/** Runs `f`, expects a CsiError, returns it. */
export function csiErrorOf(f: () => unknown): CsiError {
  try {
    f();
  } catch (e) {
    if (e instanceof CsiError) return e;
    throw new Error(`expected a CsiError, got ${String(e)}`);
  }
  throw new Error('expected a CsiError, but nothing was thrown');
}

/** Async variant of {@link csiErrorOf}. */
export async function csiErrorOfAsync(f: () => Promise<unknown>): Promise<CsiError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof CsiError) return e;
    throw new Error(`expected a CsiError, got ${String(e)}`);
  }
  throw new Error('expected a CsiError, but nothing was thrown');
}
