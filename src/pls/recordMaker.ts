/**
 * Makers of the result's named tables (`{ IMAG1: 0.71, IMAG2: 0.65, … }`) for a fixed list of keys, built once per
 * model. Filling a fresh object key by key costs V8 a keyed store with a shape transition per property (≈ 7 µs for
 * mobi's 24 × 7 cross-loadings); a function generated for the keys returns one object literal (≈ 0.3 µs), with the
 * same own enumerable properties in the same order holding the same values. Where code cannot be generated (a
 * Content-Security-Policy without 'unsafe-eval'), for more than {@link MAX_GENERATED_KEYS} keys, or for a key that
 * a literal treats differently from an assignment (`__proto__`), the maker is the plain loop.
 */

/** values[at[i]] under keys[i], for every i, in key order. */
export type NumberRecordMaker = (values: ArrayLike<number>, at: Int32Array) => Record<string, number>;
/** values[i] under keys[i], for every i, in key order. */
export type RecordMaker<T> = (values: readonly T[]) => Record<string, T>;

/** Largest key list given a generated maker (a longer literal compiles slowly and gains little). */
export const MAX_GENERATED_KEYS = 512;

let generate = true;

/**
 * Switches code generation off (false) or on (true, the default) for makers built afterwards; returns the former
 * setting. For tests that compare the generated makers with the plain loops.
 *
 * @example
 * const before = setRecordCodegen(false); try { ... } finally { setRecordCodegen(before); }
 */
export function setRecordCodegen(on: boolean): boolean {
  const before = generate;
  generate = on;
  return before;
}

/**
 * A maker of `{ [keys[i]]: values[at[i]] }` (numbers gathered through an index array).
 *
 * @example
 * numberRecordMaker(['a', 'b'])(Float64Array.of(1, 2, 3), Int32Array.of(2, 0)) // { a: 3, b: 1 }
 */
export function numberRecordMaker(keys: readonly string[]): NumberRecordMaker {
  const body = literalBody(keys, (i) => `v[a[${i}]]`);
  if (body !== null) {
    const f = compile(['v', 'a'], body);
    if (f) return f as NumberRecordMaker;
  }
  const ks = keys.slice();
  return (values, at) => {
    const out: Record<string, number> = {};
    for (let i = 0; i < ks.length; i++) out[ks[i]] = values[at[i]];
    return out;
  };
}

/**
 * A maker of `{ [keys[i]]: values[i] }`.
 *
 * @example
 * recordMaker<number>(['a', 'b'])([1, 2]) // { a: 1, b: 2 }
 */
export function recordMaker<T>(keys: readonly string[]): RecordMaker<T> {
  const body = literalBody(keys, (i) => `v[${i}]`);
  if (body !== null) {
    const f = compile(['v'], body);
    if (f) return f as RecordMaker<T>;
  }
  const ks = keys.slice();
  return (values) => {
    const out: Record<string, T> = {};
    for (let i = 0; i < ks.length; i++) out[ks[i]] = values[i];
    return out;
  };
}

/** `return { "k0": e0, … };`, or null when a literal may not be generated for these keys. */
function literalBody(keys: readonly string[], value: (i: number) => string): string | null {
  if (!generate || keys.length > MAX_GENERATED_KEYS) return null;
  const parts: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (typeof k !== 'string' || k === '__proto__') return null;
    parts.push(`${JSON.stringify(k)}: ${value(i)}`);
  }
  return `return { ${parts.join(', ')} };`;
}

function compile(params: string[], body: string): ((...args: never[]) => unknown) | null {
  try {
    return new Function(...params, body) as (...args: never[]) => unknown;
  } catch {
    return null; // e.g. EvalError under a Content-Security-Policy
  }
}
