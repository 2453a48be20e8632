import type { CsiWarning } from '../errors.js';
import type { PlsFit } from '../pls/types.js';

/** The parts of a {@link PlsFit} that measurement-quality functions read (a plain object with these fields will do). */
export type MeasurementFit = Pick<PlsFit, 'itemNames' | 'constructNames' | 'blocks' | 'modes' | 'itemCorrelation' | 'weights' | 'crossLoadings'>;

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
