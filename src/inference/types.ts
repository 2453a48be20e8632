import type { CsiWarning } from '../errors.js';
import type { EstimateOptions } from '../pls/index.js';
import type { DrawSummary } from './summarize.js';
import type { StatisticGroup } from './statistics.js';
import type { Uint32Source } from './rng.js';
import type { ResampleIndices } from './resamples.js';

/** Which interval `lower`/`upper` report. All of percentile and BC are always computed; BCa when asked for. */
export type IntervalMethod = 'percentile' | 'bc' | 'bca';

/** Sign-change handling of resampled weights, loadings, paths and total effects. */
export type SignCorrection = 'none' | 'individual';

/** Options shared by {@link bootstrap} and {@link bootstrapStatistic}. */
export interface ResampleOptions {
  /** Number of resamples B. Default 5000 (SmartPLS' recommendation; seminr's default is 500). Ignored with `indices`. */
  resamples?: number;
  /**
   * Seed (the one seed contract, `Seed` in stats: an integer in [0, 2^31 − 1]); resample r depends only on
   * (seed, r). Default: a random seed, reported in the result so the run can be repeated. The in-engine Poisson
   * bootstrap takes the same seeds but draws other resamples by design (Poisson vs multinomial; see `Seed`).
   */
  seed?: number;
  /** Explicit resamples as 0-based row indices (one array per resample), e.g. from {@link parseResamples}. */
  indices?: ResampleIndices;
  /** Stop promptly when aborted; the promise then rejects with `CsiError('ABORTED')`. */
  signal?: AbortSignal;
  /** Called with (resamples done, total) at most every ~50 ms and once at the end. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Threads computing resamples. Ignored by the core `bootstrap` (browser-safe, sequential); the Node runner
   * `bootstrapParallel` (csikit/node) uses this many threads, the calling one included (default: available cores),
   * when the job is long enough to pay.
   */
  workers?: number;
  /** Interval reported as lower/upper. Default 'percentile' (seminr). 'bca' also computes the jackknife. */
  ci?: IntervalMethod;
  /** Confidence level. Default 0.95. */
  level?: number;
  /**
   * Compute BCa intervals (needs a jackknife: one re-estimation per left-out group). Default: true when ci = 'bca'.
   */
  bca?: boolean;
  /**
   * Maximum number of jackknife groups. With n ≤ this, the exact leave-one-out jackknife; beyond, rows are dealt into
   * this many interleaved groups (row i → group i mod G) and the delete-a-group jackknife is used. Default 1000.
   */
  jackknifeGroups?: number;
  /** Injected generator factory (tests): the uint32 source of resample r. Default {@link createResampleRng}(seed, r). */
  rng?: (r: number) => Uint32Source;
  /** Keep the B × K matrix of draws in the result (`draws`). Default false. */
  keepDraws?: boolean;
}

/** Maps a resample's estimation result to extra named statistics (e.g. 0-100 indices) bootstrapped alongside. */
export type ExtraStatistics<R> = (result: R) => Record<string, number>;

/** One bootstrapped statistic: where it is, and its {@link DrawSummary}, plus the chosen interval as lower/upper. */
export interface BootstrapEntry extends DrawSummary {
  name: string;
  from?: string;
  to?: string;
  construct?: string;
  /** Lower limit of the interval chosen by `ci`. */
  lower: number;
  /** Upper limit of the interval chosen by `ci`. */
  upper: number;
}

/** Resamples left out of the summaries, by reason. */
export interface BootstrapDropped {
  count: number;
  /** reason: an error code (ZERO_VARIANCE, SINGULAR, NOT_CONVERGED, INADMISSIBLE, NON_FINITE, …); resamples: 1-based numbers (first 50). */
  reasons: { reason: string; count: number; resamples: number[]; message: string }[];
}

/** What a bootstrap returns. */
export interface BootstrapResultBase {
  /** Resamples used (requested − dropped). */
  nboot: number;
  /** Resamples requested. */
  requested: number;
  /** Seed used (null with explicit indices). */
  seed: number | null;
  level: number;
  ci: IntervalMethod;
  dropped: BootstrapDropped;
  /** Number of jackknife groups used for BCa (absent without BCa). */
  jackknifeGroups?: number;
  /** Worker threads that computed resamples (Node runner only; absent when everything ran in the calling thread). */
  workersUsed?: number;
  /** B × K draws, resample-major, NaN rows for dropped resamples (only with keepDraws). */
  draws?: Float64Array;
  warnings: CsiWarning[];
}

/** Result of {@link bootstrap}. */
export interface BootstrapResult extends BootstrapResultBase {
  signCorrection: SignCorrection;
  outerWeights: BootstrapEntry[];
  loadings: BootstrapEntry[];
  paths: BootstrapEntry[];
  totalEffects: BootstrapEntry[];
  rSquared: BootstrapEntry[];
  htmt: BootstrapEntry[];
  /** Statistics from `extraStatistics`, by key. */
  extra: BootstrapEntry[];
}

/** Result of {@link bootstrapStatistic}: one entry per statistic, in the order the function returned them. */
export interface BootstrapStatisticResult extends BootstrapResultBase {
  statistics: BootstrapEntry[];
}

/** Options of {@link bootstrap}. */
export interface BootstrapOptions<R = unknown> extends ResampleOptions {
  /** Estimation options passed to every fit (scheme, missing, maxIterations, tolerance, consistent). */
  estimateOptions?: EstimateOptions;
  /**
   * 'none' (default, as seminr and cSEM): draws are used as they come. With mode-A weights started at 1 the sign of
   * each composite is anchored to its item sum, so flips are rare. 'individual' (Tenenhaus et al. 2005): a draw of a
   * weight, loading, path or total effect whose sign differs from the full-sample estimate is multiplied by −1.
   */
  signCorrection?: SignCorrection;
  /** Bootstrap HTMT too. Default true. */
  htmt?: boolean;
  /** Extra statistics computed from each resample's estimation result (e.g. 0-100 indices). */
  extraStatistics?: ExtraStatistics<R>;
  /**
   * Use the lean estimator for first-order models without PLSc and without `extraStatistics` (item correlations
   * from the moments, then the PLS loop; no result naming or quality per resample). Same numbers, several times
   * faster. Default true.
   */
  lean?: boolean;
  /** Drop resamples whose iteration did not converge. Default true (seminr keeps them: it raises no warning). */
  dropNonConverged?: boolean;
}

/** A statistic's family tag, re-exported for result consumers. */
export type { StatisticGroup };
