/**
 * Running CommonJS-style scripts through V8's code cache (the shipped `csi` executable, src/cli/loader.ts).
 */
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import * as vm from 'node:vm';

/** The file name of the CLI's entry script next to the `csi` executable (dist/cli.cjs). */
export const CLI_BUNDLE_FILE = 'cli-bundle.cjs';
/** The file name of the script with the commands, which the entry script requires when a command runs. */
export const CLI_COMMANDS_FILE = 'cli-commands.cjs';
/** With this variable set in the environment, each script loaded through the cache rewrites its cache on exit. */
export const CODE_CACHE_WRITE_ENV = 'CSI_CODE_CACHE_WRITE';

/** What the CommonJS loader passes to a module's code: the scripts run inside the same wrapper. */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_TAIL = '\n})';

/** `vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER` (Node ≥ 20.12): `import()` in a vm script uses Node's own loader. */
function mainContextLoader(): typeof vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER | undefined {
  return (vm.constants as Partial<typeof vm.constants> | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
}

/**
 * The code cache file of a script: its path with `.cache` for `.cjs`.
 *
 * @example
 * codeCacheFile('/…/dist/cli-bundle.cjs') // '/…/dist/cli-bundle.cache'
 */
export function codeCacheFile(script: string): string {
  return script.replace(/\.cjs$/, '') + '.cache';
}

/** A script file compiled in the CommonJS wrapper, not yet run. */
export interface CompiledScript {
  script: vm.Script;
  /** Whether V8 took the code cache (false without one or when it was rejected). */
  cacheAccepted: boolean;
  /**
   * Runs the script as a CommonJS module of its file (its `__filename`, `__dirname`, `exports`); `require` is the
   * file's own unless one is given. Returns `module.exports`.
   */
  run(require?: NodeJS.Require | ((id: string) => unknown)): unknown;
}

/**
 * Compiles a CommonJS-style script file with V8 code cache data when given: V8 checks the data (V8 version, V8
 * flags, the source's length — not its content —, the data's own length) and compiles from the source when it does
 * not fit, so a foreign or truncated cache costs time, never behaviour; a script edited by hand to the same length
 * could keep the old bytecode (the build writes script and cache together: rebuild after any change). Dynamic `import()` inside the script uses Node's default
 * loader.
 *
 * @example
 * const { cacheAccepted, run } = compileWithCodeCache('/…/dist/cli-bundle.cjs', readCodeCache('/…/dist/cli-bundle.cache'));
 * run();
 */
export function compileWithCodeCache(file: string, cachedData?: Uint8Array): CompiledScript {
  const load = mainContextLoader();
  // an ASCII file (the build makes the scripts ASCII) becomes a one-byte string: half the memory, faster to scan
  const bytes = readFileSync(file);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const script = new vm.Script(WRAPPER_HEAD + source + WRAPPER_TAIL, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    ...(load !== undefined ? { importModuleDynamically: load } : {}),
  });
  return {
    script,
    cacheAccepted: cachedData !== undefined && script.cachedDataRejected === false,
    run(require = createRequire(file)) {
      const module = { exports: {} };
      const wrapper = script.runInThisContext() as (e: object, r: unknown, m: object, f: string, d: string) => void;
      wrapper(module.exports, require, module, file, dirname(file));
      return module.exports;
    },
  };
}

/**
 * The code cache file's bytes, or undefined when it cannot be read.
 *
 * @example
 * readCodeCache('/…/dist/cli-bundle.cache') // Buffer, or undefined when missing
 */
export function readCodeCache(cacheFile: string): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/**
 * Writes a script's code cache (the bytecode of every function compiled so far: call it after the script has run)
 * to a file, through a temporary file and a rename, so a reader never sees half a cache.
 *
 * @example
 * writeCodeCache(compiled.script, '/…/dist/cli-bundle.cache');
 */
export function writeCodeCache(script: vm.Script, cacheFile: string): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(tmp, script.createCachedData());
  renameSync(tmp, cacheFile);
}

/**
 * Runs a CommonJS-style script file through its code cache (`codeCacheFile(file)`, src/cli/loader.ts): with the
 * cache when V8 accepts it, else compiled from the source. The script's own relative `require('./x.cjs')` loads
 * that file the same way (once, as `require` would), so a script can keep a part apart that only some runs need.
 * With `writeCache`, each such script is compiled without its cache and writes a fresh one when the process exits.
 * On a Node without `vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER` (needed for `import()` inside a vm script) the
 * file is `require`d instead. Returns `module.exports`.
 *
 * @example
 * runWithCodeCache('/…/dist/cli-bundle.cjs'); // compiled with /…/dist/cli-bundle.cache when V8 takes it
 */
export function runWithCodeCache(file: string, writeCache = false): unknown {
  if (mainContextLoader() === undefined) return createRequire(file)(file);
  const loaded = new Map<string, unknown>();
  const load = (path: string): unknown => {
    if (loaded.has(path)) return loaded.get(path);
    const cacheFile = codeCacheFile(path);
    const compiled = compileWithCodeCache(path, writeCache ? undefined : readCodeCache(cacheFile));
    if (writeCache) process.once('exit', () => writeCodeCache(compiled.script, cacheFile));
    const own = createRequire(path);
    const require = (id: string): unknown => (/^\.\.?\/.*\.cjs$/.test(id) ? load(resolve(dirname(path), id)) : own(id));
    loaded.set(path, undefined);
    const exports = compiled.run(Object.assign(require, own));
    loaded.set(path, exports);
    return exports;
  };
  return load(file);
}
