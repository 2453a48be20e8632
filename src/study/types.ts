/**
 * The `Study` result: one plain, JSON-safe object that `analyze(survey | moments, spec)` returns, that
 * `csi estimate --json` prints and that every report renders (docs/architecture.md). NaN is never stored: an
 * undefined figure is `null`.
 *
 * This file is the contract between the CSI-layer folders: `indices/`, `segments/`, `gaps/`, `kpi/` and `tracking/`
 * compute the pieces (their functions return exactly these shapes), `study/` assembles them, `report/` and `cli/`
 * only read them. Every key but the estimation ones is optional: a report section appears only when its key is there.
 */
import type { GapResult } from '../gaps/index.js';
import type { DistributionRow, KpiResult } from '../kpi/index.js';
import type { PlsResultJson } from '../pls/index.js';

/** A mean (or index) with its spread and a two-sided 95 % interval. `n` is respondents; `nEff` Kish's effective n. */
export interface Estimate {
  n: number;
  mean: number | null;
  sd: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  /** Kish's effective n when sampling weights are used, else equal to n. */
  nEff?: number;
}

/** `indices[C]`: the 0-100 index of construct C (issue 13). */
export type IndexEstimate = Estimate;

/** One node of the four-level hierarchy tree (1 index, 2 constructs, 3 dimensions, 4 items). */
export interface HierarchyNode {
  name: string;
  label?: { en?: string; zh?: string };
  level: 1 | 2 | 3 | 4;
  /** Weight of this node within its parent (sums to 1 over siblings). */
  weight: number;
  /** Where the weight came from: 'pls' | 'equal' | 'explicit' | 'ahp' | 'entropy'. */
  weightSource: string;
  index: { mean: number | null; se: number | null; lower: number | null; upper: number | null };
  n: number;
  children: HierarchyNode[];
  /** For AHP-weighted levels: the consistency figures of the matrix that gave the children's weights. */
  ahp?: { lambdaMax: number; ci: number; cr: number };
}

/** `ipma[T]`: importance-performance map for target T (issue 13; cSEM's doIPMA conventions). */
export interface IpmaResult {
  constructs: Record<string, { importance: number; performance: number | null }>;
  items: Record<string, { importance: number; performance: number | null }>;
  thresholds: { importance: number; performance: number };
  /** Construct → quadrant name (English key; Chinese name in `quadrantNames`). */
  quadrants: Record<string, 'strength' | 'fix' | 'opportunity' | 'maintain'>;
  /** Constructs, fix first (high importance, low performance first). */
  priorities: string[];
  /** Quadrant key → Chinese name (优势区 / 修补区 / 机会区 / 维持区). */
  quadrantNames?: Record<'strength' | 'fix' | 'opportunity' | 'maintain', string>;
}

/** One pairwise difference between two levels of a segment column (issue 14). */
export interface PairwiseDifference {
  construct: string;
  a: string;
  b: string;
  diff: number;
  t: number | null;
  df: number | null;
  p: number | null;
  pAdjusted: number | null;
}

export interface SegmentLevel {
  n: number;
  sumWeights: number;
  indices: Record<string, Estimate & { diffFromAll: number | null }>;
  kpis?: Record<string, KpiResult>;
  gaps?: GapResult[];
}

/** `segments[COL]` (issue 14). */
export interface SegmentBreakdown {
  /** Level order used (codebook's, else natural sort). */
  order: string[];
  levels: Record<string, SegmentLevel>;
  pairwise: PairwiseDifference[];
  adjust: 'holm' | 'bh' | 'none';
  /** Multi-group re-estimation, only with `--segment-estimate`. */
  reestimated?: Record<
    string,
    {
      n: number;
      paths: { from: string; to: string; estimate: number }[];
      rSquared: Record<string, { r2: number; adjR2: number }>;
    }
  >;
  /** Permutation p of each path difference between two levels, only with `--permutations N`. */
  permutation?: { from: string; to: string; a: string; b: string; diff: number; p: number }[];
}

