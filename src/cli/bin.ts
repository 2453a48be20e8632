/**
 * Entry of the shipped `csi` bundle (dist/cli-bundle.cjs, which dist/cli.js compiles with its V8 code cache, see
 * src/cli/loader.ts): runs the CLI on the process's arguments. Nothing else imports this module.
 */
import { isMainThread } from 'node:worker_threads';
import { startCli } from './runCli.js';

// a worker thread never runs the CLI (bootstrap workers load dist/bootstrap-worker.js, not this bundle)
if (isMainThread) startCli(process.argv.slice(2));
