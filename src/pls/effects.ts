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
/** Largest power-sum schedule an {@link EffectPlan} stores (terms); larger graphs form the sums on the fly. */
const SCHEDULE_BUDGET = 200_000;

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
  const succ = successors(adjacency, m);
  const total = powerSum(B, succ, m) ?? topologicalSum(B, adjacency, succ, m);
  const reach = new Uint8Array(m * m);
  const indirectReach = new Uint8Array(m * m);
  reachability(succ, m, reach, indirectReach);
  const indirect = new Float64Array(m * m);
  for (let q = 0; q < m * m; q++) indirect[q] = total[q] - B[q];
  return { total, indirect, reach, indirectReach };
}

/** succ[c] = the constructs c has a path to, ascending. */
function successors(adjacency: Uint8Array, m: number): Int32Array[] {
  const succ: Int32Array[] = [];
  for (let c = 0; c < m; c++) {
    const out: number[] = [];
    for (let b = 0; b < m; b++) if (adjacency[c * m + b]) out.push(b);
    succ.push(Int32Array.from(out));
  }
  return succ;
}

/**
 * What {@link effectMatrices} derives from the adjacency alone, once per model: the reachability masks and the
 * power sum as a fixed schedule. Power k's entry (a, b) is Σ_c P_{k−1}[a, c] · B[c, b] over the c that
 * power-sum visits, in its order (ascending c): `terms` lists them; entries are grouped by power
 * (`powerEnds`). The schedule is stored only up to {@link SCHEDULE_BUDGET} terms; larger graphs run the power sum
 * directly (and past {@link POWER_BUDGET} the topological recursion), exactly as {@link effectMatrices}.
 */
export interface EffectPlan {
  m: number;
  adjacency: Uint8Array;
  succ: Int32Array[];
  reach: Uint8Array;
  indirectReach: Uint8Array;
  /** Power-sum schedule, or null (too large to store: the sums are then formed on the fly, as {@link effectMatrices} does). */
  schedule: {
    /** Entries (a·m + b) of the powers k = 1, 2, …: power 1 is the adjacency, the rest computed. */
    first: Int32Array;
    /** For each computed entry e: its target a·m + b. */
    target: Int32Array;
    /** Terms of entry e: termStart[e] … termStart[e + 1] − 1 index `termA` (a·m + c, into the previous power) and `termB` (c·m + b). */
    termStart: Int32Array;
    termA: Int32Array;
    termB: Int32Array;
    /** Entries of power k (k ≥ 2) are powerEnds[k − 2] … powerEnds[k − 1] − 1 (cumulative). */
    powerEnds: Int32Array;
  } | null;
  /** Scratch of the scheduled power sum (two m × m powers), made on first use. */
  powers?: [Float64Array, Float64Array];
}

/**
 * The {@link EffectPlan} of an adjacency matrix (m × m, adjacency[from·m + to] = 1 per path).
 *
 * @example
 * const plan = effectPlan(new Uint8Array([0, 1, 0, 0, 0, 1, 0, 0, 0]), 3);
 * effectsWithPlan(plan, new Float64Array([0, 0.5, 0, 0, 0, 0.4, 0, 0, 0])).total[2] // 0.2
 */
export function effectPlan(adjacency: Uint8Array, m: number): EffectPlan {
  const succ = successors(adjacency, m);
  const reach = new Uint8Array(m * m);
  const indirectReach = new Uint8Array(m * m);
  reachability(succ, m, reach, indirectReach);
  return { m, adjacency, succ, reach, indirectReach, schedule: powerSchedule(succ, m) };
}

/**
 * {@link effectMatrices} on a prepared {@link EffectPlan}: the same additions in the same order (bit-identical).
 *
 * @example
 * effectsWithPlan(effectPlan(adjacency, m), B).indirect
 */
export function effectsWithPlan(plan: EffectPlan, B: Float64Array): EffectMatrices {
  const { m } = plan;
  const total = new Float64Array(m * m);
  const indirect = new Float64Array(m * m);
  effectsInto(plan, B, total, indirect);
  return { total, indirect, reach: plan.reach, indirectReach: plan.indirectReach };
}

