import { defineConfig } from 'tsup';
import { buildCli } from './scripts/build-cli.js';

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
    // The `csi` executable (dist/cli.cjs, cli-bundle.cjs and its V8 code cache, see scripts/build-cli.ts), after the
    // library: the build runs the CLI once, and `--boot` there uses dist/bootstrap-worker.js.
    onSuccess: async () => {
      await buildCli('dist');
    },
  },
]);
