/**
 * Defines `obj[key]` as an enumerable property computed on first read: the first read (or `JSON.stringify`,
 * spreading, `structuredClone`, deep equality) calls `compute` once and replaces the accessor by a plain data
 * property holding the value, at the same position in the key order. Writing it before any read replaces it too.
 * For parts of a result that cost more than the rest together and are often not read (quality measures).
 *
 * @example
 * const r: { n: number; heavy?: number } = { n: 1 };
 * defineLazy(r, 'heavy', () => expensive());
 * r.heavy; // computed now, once
 */
export function defineLazy<T extends object, K extends keyof T>(obj: T, key: K, compute: () => T[K]): void {
  let done = false;
  let cached: T[K];
  const settle = (value: T[K]): void => {
    cached = value;
    done = true;
    // a frozen or sealed object keeps the accessor, which then returns the cached value
    if (Object.isExtensible(obj)) Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get(): T[K] {
      if (done) return cached;
      const value = compute();
      settle(value);
      return value;
    },
    set(value: T[K]) {
      settle(value);
    },
  });
}
