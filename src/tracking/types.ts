/**
 * The shapes the tracking layer returns. They are exactly the Study contract's (`src/study/types.ts`: `WaveChange`,
 * `WaveResult`, `ScorecardRow`); `study/` checks at compile time that both stay assignable to each other, so this
 * floor never imports from the floor above it.
 */
import type { EstimateShape as Estimate } from '../segments/index.js';

export type { Estimate };

/** One change between two waves of one measure. Always later − earlier. */
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

/** `waves`. */
export interface WaveResult {
  column: string;
  order: string[];
  orderSource: string;
  base: string | null;
  levels: Record<string, { n: number; indices: Record<string, Estimate> }>;
  changes: WaveChange[];
  trend: Record<string, { slope: number; se: number; p: number; q: number; df: number; scaledSe: number; scaledP: number }>;
  own?: {
    levels: Record<string, Record<string, number | null>>;
    changes: { measure: string; from: string; to: string; diff: number; itemMeans: number; weights: number }[];
  };
}

/** One scorecard row. */
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
