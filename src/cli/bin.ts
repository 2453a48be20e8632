/**
 * Entry of the shipped `csi` (dist/cli-bundle.cjs, which dist/cli.cjs runs through its V8 code cache, see
 * src/cli/loader.ts): runs the CLI on the process's arguments. Nothing else loads it: bootstrap workers load
 * dist/bootstrap-worker.js, so no `isMainThread` check here (node:worker_threads would cost `csi --help` ~2 ms).
 */
import { startCli } from './runCli.js';

startCli(process.argv.slice(2));
