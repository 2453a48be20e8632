import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      node: 'src/node.ts',
      internals: 'src/internals.ts',
      duckdb: 'src/engines/duckdb/index.ts',
      clickhouse: 'src/engines/clickhouse/index.ts',
      'bootstrap-worker': 'src/inference/node/parallel.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    external: ['@duckdb/node-api', '@clickhouse/client', 'node:fs', 'node:stream', 'node:path', 'node:os', 'node:worker_threads', 'node:url', 'node:process'],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    // chunks: each command (and the DuckDB/ClickHouse adapters) loads only when used (src/cli/lazyCommand.ts)
    splitting: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
