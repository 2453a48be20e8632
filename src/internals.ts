/**
 * `csikit/internals`: every kernel behind the public API (linear algebra, random number generators, quantiles and
 * intervals, PLS stages, single quality measures, SQL builders). For engines, tests and the curious; names here may
 * change between minor versions. Applications should use `csikit`.
 *
 * @example
 * import { xoshiro128ss, solveSpd } from 'csikit/internals';
 */
export * from './stats/index.js';
export * from './pls/index.js';
export * from './quality/index.js';
export * from './inference/index.js';
export * from './engines/index.js';
