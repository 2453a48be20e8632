import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { startCli } from './runCli.js';

export { commands, describeCliError, runCli, startCli } from './runCli.js';

/**
 * The `csi` command from the sources (`tsx src/cli/main.ts …`) and the module tests import. The shipped executable is
 * `dist/cli.js` (src/cli/loader.ts), which runs the one-file bundle of src/cli/bin.ts.
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
