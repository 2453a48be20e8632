/**
 * The shapes the index layer returns. They are exactly the Study contract's (`src/study/types.ts`: `IndexEstimate`,
 * `HierarchyNode`, `IpmaResult`); `study/` checks at compile time that both stay assignable to each other, so this
 * floor never imports from the floor above it.
 */

/** A mean index with its spread and a two-sided 95 % t interval. `n` rows; `nEff` Kish's effective n. */
export interface IndexEstimate {
  n: number;
  mean: number | null;
  sd: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  nEff?: number;
}

/** IPMA quadrant keys (Chinese names in {@link QUADRANT_NAMES_ZH}). */
export type Quadrant = 'strength' | 'fix' | 'opportunity' | 'maintain';

/** `ipma[T]`: the importance-performance map for target T. */
export interface IpmaResult {
  constructs: Record<string, { importance: number; performance: number | null }>;
  items: Record<string, { importance: number; performance: number | null }>;
  thresholds: { importance: number; performance: number };
  quadrants: Record<string, Quadrant>;
  priorities: string[];
  /** Quadrant key → Chinese name (优势区 / 修补区 / 机会区 / 维持区). */
  quadrantNames?: Record<Quadrant, string>;
}

/** One node of the rolled-up hierarchy tree (1 index, 2 constructs, 3 dimensions, 4 items). */
export interface HierarchyNode {
  name: string;
  label?: { en?: string; zh?: string };
  level: 1 | 2 | 3 | 4;
  weight: number;
  weightSource: string;
  index: { mean: number | null; se: number | null; lower: number | null; upper: number | null };
  n: number;
  children: HierarchyNode[];
  ahp?: { lambdaMax: number; ci: number; cr: number };
}
