import type * as DuckDBApi from '@duckdb/node-api';

/** The `@duckdb/node-api` module. */
export type DuckDBModule = typeof DuckDBApi;

let cached: Promise<DuckDBModule> | null = null;

/**
 * Loads the optional peer `@duckdb/node-api` once, on first use (so `csi` and `csikit/duckdb` start without it).
 *
 * The package is CommonJS (124 files re-exported from one index). Node's ESM `import()` of a CommonJS package runs
 * the cjs-module-lexer over every re-exported file to find named exports, which cost ~90 ms per process here (Node 20,
 * `import()` 190–197 ms vs `require` 96–104 ms, bench/engines.bench.ts). So it is `require`d through
 * `module.createRequire` when the runtime offers `process.getBuiltinModule` (Node ≥ 20.16), else `import()`ed.
 * Both give the same module object (Node keeps one CommonJS cache).
 *
 * @example
 * const { DuckDBInstance } = await loadDuckDB();
 * const instance = await DuckDBInstance.create(':memory:');
 */
export function loadDuckDB(): Promise<DuckDBModule> {
  cached ??= load().catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}

async function load(): Promise<DuckDBModule> {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const nodeModule = typeof getBuiltin === 'function' ? (getBuiltin('node:module') as typeof import('node:module') | undefined) : undefined;
  if (nodeModule) {
    // Resolve from this file, as import() would: __filename in the CommonJS build, import.meta.url in ESM.
    const base = typeof __filename === 'string' ? __filename : import.meta.url;
    return nodeModule.createRequire(base)('@duckdb/node-api') as DuckDBModule;
  }
  return import('@duckdb/node-api');
}
