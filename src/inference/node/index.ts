/** Node-only inference: the worker_threads bootstrap runner. Exported from `csikit/node` only. */
export { bootstrapParallel, defaultWorkerUrl, BOOTSTRAP_WORKER_FILE, type ParallelBootstrapOptions } from './parallel.js';
