/**
 * The shapes the index layer returns. This is their one declaration: the floors above (segments/, tracking/, study/)
 * import them from here, and `src/study/types.ts` re-exports them as part of the Study contract.
 */

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

/** IPMA quadrant keys (Chinese names in {@link QUADRANT_NAMES_ZH}). */
export type Quadrant = 'strength' | 'fix' | 'opportunity' | 'maintain';

/** `ipma[T]`: importance-performance map for target T (issue 13; cSEM's doIPMA conventions). */
export interface IpmaResult {
  constructs: Record<string, { importance: number; performance: number | null }>;
  items: Record<string, { importance: number; performance: number | null }>;
  thresholds: { importance: number; performance: number };
  /** Construct → quadrant name (English key; Chinese name in `quadrantNames`). */
  quadrants: Record<string, Quadrant>;
  /** Constructs, fix first (high importance, low performance first). */
  priorities: string[];
  /** Quadrant key → Chinese name (优势区 / 修补区 / 机会区 / 维持区). */
  quadrantNames?: Record<Quadrant, string>;
}

/** One node of the rolled-up four-level hierarchy tree (1 index, 2 constructs, 3 dimensions, 4 items). */
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
