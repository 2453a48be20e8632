/**
 * The shapes the tracking layer returns. This is their one declaration; `src/study/types.ts` re-exports them, with a
 * wave's `kpis`/`gaps` (filled by study/) added there.
 */
import type { Estimate } from '../indices/index.js';
import type { KpiChange } from '../kpi/index.js';

export type { Estimate };

/** One change between two waves of one measure (issue 14). Always later − earlier. Declared once, as kpi/'s `KpiChange`. */
export type WaveChange = KpiChange;

/** One wave's figures. */
export interface WaveLevel {
  n: number;
  indices: Record<string, Estimate>;
}

/** `waves` (issue 14). `L` is the wave shape: study/ widens it with the wave's KPIs and gaps. */
export interface WaveResult<L extends WaveLevel = WaveLevel> {
  column: string;
  order: string[];
  /** How the order was decided: 'codebook' | 'natural'. */
  orderSource: string;
  base: string | null;
  levels: Record<string, L>;
  changes: WaveChange[];
  trend: Record<string, { slope: number; se: number; p: number; q: number; df: number; scaledSe: number; scaledP: number }>;
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
