import type { CsiWarning } from '../errors.js';

/** Inner weighting scheme (methodology §8.1 step 6). seminr has path and factorial; centroid as plspm/cSEM/ADANCO. */
export type InnerScheme = 'path' | 'factorial' | 'centroid';

/** Missing-value rule: seminr's mean replacement (default), casewise (listwise) deletion, or pairwise deletion. */
export type MissingRule = 'mean' | 'casewise' | 'pairwise';

/** Options of `estimate`. Every choice is echoed in the result's `settings`. */
export interface EstimateOptions {
  /** Inner weighting scheme. Default 'path' (seminr's default). */
  scheme?: InnerScheme;
  /** Missing-value rule. Default 'mean' (seminr's default). */
  missing?: MissingRule;
  /** Maximum number of iterations. Default 300 (seminr). */
  maxIterations?: number;
  /** Stop when Σ|W_new − W_old| < tolerance. Default 1e-7 (seminr stopCriterion = 7). */
  tolerance?: number;
  /** Consistent PLS (PLSc) for `=~` constructs. Default false: never switched on silently. */
  consistent?: boolean;
  /** Compute construct scores (needs rows, not only moments). Default false. */
  scores?: boolean;
}

/**
 * The p × p core of a PLS fit: what quality measures, PLSc and the bootstrap read. Matrices are row-major
 * `Float64Array`s. Items are indexed as in `itemNames`, constructs as in `constructNames`.
 */
export interface PlsFit {
  /** Indicators used, block by block (for a higher-order construct's stage 2, its dimensions' names). */
  itemNames: string[];
  constructNames: string[];
  /** blocks[j] = indices into itemNames of construct j's indicators. */
  blocks: number[][];
  modes: ('A' | 'B')[];
  /** Rows used (after casewise deletion); for pairwise, the smallest pairwise count. */
  n: number;
  /** Item correlation matrix S (p × p) the algorithm worked on. */
  itemCorrelation: Float64Array;
  /** Outer weights (p × m), standardized scale, zero outside each block. */
  weights: Float64Array;
  /** cor(item, construct) for every item and construct (p × m): loadings in-block, cross-loadings elsewhere. */
  crossLoadings: Float64Array;
  /** Construct correlation matrix (m × m). */
  constructCorrelation: Float64Array;
  /** Path coefficients B (m × m), B[from * m + to]. */
  paths: Float64Array;
  /** R² per construct; NaN for exogenous constructs. */
  rSquared: Float64Array;
  /** Structural adjacency: adjacency[from * m + to] = 1 where the model has that path. */
  adjacency: Uint8Array;
  iterations: number;
  converged: boolean;
  /** Σ|ΔW| at the last iteration. */
  weightDiff: number;
  warnings: CsiWarning[];
}
