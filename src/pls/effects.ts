/** Total and indirect effects of a recursive path model, with which pairs they exist for. */
export interface EffectMatrices {
  /** T = Σ_{k≥1} B^k (m × m). */
  total: Float64Array;
  /** T − B. */
  indirect: Float64Array;
  /** 1 where a directed path of any length joins from → to. */
  reach: Uint8Array;
  /** 1 where a directed path of length ≥ 2 joins from → to. */
  indirectReach: Uint8Array;
}

/** Above this many multiply-adds the exact power sum gives way to the topological recursion (same sums, other order). */
const POWER_BUDGET = 20_000_000;

/**
 * Total effects T = Σ_{k≥1} B^k of path matrix B (B[from·m + to]; methodology §8.1 step 15, seminr
 * `total_effects`) and the indirect effects T − B. Which pairs have an effect is decided from the adjacency (graph
 * reachability), not from the numbers, so a path that happens to be estimated as 0 still lists its pair.
 *
 * The powers are formed on the graph (only the entries a path reaches, successors from adjacency lists), adding in
 * the same order as the dense product, so the sums are bit-identical to Σ B^k; the cost is the number of
 * (walk length, from, to) triples, O(m²) for a chain, instead of O(m⁴). When a deep, dense graph would make that
 * exceed {@link POWER_BUDGET} multiply-adds, T is instead computed in topological order (T[·, b] = Σ_{c → b}
 * (I + T)[·, c]·B[c, b]: O(m · paths)), equal to the power sum up to rounding.
 *
 * @example
 * // a → b → c with paths 0.5 and 0.4: total a → c = 0.2, all indirect
 * effectMatrices(new Float64Array([0, 0.5, 0, 0, 0, 0.4, 0, 0, 0]), new Uint8Array([0, 1, 0, 0, 0, 1, 0, 0, 0]), 3).total[2] // 0.2
 */
export function effectMatrices(B: Float64Array, adjacency: Uint8Array, m: number): EffectMatrices {
  const succ: Int32Array[] = [];
  for (let c = 0; c < m; c++) {
    const out: number[] = [];
    for (let b = 0; b < m; b++) if (adjacency[c * m + b]) out.push(b);
    succ.push(Int32Array.from(out));
  }
  const total = powerSum(B, succ, m) ?? topologicalSum(B, adjacency, succ, m);
  const reach = new Uint8Array(m * m);
  const indirectReach = new Uint8Array(m * m);
  reachability(succ, m, reach, indirectReach);
  const indirect = new Float64Array(m * m);
  for (let q = 0; q < m * m; q++) indirect[q] = total[q] - B[q];
  return { total, indirect, reach, indirectReach };
}

/** Σ_k B^k on the reached entries only, in the dense product's order of additions; undefined past the budget. */
function powerSum(B: Float64Array, succ: Int32Array[], m: number): Float64Array | undefined {
  const total = Float64Array.from(B);
  // The current power in compressed rows: row a is cols/vals[ptr[a] .. ptr[a + 1]), columns ascending.
  let ptr = new Int32Array(m + 1);
  let cols: number[] = [];
  let vals: number[] = [];
  for (let a = 0; a < m; a++) {
    for (const b of succ[a]) {
      cols.push(b);
      vals.push(B[a * m + b]);
    }
    ptr[a + 1] = cols.length;
  }
  const acc = new Float64Array(m);
  const hit = new Uint8Array(m);
  const touched: number[] = [];
  let work = 0;
  for (let k = 2; k <= m && cols.length > 0; k++) {
    const nextPtr = new Int32Array(m + 1);
    const nextCols: number[] = [];
    const nextVals: number[] = [];
    for (let a = 0; a < m; a++) {
      for (let i = ptr[a]; i < ptr[a + 1]; i++) {
        const c = cols[i];
        const pac = vals[i];
        const out = succ[c];
        work += out.length;
        for (let j = 0; j < out.length; j++) {
          const b = out[j];
          if (!hit[b]) {
            hit[b] = 1;
            touched.push(b);
          }
          acc[b] += pac * B[c * m + b];
        }
      }
      if (work > POWER_BUDGET) return undefined;
      if (touched.length > 1) touched.sort((x, y) => x - y);
      for (const b of touched) {
        nextCols.push(b);
        nextVals.push(acc[b]);
        total[a * m + b] += acc[b];
        acc[b] = 0;
        hit[b] = 0;
      }
      touched.length = 0;
      nextPtr[a + 1] = nextCols.length;
    }
    ptr = nextPtr;
    cols = nextCols;
    vals = nextVals;
  }
  return total;
}

/** T in topological order: T[a, b] = Σ_{c → b} (δ_ac + T[a, c]) · B[c, b], O(m · paths). */
function topologicalSum(B: Float64Array, adjacency: Uint8Array, succ: Int32Array[], m: number): Float64Array {
  const total = new Float64Array(m * m);
  for (const b of topologicalOrder(succ, m)) {
    for (let c = 0; c < m; c++) {
      if (!adjacency[c * m + b]) continue;
      const w = B[c * m + b];
      total[c * m + b] += w;
      for (let a = 0; a < m; a++) {
        total[a * m + b] += total[a * m + c] * w;
      }
    }
  }
  return total;
}

/** Kahn's order of an acyclic graph given by successor lists. */
function topologicalOrder(succ: Int32Array[], m: number): number[] {
  const indeg = new Int32Array(m);
  for (const out of succ) for (const b of out) indeg[b]++;
  const order: number[] = [];
  for (let v = 0; v < m; v++) if (indeg[v] === 0) order.push(v);
  for (let i = 0; i < order.length; i++) for (const b of succ[order[i]]) if (--indeg[b] === 0) order.push(b);
  return order;
}

/** reach[a, b]: a path of length ≥ 1; indirectReach: of length ≥ 2 (a depth-first walk from every node). */
function reachability(succ: Int32Array[], m: number, reach: Uint8Array, indirectReach: Uint8Array): void {
  const stack: number[] = [];
  for (let a = 0; a < m; a++) {
    // Successors of a's successors are indirect; everything reached is reached.
    for (const c of succ[a]) {
      reach[a * m + c] = 1;
      for (const b of succ[c]) if (!indirectReach[a * m + b]) {
        indirectReach[a * m + b] = 1;
        stack.push(b);
      }
    }
    while (stack.length > 0) {
      const v = stack.pop()!;
      reach[a * m + v] = 1;
      for (const b of succ[v]) if (!indirectReach[a * m + b]) {
        indirectReach[a * m + b] = 1;
        stack.push(b);
      }
    }
  }
}
