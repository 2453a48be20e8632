/**
 * Helper for bit-for-bit comparisons of whole results.
 */

/**
 * Everything a result holds, quality included, as exact text (numbers by their bits, −0 and NaN payloads kept).
 *
 * @example
 * expect(exact(estimateFromMoments(m, model))).toBe(exact(estimateFromMoments(m, model)));
 */
export function exact(v: unknown): string {
  const buf = new DataView(new ArrayBuffer(8));
  const enc = (x: unknown): unknown => {
    if (typeof x === 'number') {
      buf.setFloat64(0, x);
      return `n${buf.getBigUint64(0).toString(16)}`;
    }
    if (ArrayBuffer.isView(x)) return Array.from(x as unknown as ArrayLike<number>, enc);
    if (Array.isArray(x)) return x.map(enc);
    if (x && typeof x === 'object') return Object.fromEntries(Object.keys(x).map((k) => [k, enc((x as Record<string, unknown>)[k])]));
    return x;
  };
  return JSON.stringify(enc(v));
}