/**
 * {@link effectsWithPlan} writing T and T − B into the given m × m arrays (for a caller that only reads them,
 * e.g. to list the effects, and keeps them as workspace); the power sum's scratch lives in the plan.
 *
 * @example
 * effectsInto(plan, B, total, indirect); // total[a·m + b], indirect[a·m + b]
 */
export function effectsInto(plan: EffectPlan, B: Float64Array, total: Float64Array, indirect: Float64Array): void {
  const { m, schedule } = plan;
  if (schedule) scheduledSum(schedule, B, m, total, plan);
  else total.set(powerSum(B, plan.succ, m) ?? topologicalSum(B, plan.adjacency, plan.succ, m));
  for (let q = 0; q < m * m; q++) indirect[q] = total[q] - B[q];
}

/**
 * Runs a power-sum schedule into `total`: Σ_k B^k on the reached entries only, entry by entry, in the dense
 * product's order of additions (two m × m powers as scratch, kept on the plan).
 */
function scheduledSum(sch: NonNullable<EffectPlan['schedule']>, B: Float64Array, m: number, total: Float64Array, plan: EffectPlan): void {
  total.set(B);
  const { first, target, termStart, termA, termB, powerEnds } = sch;
  if (powerEnds.length === 0) return;
  plan.powers ??= [new Float64Array(m * m), new Float64Array(m * m)];
  let [prev, next] = plan.powers;
  for (let i = 0; i < first.length; i++) prev[first[i]] = B[first[i]];
  let e = 0;
  for (let k = 0; k < powerEnds.length; k++) {
    const end = powerEnds[k];
    for (; e < end; e++) {
      let v = 0;
      for (let t = termStart[e]; t < termStart[e + 1]; t++) v += prev[termA[t]] * B[termB[t]];
      const q = target[e];
      next[q] = v;
      total[q] += v;
    }
    const swap = prev;
    prev = next;
    next = swap;
  }
}

/**
 * The schedule of the sparse power sum (which entries each power reaches, and the order of their terms); null past
 * {@link SCHEDULE_BUDGET} terms.
 * Power k's entry (a, b) gets, for each c of row a of power k − 1 in ascending order with c → b, the term
 * P[a, c] · B[c, b]; the entries of a row are recorded in ascending b, as they are added to the total.
 */
function powerSchedule(succ: Int32Array[], m: number): EffectPlan['schedule'] {
  const first: number[] = [];
  let rows: number[][] = [];
  for (let a = 0; a < m; a++) {
    rows.push([...succ[a]]);
    for (const b of succ[a]) first.push(a * m + b);
  }
  const target: number[] = [];
  const termStart: number[] = [0];
  const termA: number[] = [];
  const termB: number[] = [];
  const powerEnds: number[] = [];
  const terms: number[][] = Array.from({ length: m }, () => []);
  let work = 0;
  let any = first.length > 0;
  for (let k = 2; k <= m && any; k++) {
    const nextRows: number[][] = [];
    any = false;
    for (let a = 0; a < m; a++) {
      const touched: number[] = [];
      for (const c of rows[a]) {
        const out = succ[c];
        work += out.length;
        for (let j = 0; j < out.length; j++) {
          const b = out[j];
          if (terms[b].length === 0) touched.push(b);
          terms[b].push(c);
        }
      }
      if (work > SCHEDULE_BUDGET) return null;
      touched.sort((x, y) => x - y);
      for (const b of touched) {
        target.push(a * m + b);
        for (const c of terms[b]) {
          termA.push(a * m + c);
          termB.push(c * m + b);
        }
        termStart.push(termA.length);
        terms[b] = [];
      }
      if (touched.length > 0) any = true;
      nextRows.push(touched);
    }
    if (any) powerEnds.push(target.length);
    rows = nextRows;
  }
  return {
    first: Int32Array.from(first),
    target: Int32Array.from(target),
    termStart: Int32Array.from(termStart),
    termA: Int32Array.from(termA),
    termB: Int32Array.from(termB),
    powerEnds: Int32Array.from(powerEnds),
  };
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
