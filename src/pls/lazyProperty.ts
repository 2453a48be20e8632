/**
 * Defines `obj[key]` as an enumerable property computed on first read: the first read (or `JSON.stringify`,
 * spreading, `structuredClone`, deep equality) calls `compute` once and replaces the accessor by a plain data
 * property holding the value, at the same position in the key order. Writing it before any read replaces it too.
 * For parts of a result that cost more than the rest together and are often not read (quality measures).
 *
 * The accessor's get and set functions are shared by every object (one pair per key), and each object's state sits
 * under a non-enumerable symbol: V8 keeps an accessor's functions in the object's shape, so a fresh closure pair
 * per object would give every object a shape of its own (measured: results 10× slower to make and promoted to the
 * old generation). The symbol is invisible to JSON, spreading, `Object.keys`, `structuredClone` and deep equality.
 *
 * @example
 * const r: { n: number; heavy?: number } = { n: 1 };
 * defineLazy(r, 'heavy', () => expensive());
 * r.heavy; // computed now, once
 */
export function defineLazy<T extends object, K extends keyof T>(obj: T, key: K, compute: () => T[K]): void {
  const lazy = lazyKey(key);
  const state: LazyState = { obj, compute, done: false, value: undefined };
  Object.defineProperty(obj, lazy.symbol, { value: state, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(obj, key, lazy.descriptor);
}

interface LazyState {
  obj: object;
  compute: () => unknown;
  done: boolean;
  value: unknown;
}

interface LazyKey {
  symbol: symbol;
  descriptor: PropertyDescriptor;
}

const keys = new Map<PropertyKey, LazyKey>();

/** The shared state symbol and accessor of a key. */
function lazyKey(key: PropertyKey): LazyKey {
  let lazy = keys.get(key);
  if (lazy) return lazy;
  const symbol = Symbol(`lazy ${String(key)}`);
  const settle = (state: LazyState, value: unknown): void => {
    state.value = value;
    state.done = true;
    // a frozen or sealed object keeps the accessor, which then returns the cached value
    if (Object.isExtensible(state.obj)) Object.defineProperty(state.obj, key, { value, writable: true, enumerable: true, configurable: true });
  };
  lazy = {
    symbol,
    descriptor: {
      enumerable: true,
      configurable: true,
      get(this: Record<symbol, LazyState>): unknown {
        const state = this[symbol];
        if (state.done) return state.value;
        const value = state.compute();
        settle(state, value);
        return value;
      },
      set(this: Record<symbol, LazyState>, value: unknown) {
        settle(this[symbol], value);
      },
    },
  };
  keys.set(key, lazy);
  return lazy;
}
