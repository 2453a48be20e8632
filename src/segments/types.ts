/**
 * The shapes the segment layer returns. They are exactly the Study contract's (`src/study/types.ts`: `Estimate`,
 * `PairwiseDifference`, `SegmentLevel`, `SegmentBreakdown`); `study/` checks at compile time that both stay assignable
 * to each other, so this floor never imports from the floor above it.
 */

/** A mean (or index) with its spread and a two-sided 95 % interval. `n` respondents; `nEff` Kish's effective n. */
export interface Estimate {
  n: number;
  mean: number | null;
  sd: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  nEff?: number;
}

/** One pairwise difference between two levels of a segment column: diff = mean(a) − mean(b). */
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

/** One level of a segment column. */
export interface SegmentLevel {
  n: number;
  sumWeights: number;
  indices: Record<string, Estimate & { diffFromAll: number | null }>;
}

/** `segments[COL]`. */
export interface SegmentBreakdown {
  order: string[];
  levels: Record<string, SegmentLevel>;
  pairwise: PairwiseDifference[];
  adjust: 'holm' | 'bh' | 'none';
  reestimated?: Record<string, { n: number; paths: { from: string; to: string; estimate: number }[]; rSquared: Record<string, { r2: number; adjR2: number }> }>;
  permutation?: { from: string; to: string; a: string; b: string; diff: number; p: number }[];
}