/** One change between two waves of one measure (issue 14). Always later − earlier. */
export interface WaveChange {
  measure: string;
  from: string;
  to: string;
  diff: number;
  se: number | null;
  lower: number | null;
  upper: number | null;
  p: number | null;
}

/** `waves` (issue 14). */
export interface WaveResult {
  column: string;
  order: string[];
  /** How the order was decided: 'codebook' | 'natural'. */
  orderSource: string;
  base: string | null;
  levels: Record<string, { n: number; indices: Record<string, Estimate>; kpis?: Record<string, KpiResult>; gaps?: GapResult[] }>;
  changes: WaveChange[];
  trend: Record<
    string,
    { slope: number; se: number; p: number; q: number; df: number; scaledSe: number; scaledP: number }
  >;
  /**
   * Own-wave weights, shown beside the pooled figures: each wave's index with the model re-estimated on that wave,
   * and each consecutive change split into item means (at the earlier wave's weights) and weights
   * (tracking.md §2.1: diff = itemMeans + weights).
   */
  own?: {
    levels: Record<string, Record<string, number | null>>;
    changes: { measure: string; from: string; to: string; diff: number; itemMeans: number; weights: number }[];
  };
}

/** One scorecard row (issue 14). */
export interface ScorecardRow {
  measure: string;
  wave: string | null;
  comparator: '>=' | '<=' | '>' | '<';
  value: number | null;
  change: number | null;
  estimate: number | null;
  bound: number | null;
  status: 'met' | 'not met' | 'not yet distinguishable';
  pMet: number | null;
  n: number;
  nEff: number;
  minDetectable: number | null;
}

/** issue 15: the shapes live with the folders that compute them (kpi/, gaps/), below study/ (docs/architecture.md). */
export type { KpiResult, DistributionRow } from '../kpi/index.js';
export type { GapResult } from '../gaps/index.js';

/** A short description of the survey for a report's "sample and data quality" section. */
export interface SurveyInfo {
  rows: number;
  items: number;
  /** How the codebook came about: given, or inferred (with a draft to write). */
  codebook: 'given' | 'inferred' | 'sav';
  /** Item → labels and scale, for reports. */
  itemLabels?: Record<string, { en?: string; zh?: string }>;
  constructLabels?: Record<string, { en?: string; zh?: string }>;
  flags?: { straightLiners?: number; tooMuchMissing?: number; zeroVariance?: string[] };
}

/**
 * The Study result. The estimation keys are exactly today's `csi estimate --json` (`PlsResultJson`); every
 * analysis adds one key.
 */
export interface Study extends PlsResultJson {
  survey?: SurveyInfo;
  /** issue 13 */
  indices?: Record<string, IndexEstimate>;
  indexWeights?: Record<string, Record<string, number>>;
  /** 'pls' | 'equal' | 'explicit' */
  indexWeightSource?: string;
  /** The item scale used for indices, per item: [min, max]. */
  indexScales?: Record<string, [number, number]>;
  ipma?: Record<string, IpmaResult>;
  impacts?: Record<string, Record<string, number>>;
  /** Index points of driver gain behind `impacts` (default 5, ACSI). */
  impactStep?: number;
  hierarchy?: HierarchyNode;
  /** Per-respondent 0-100 indices (only when asked: `indexScores: true`), row order of the survey; null = not computable. */
  indexScores?: { ids: string[] | null; scores: Record<string, (number | null)[]> };
  /** issue 14 */
  segments?: Record<string, SegmentBreakdown>;
  waves?: WaveResult;
  scorecard?: ScorecardRow[];
  /** issue 15 */
  gaps?: GapResult[];
  gapItems?: GapResult[];
  kpis?: Record<string, KpiResult>;
  distribution?: Record<string, DistributionRow>;
}
