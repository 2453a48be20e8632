/**
 * The `csi` executable (dist/cli.cjs, a CommonJS script: Node then never starts its ES module loader, ~2–4 ms): loads the CLI, bundled with its dependencies into two CommonJS-style scripts
 * (dist/cli-bundle.cjs: the entry, help and flags, built from src/cli/bin.ts; dist/cli-commands.cjs: the commands,
 * required when one runs), each through its V8 code cache (dist/cli-bundle.cache, dist/cli-commands.cache, written at
 * build time by running the CLI once on a small generated survey, see scripts/build-cli.ts).
 *
 * Why: Node 20 caches no compiled code for ES modules. Loading the CLI as ~30 ES module chunks cost the process
 * ~30 ms compiling, ~25 ms of the CommonJS lexer over ml-matrix and ~25 ms resolving files; the scripts with their
 * code caches skip all three (a cache holds the bytecode of the functions the build run compiled). `csi --help`
 * reads only the small entry script and its cache.
 *
 * When a cache is missing, or V8 rejects it (another Node/V8 version or other V8 flags than the build's), the
 * script is compiled from its source as usual: same behaviour, only slower (~30 ms more CPU for `csi estimate`).
 * Without `vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER` (Node < 20.12), the entry script is `require`d instead, so
 * `import()` inside it still works.
 *
 * With `CSI_CODE_CACHE_WRITE=1` in the environment, each script writes a fresh code cache when the process exits
 * (the build does this).
 */
import { join } from 'node:path';
import { CLI_BUNDLE_FILE, CODE_CACHE_WRITE_ENV, runWithCodeCache } from './codeCache.js';

// built as CommonJS (scripts/build-cli.ts): __dirname is the folder of dist/cli.cjs
try {
  runWithCodeCache(join(__dirname, CLI_BUNDLE_FILE), Boolean(process.env[CODE_CACHE_WRITE_ENV]));
} catch (e) {
  // the entry script is missing or broken (a damaged install): one plain line, no stack trace
  process.stderr.write(`csi: internal error: cannot load ${join(__dirname, CLI_BUNDLE_FILE)} (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); reinstall csikit or run \`npm run build\`.\n`);
  process.exitCode = 1; // as runCli for an internal error
}
