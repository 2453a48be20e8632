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

/**
 * Total effects T = Σ_{k≥1} B^k of path matrix B (B[from·m + to]; methodology §8.1 step 15, seminr
 * `total_effects`), summed until the power is structurally zero (≤ m − 1 terms: the model is acyclic), and the
 * indirect effects T − B. Which pairs have an effect is decided from the adjacency (graph reachability), not from
 * the numbers, so a path that happens to be estimated as 0 still lists its pair.
 *
 * @example
 * // a → b → c with paths 0.5 and 0.4: total a → c = 0.2, all indirect
 * effectMatrices(new Float64Array([0, 0.5, 0, 0, 0, 0.4, 0, 0, 0]), new Uint8Array([0, 1, 0, 0, 0, 1, 0, 0, 0]), 3).total[2] // 0.2
 */
export function effectMatrices(B: Float64Array, adjacency: Uint8Array, m: number): EffectMatrices {
  const total = Float64Array.from(B);
  const reach = Uint8Array.from(adjacency);
  const indirectReach = new Uint8Array(m * m);
  let power = Float64Array.from(B);
  let powerReach = Uint8Array.from(adjacency);
  for (let k = 2; k <= m; k++) {
    const next = new Float64Array(m * m);
    const nextReach = new Uint8Array(m * m);
    let any = false;
    for (let a = 0; a < m; a++) {
      for (let c = 0; c < m; c++) {
        const pac = power[a * m + c];
        const rac = powerReach[a * m + c];
        if (!rac) continue;
        for (let b = 0; b < m; b++) {
          if (!adjacency[c * m + b]) continue;
          next[a * m + b] += pac * B[c * m + b];
          nextReach[a * m + b] = 1;
          any = true;
        }
      }
    }
    if (!any) break;
    for (let q = 0; q < m * m; q++) {
      total[q] += next[q];
      if (nextReach[q]) {
        reach[q] = 1;
        indirectReach[q] = 1;
      }
    }
    power = next;
    powerReach = nextReach;
  }
  const indirect = new Float64Array(m * m);
  for (let q = 0; q < m * m; q++) indirect[q] = total[q] - B[q];
  return { total, indirect, reach, indirectReach };
}
