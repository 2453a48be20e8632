/**
 * The shapes the segment layer returns. This is their one declaration; `src/study/types.ts` re-exports them, with the
 * level's `kpis`/`gaps` (filled by study/, whose KPI and gap floors sit above this one) added there.
 */
import type { Estimate } from '../indices/index.js';

export type { Estimate };

/** One pairwise difference between two levels of a segment column (issue 14): diff = mean(a) − mean(b). */
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

/** `segments[COL]` (issue 14). `L` is the level shape: study/ widens it with the level's KPIs and gaps. */
export interface SegmentBreakdown<L extends SegmentLevel = SegmentLevel> {
  /** Level order used (codebook's, else natural sort). */
  order: string[];
  levels: Record<string, L>;
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
