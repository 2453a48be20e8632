/**
 * The compiled module of `bytes`, or null where WebAssembly is missing (`globalThis.WebAssembly` absent), refused
 * (a Content-Security-Policy without 'wasm-unsafe-eval' makes the compile throw) or lacks an instruction the module
 * uses (SIMD on an old engine): the caller then runs its JavaScript path, which gives the same numbers. The compile is
 * synchronous (`new WebAssembly.Module`): browsers allow that on the main thread for modules up to
 * {@link SYNC_COMPILE_LIMIT} bytes (older Chromium refused larger ones), so keep modules meant for the main thread
 * below it. Nothing is cached here: callers keep their module (and may compare `wasmApi()` to see a stubbed global).
 *
 * @example
 * const module = compileWasm(bytes);
 * if (module) new WebAssembly.Instance(module, imports); // else: the JavaScript path
 */
export function compileWasm(bytes: Uint8Array<ArrayBuffer>): WebAssembly.Module | null {
  const api = wasmApi();
  if (api === null) return null;
  try {
    return new api.Module(bytes);
  } catch {
    return null;
  }
}

/**
 * The WebAssembly API of this realm, or null where there is none — or where typed arrays are big-endian (Node on
 * s390x): WebAssembly memory is always little-endian, and csikit's kernels exchange their data through Float64Array,
 * Int32Array and Int16Array views of it in the platform's byte order, so there the JavaScript paths run.
 *
 * @example
 * wasmApi() !== null // true in Node and every current browser on x86-64 and ARM
 */
export function wasmApi(): typeof WebAssembly | null {
  const api = (globalThis as { WebAssembly?: typeof WebAssembly }).WebAssembly;
  return typeof api === 'object' && api !== null && LITTLE_ENDIAN ? api : null;
}

/** True where typed arrays use little-endian byte order, WebAssembly's (x86-64 and ARM; not s390x). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Largest module compiled synchronously on a browser's main thread: Chromium before version 114 (2023) refused
 * synchronous compiles of larger modules there (blink-dev, "Intent to Ship: Deprecate module size limit for
 * WebAssembly.Module()").
 */
export const SYNC_COMPILE_LIMIT = 4096;
