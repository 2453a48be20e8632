/** Node-only inference: the worker_threads bootstrap runner. Exported from `csikit/node` only. */
export { bootstrapParallel, defaultWorkerUrl, BOOTSTRAP_WORKER_FILE, DEFAULT_MIN_PARALLEL_MS, type ParallelBootstrapOptions } from './parallel.js';
