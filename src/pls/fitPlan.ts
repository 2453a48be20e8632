import { CsiError } from '../errors.js';
import type { CompositeFit } from '../quality/index.js';

/**
 * The structure of a PLS problem (a `PlsProblem` without S and n): the model as index sets, the same fields as a fit's
 * (`CompositeFit`): item and construct names, blocks (disjoint index sets into itemNames), modes, and
 * adjacency[from·m + to] = 1 for each structural path.
 */
export type PlsStructure = Pick<CompositeFit, 'itemNames' | 'constructNames' | 'blocks' | 'modes' | 'adjacency'>;

/**
 * Everything {@link fitWithPlan} derives from a model's structure alone, computed once per structure, plus a
 * reusable workspace: item → block index, block index arrays, each construct's predecessors, and the scratch
 * arrays of the iteration. A plan belongs to one thread and one fit at a time (its workspace is overwritten by
 * every fit); the fits it returns own their arrays.
 */
export interface FitPlan {
  structure: PlsStructure;
  p: number;
  m: number;
  /** blk[k] = the construct of item k (blocks are disjoint); −1 for items outside every block. */
  blk: Int32Array;
  blockIdx: Int32Array[];
  /** blockIdx with each block's indices ascending (the summation order of S·W and W'SW). */
  sortedBlocks: Int32Array[];
  /** When every block is a contiguous run of items: block a = items ranges[2a] … ranges[2a+1] − 1; else null. */
  ranges: Int32Array | null;
  /** preds[t] = the predecessors of construct t (empty when exogenous). */
  preds: Int32Array[];
  /** neighbours[b] = the constructs joined to b by a path either way, ascending (where inner weights E[·, b] may be non-zero). */
  neighbours: Int32Array[];
  /** succ[b] = the successors of construct b (b → a), ascending. */
  succ: Int32Array[];
  /** The mode-B constructs, ascending. */
  modeB: Int32Array;
  /** Workspace of the iteration (overwritten by each fit). */
  work: {
    w: Float64Array;
    wn: Float64Array;
    /** S·W transposed (m × p). */
    SWt: Float64Array;
    C: Float64Array;
    RY: Float64Array;
    E: Float64Array;
    F: Float64Array;
    d: Float64Array;
    cov: Float64Array;
    tmp: Float64Array;
    inner: { beta: Float64Array; scratch: Float64Array };
    /** [iterations, converged, weightDiff] of a compiled iteration. */
    state: Float64Array;
  };
}

/**
 * The {@link FitPlan} of a PLS structure: index arrays instead of name lookups and preallocated scratch space, so
 * that fitting many correlation matrices of the same model (bootstrap resamples) allocates only the results.
 * Errors (CsiError): DUPLICATE_ITEM (an item in two blocks), NO_PREDICTORS (a construct in no structural path).
 *
 * @example
 * const plan = fitPlan(stageStructure(stageTwoModel(model)));
 * const fit = fitWithPlan(plan, S, n, { scheme: 'path', maxIterations: 300, tolerance: 1e-7 });
 */
export function fitPlan(structure: PlsStructure): FitPlan {
  const { itemNames, constructNames, blocks, adjacency } = structure;
  const p = itemNames.length;
  const m = constructNames.length;
  const blk = new Int32Array(p).fill(-1);
  const blockIdx: Int32Array[] = blocks.map((K) => Int32Array.from(K));
  blocks.forEach((K, j) => {
    for (const k of K) {
      if (blk[k] !== -1) throw new CsiError('DUPLICATE_ITEM', `Item ${itemNames[k]} is in two blocks.`, { column: itemNames[k] });
      blk[k] = j;
    }
  });
  const preds: Int32Array[] = [];
  const hasNeighbour = new Array<boolean>(m).fill(false);
  for (let t = 0; t < m; t++) {
    const P: number[] = [];
    for (let a = 0; a < m; a++) {
      if (adjacency[a * m + t]) {
        P.push(a);
        hasNeighbour[a] = true;
        hasNeighbour[t] = true;
      }
    }
    preds.push(Int32Array.from(P));
  }
  for (let j = 0; j < m; j++) {
    if (!hasNeighbour[j]) {
      throw new CsiError('NO_PREDICTORS', `Construct ${constructNames[j]} is in no structural path: PLS needs each construct linked to another.`, { construct: constructNames[j] });
    }
  }
  const neighbours: Int32Array[] = [];
  for (let b = 0; b < m; b++) {
    const N: number[] = [];
    for (let a = 0; a < m; a++) if (adjacency[a * m + b] || adjacency[b * m + a]) N.push(a);
    neighbours.push(Int32Array.from(N));
  }
  const sortedBlocks = blockIdx.map((K) => Int32Array.from(K).sort());
  const ranges: Int32Array | null = sortedBlocks.every((K) => K.length > 0 && K[K.length - 1] - K[0] === K.length - 1)
    ? Int32Array.from(sortedBlocks.flatMap((K) => [K[0], K[K.length - 1] + 1]))
    : null;
  return {
    structure,
    p,
    m,
    blk,
    blockIdx,
    sortedBlocks,
    ranges,
    preds,
    neighbours,
    succ: Array.from({ length: m }, (_, b) => Int32Array.from(Array.from({ length: m }, (_, a) => a).filter((a) => adjacency[b * m + a]))),
    modeB: Int32Array.from(structure.modes.flatMap((mode, j) => (mode === 'B' ? [j] : []))),
    work: {
      w: new Float64Array(p),
      wn: new Float64Array(p),
      SWt: new Float64Array(p * m),
      C: new Float64Array(m * m),
      RY: new Float64Array(m * m),
      E: new Float64Array(m * m),
      F: new Float64Array(m * m),
      d: new Float64Array(m),
      cov: new Float64Array(p),
      tmp: new Float64Array(p),
      inner: { beta: new Float64Array(m), scratch: new Float64Array(m * m) },
      state: new Float64Array(3),
    },
  };
}
