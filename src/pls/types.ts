import type { CsiWarning } from '../errors.js';
import type { CompositeFit, ConsistentResult, QualityReport } from '../quality/index.js';

/** Inner weighting scheme (methodology §8.1 step 6). seminr has path and factorial; centroid as plspm/cSEM/ADANCO. */
export type InnerScheme = 'path' | 'factorial' | 'centroid';

/** Missing-value rule: owned by stats/ (`MissingRule`), re-exported here for the estimator's callers. */
export type { MissingRule } from '../stats/index.js';
import type { MissingRule } from '../stats/index.js';

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
  /**
   * Declared answer scale per item (`[min, max]`), echoed in `result.items[item].scale`. `estimate` fills it from the
   * survey's codebook; from bare moments an item not named here gets `null`.
   */
  scales?: Record<string, readonly [number, number]>;
}

/**
 * One item's summary as the estimator standardized it: what every index (0–100 rescaling, IPMA) needs.
 * Means and SDs are after the missing rule and weighted where weights are used: mean replacement leaves the mean and
 * gives the SD of the filled column (divisor Σw − 1 over all rows used); casewise uses the complete rows; pairwise the
 * rows where the item is observed.
 */
export interface ItemSummary {
  /** (Weighted) mean. */
  mean: number;
  /** (Weighted) standard deviation, divisor Σw − 1 (n − 1 without weights): exactly what the estimator divides by. */
  sd: number;
  /** Rows the figures are based on: rows used (mean replacement, casewise), rows with the item observed (pairwise). */
  n: number;
  /** The item's declared answer scale `[min, max]` (codebook), or null when unknown. */
  scale: [number, number] | null;
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
  /** Every item the model uses (first-order indicators): mean, SD, n and declared scale ({@link ItemSummary}). */
  items: Record<string, ItemSummary>;
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
 * The p × p core of a PLS fit: what quality measures, PLSc and the bootstrap read — the matrices of
 * {@link CompositeFit} (owned by quality/) plus the iteration record.
 */
export interface PlsFit extends CompositeFit {
  iterations: number;
  converged: boolean;
  /** Σ|ΔW| at the last iteration. */
  weightDiff: number;
  warnings: CsiWarning[];
}
