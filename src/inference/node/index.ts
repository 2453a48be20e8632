/** Node-only inference: the worker_threads bootstrap runner. Exported from `csikit/node` only. */
export { bootstrapParallel, type ParallelBootstrapOptions } from './parallel.js';
