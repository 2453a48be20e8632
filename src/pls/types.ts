import type { CsiWarning } from '../errors.js';
import type { ConsistentResult } from '../quality/consistentPls.js';
import type { QualityReport } from '../quality/types.js';

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
  /**
   * Also compute f² for every path (seminr's way: the whole model re-estimated without the path, once per path).
   * Default false (it multiplies the cost of an estimate by the number of paths).
   */
  fSquared?: boolean;
  /**
   * Compute the measurement-quality report (`result.quality`: reliability, HTMT, Fornell–Larcker, VIF). Default true;
   * resampling loops that need only paths and weights may switch it off.
   */
  quality?: boolean;
  /**
   * Sampling weights (weighted PLS): true = the survey's weight column, false = none, or one weight per row.
   * Default: the survey's weights when it has a weight column. Ignored by `estimateFromMoments` (the moments
   * already carry their weights).
   */
  weights?: boolean | Float64Array;
}

/** Every estimation choice, defaults filled: echoed in {@link PlsResult}. */
export interface PlsSettings {
  scheme: InnerScheme;
  missing: MissingRule;
  maxIterations: number;
  tolerance: number;
  consistent: boolean;
  scores: boolean;
  fSquared: boolean;
  quality: boolean;
  /** True when rows carried sampling weights. */
  weighted: boolean;
  /** True when a higher-order construct was estimated by the disjoint two-stage approach. */
  twoStage: boolean;
}

/** One structural effect `from → to`. */
export interface PlsEffect {
  from: string;
  to: string;
  estimate: number;
}

/** What a missing-value rule did. Cell and row counts are row counts with multiplicity (Σ counts), not weights. */
export interface MissingReport {
  rule: MissingRule;
  /** Rows the estimate is based on (casewise: complete rows). */
  rowsUsed: number;
  /** Missing item cells among the model's items in the rows considered (casewise: in the rows kept, i.e. 0). */
  missingCells: number;
  /** Cells filled with the item mean (rule 'mean'), else 0. */
  cellsReplaced: number;
  /** Rows dropped (rule 'casewise'), else 0. Only known when estimating from a survey; 0 from moments. */
  rowsDeleted: number;
  /** Smallest Σw of rows where a pair of items is observed together (rule 'pairwise'), else null. */
  minPairwiseN: number | null;
}

/** The result of `estimate` / `estimateFromMoments`: plain data, keyed by construct and item names. */
export interface PlsResult {
  /** Rows used (casewise: complete rows; with weights still a row count). */
  n: number;
  /** Σw of the rows used (= n without weights); the sample size of the n − 1 divisor and of adjusted R². */
  sumWeights: number;
  /** seminr's iteration count: the 0-based loop index at the break (updates performed = iterations + 1). */
  iterations: number;
  converged: boolean;
  /** Σ|W_new − W_old| at the last iteration. */
  weightDiff: number;
  settings: PlsSettings;
  /** Construct names in model order (dimensions of higher-order constructs included). */
  constructs: string[];
  /** Outer weights on the standardized scale: construct → item → w (a higher-order construct's items are its dimensions). */
  outerWeights: Record<string, Record<string, number>>;
  /** Loadings cor(item, construct) of each block: construct → item → λ. */
  loadings: Record<string, Record<string, number>>;
  /** cor(item, construct) for every item and construct: item → construct → r. */
  crossLoadings: Record<string, Record<string, number>>;
  /** Path coefficients, in model path order. */
  paths: PlsEffect[];
  /** R² and adjusted R² of every endogenous construct. */
  rSquared: Record<string, { r2: number; adjR2: number }>;
  directEffects: PlsEffect[];
  /** Total minus direct effect, for every pair joined by a directed path of length ≥ 2. */
  indirectEffects: PlsEffect[];
  /** T = Σ_{k≥1} B^k for every pair joined by a directed path. */
  totalEffects: PlsEffect[];
  /** Correlations of the construct scores: construct → construct → r. */
  constructCorrelations: Record<string, Record<string, number>>;
  /** Construct scores (only with `scores: true` and rows): one value per survey row, NaN for rows not used. */
  scores?: Record<string, Float64Array>;
  missing: MissingReport;
  warnings: CsiWarning[];
  /** The p × p core (for a higher-order model: stage 2, with the dimensions as indicators). */
  fit: PlsFit;
  /** Stage 1 of a higher-order model (dimensions linked directly in the structural model). */
  firstStage?: PlsFit;
  /** Measurement and structural quality (alpha, rhoC, rhoA, AVE, HTMT, Fornell–Larcker, VIF, f²) from `assessQuality`. */
  quality?: QualityReport;
  /**
   * PLSc (only with `consistent: true`): then `paths`, `rSquared`, the effects and `loadings` are the consistent
   * ones, and this holds the whole PLSc result (ρ_A used, admissibility).
   */
  consistent?: ConsistentResult;
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
  iterations: number;
  converged: boolean;
  /** Σ|ΔW| at the last iteration. */
  weightDiff: number;
  warnings: CsiWarning[];
}
