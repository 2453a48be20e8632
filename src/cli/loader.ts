/**
 * The `csi` executable (dist/cli.js): loads the CLI, bundled with its dependencies into one CommonJS-style script
 * (dist/cli-bundle.cjs, built from src/cli/bin.ts), through V8's code cache (dist/cli-bundle.cache, written at build
 * time by running the CLI once on a small generated survey, see scripts/build-cli.ts).
 *
 * Why: Node 20 caches no compiled code for ES modules. Loading the CLI as ~30 ES module chunks cost the process
 * ~30 ms compiling, ~25 ms of the CommonJS lexer over ml-matrix and ~25 ms resolving files; the one script with
 * its code cache skips all three (the cache holds the bytecode of the functions the build run compiled).
 *
 * When the cache is missing, or V8 rejects it (another Node/V8 version or other V8 flags than the build's), the
 * script is compiled from its source as usual: same behaviour, only slower (~10 ms more for `csi --help`, ~20 ms for
 * `csi estimate`). Without `vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER` (Node < 20.12), the bundle is `require`d
 * instead, so `import()` inside it still works.
 *
 * With `CSI_CODE_CACHE_OUT=<file>` in the environment, the code cache is written to that file when the process
 * exits (the build does this).
 */
import { fileURLToPath } from 'node:url';
import { CLI_BUNDLE_FILE, CLI_CODE_CACHE_FILE, runWithCodeCache } from './codeCache.js';

const bundle = fileURLToPath(new URL(`./${CLI_BUNDLE_FILE}`, import.meta.url));
runWithCodeCache(bundle, fileURLToPath(new URL(`./${CLI_CODE_CACHE_FILE}`, import.meta.url)), process.env.CSI_CODE_CACHE_OUT || undefined);
