import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { startCli } from './runCli.js';

export { commands, describeCliError, runCli, startCli } from './runCli.js';

/**
 * The `csi` command from the sources (`tsx src/cli/main.ts …`) and the module tests import. The shipped executable is
 * `dist/cli.cjs` (src/cli/loader.ts), which runs src/cli/bin.ts and the commands as two scripts with V8 code caches
 * (scripts/build-cli.ts).
 */
function isEntry(): boolean {
  const script = process.argv[1];
  if (!script || !isMainThread) return false; // a worker thread that loads this module must not run the CLI
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) startCli(process.argv.slice(2));
