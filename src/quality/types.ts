import type { CsiWarning } from '../errors.js';

/** The parts of a {@link CompositeFit} that measurement-quality functions read (a plain object with these fields will do). */
export type MeasurementFit = Pick<CompositeFit, 'itemNames' | 'constructNames' | 'blocks' | 'modes' | 'itemCorrelation' | 'weights' | 'crossLoadings'>;

/** seminr's four reliability figures of one construct (`summary(model)$reliability`). */
export interface ConstructReliability {
  /** Standardized Cronbach's alpha. */
  alpha: number;
  /** Composite reliability ρ_C. */
  rhoC: number;
  /** Dijkstra–Henseler's ρ_A (1 for single-item and mode-B constructs). */
  rhoA: number;
  /** Average variance extracted. */
  ave: number;
}

/** One heterotrait–monotrait ratio, for constructs `a` and `b` (a before b in construct order). */
export interface HtmtEntry {
  a: string;
  b: string;
  value: number;
}

/** The Fornell–Larcker table and its verdict. */
export interface FornellLarckerResult {
  constructs: string[];
  /** m × m: diagonal sqrt(AVE), off-diagonal construct correlations (symmetric). */
  matrix: number[][];
  /** Per construct: sqrt(AVE) exceeds its absolute correlation with every other construct. */
  pass: Record<string, boolean>;
}

/** f² of one structural path. */
export interface FSquaredEntry {
  from: string;
  to: string;
  value: number;
}

/**
 * Re-estimates the whole model without the path `from → to` and returns the R² of `to` in that model (seminr's way
 * of getting R²_excluded for f²). Supplied by the estimator.
 */
export type ReestimateWithoutPath = (withoutPath: { from: string; to: string }) => number;

/** Rule-of-thumb thresholds behind the quality warnings (Hair et al. 2019; methodology §8.4). */
export interface QualityThresholds {
  /** Minimum loading of an item of a multi-item mode-A block. Default 0.708. */
  loading: number;
  /** Minimum alpha, ρ_C and ρ_A. Default 0.7. */
  reliabilityMin: number;
  /** Maximum alpha, ρ_C and ρ_A (redundant items above). Default 0.95. */
  reliabilityMax: number;
  /** Minimum AVE. Default 0.5. */
  ave: number;
  /** Maximum HTMT. Default 0.9. */
  htmt: number;
  /** Maximum item and inner VIF. Default 5. */
  vif: number;
}

/** The measurement-quality part of an estimation result. */
export interface QualityReport {
  reliability: Record<string, ConstructReliability>;
  htmt: HtmtEntry[];
  fornellLarcker: FornellLarckerResult;
  /** construct → item → VIF of the item on the other items of its block. */
  itemVif: Record<string, Record<string, number>>;
  /** endogenous construct → predictor → VIF among that construct's predictors. */
  innerVif: Record<string, Record<string, number>>;
  /** Present when `assessQuality` was given a re-estimation callback. */
  fSquared?: FSquaredEntry[];
  warnings: CsiWarning[];
}

/**
 * The matrices of a composite model fit (a PLS fit's p × p core without its iteration record): what quality
 * measures and PLSc read. Matrices are row-major `Float64Array`s. Items are indexed as in `itemNames`, constructs
 * as in `constructNames`. Defined here, below pls/, so quality never imports the estimator; `PlsFit` extends it.
 */
export interface CompositeFit {
  /** Indicators used, block by block (for a higher-order construct's stage 2, its dimensions' names). */
  itemNames: string[];
  constructNames: string[];
  /** blocks[j] = indices into itemNames of construct j's indicators. */
  blocks: number[][];
  modes: ('A' | 'B')[];
  /**
   * Sample size of the n − 1 divisor and adjusted R²: rows used (after casewise deletion); with sampling weights
   * their Σw (frequency-weight convention); for pairwise deletion the smallest pairwise count (Σw).
   */
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
}
