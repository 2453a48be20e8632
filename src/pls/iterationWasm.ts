import { SINGULAR_EPS } from '../stats/index.js';
import type { FitPlan } from './fitPlan.js';
import type { InnerScheme } from './types.js';
import { BLOCK_VOID, codeBuffer, F64, I32, OP, wasmModule } from '../wasm/index.js';

/** Where the compiled iteration's arrays sit in its memory (in doubles) and the memory's size (in pages). */
export interface IterationLayout {
  S: number;
  w: number;
  SWt: number;
  C: number;
  state: number;
  /** The fit's arrays: weights (p × m), construct correlations (m × m), cross-loadings (p × m), paths, R². */
  weights: number;
  R: number;
  crossLoadings: number;
  paths: number;
  rSquared: number;
  pages: number;
}

/**
 * The memory layout of {@link iterationWasm} for p items and m constructs: S (p × p), w (p), SWt (m × p), C (m × m),
 * state (3), then the fit's weights, construct correlations, cross-loadings, paths and R², one after the other.
 *
 * @example
 * iterationLayout(24, 7).w // 576
 */
export function iterationLayout(p: number, m: number): IterationLayout {
  const S = 0;
  const w = S + p * p;
  const SWt = w + p;
  const C = SWt + m * p;
  const state = C + m * m;
  const weights = state + 3;
  const R = weights + p * m;
  const crossLoadings = R + m * m;
  const paths = crossLoadings + p * m;
  const rSquared = paths + m * m;
  return { S, w, SWt, C, state, weights, R, crossLoadings, paths, rSquared, pages: Math.max(1, Math.ceil(((rSquared + m) * 8) / 65536)) };
}

/** Largest straight-line part (terms of C, the inner proxies, cov and the outer variances) compiled; beyond: null. */
export const MAX_TERMS = 20000;

/**
 * The size of the iteration's straight-line part for a plan: Σ over constructs a of |block a|·m (C = W'SW) +
 * |block a|·(|block a| + |neighbours a|) (inner proxies, cov) + |neighbours a|² (outer variances). Both compiled
 * forms (WebAssembly, and the JavaScript of `iterationKernelSource`) are built only up to {@link MAX_TERMS}.
 *
 * @example
 * straightLineTerms(plan) <= MAX_TERMS // then the plan is compiled
 */
export function straightLineTerms(plan: FitPlan): number {
  const { m, sortedBlocks, blockIdx, neighbours } = plan;
  let terms = 0;
  for (let a = 0; a < m; a++) terms += sortedBlocks[a].length * m + blockIdx[a].length * (blockIdx[a].length + neighbours[a].length) + neighbours[a].length ** 2;
  return terms;
}

/**
 * The PLS iteration of `iterationKernelSource` (iterationKernel.ts) as a WebAssembly module: the same floating-point
 * operations in the same order (IEEE 754 double arithmetic, round to nearest, no contraction — the same results as
 * JavaScript's, bit for bit), with the structure's indices as constants. Exports `run(maxIterations, tolerance)`,
 * which reads S and the start weights from its `memory` ({@link iterationLayout}), iterates, and writes the final
 * weights, SWt, C, state = [iterations, converged, weightDiff] and the fit's arrays (finishFit's weights, construct
 * correlations, cross-loadings, paths, R²) there, returning 1 — or 0 (nothing written) when a proxy correlation is
 * not finite. It imports `env.call(what, construct)`, which must throw the error the plain loop throws (0: collinear
 * predictors in the inner weighting, 1: an inner proxy of zero variance, 2: an outer composite of zero variance,
 * 3: collinear predictors in the path model). Null for mode-B blocks, no items, or a structure too large to compile.
 *
 * @example
 * const bytes = iterationWasm(fitPlan(structure), 'path');
 * const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes!), { env: { call: fail } });
 */
export function iterationWasm(plan: FitPlan, scheme: InnerScheme): Uint8Array<ArrayBuffer> | null {
  const { p, m, sortedBlocks, blockIdx, neighbours, preds, succ, structure } = plan;
  if (plan.modeB.length > 0 || p === 0) return null;
  const adjacency = structure.adjacency;
  if (straightLineTerms(plan) > MAX_TERMS) return null;
  const at = iterationLayout(p, m);
  // The code, written byte by byte into a growing buffer (a fresh process runs this once, unoptimized: no array pushes).
  const code = codeBuffer();
  const { op, op2, op3, opU } = code;
  // Locals: 0 maxIterations, 1 tolerance (f64 parameters); i32 kb, qb, done, converged; then f64 by name.
  const KB = 2;
  const QB = 3;
  const DONE = 4;
  const CONVERGED = 5;
  const I32_LOCALS = 4;
  // f64 locals, by family: index = base + position
  let count = 2 + I32_LOCALS;
  const alloc = (n: number): number => {
    const base = count;
    count += n;
    return base;
  };
  const ITERATIONS = alloc(1);
  const WEIGHT_DIFF = alloc(1);
  const IT = alloc(1);
  const FINITE = alloc(1);
  const V = alloc(1);
  const SV = alloc(1);
  const SD = alloc(1);
  const DIFF = alloc(1);
  const W = alloc(p); // w_k
  const NW = alloc(p); // n_k, the new weights
  const CC = alloc(m * m); // c_a_b
  const R = alloc(m * m); // r_a_b
  const E = alloc(m * m); // e_a_b
  const F = alloc(m * m); // f_a_b
  const D = alloc(m); // d_a
  let solveSize = 0;
  for (let t = 0; t < m; t++) solveSize = Math.max(solveSize, preds[t].length);
  const LL = alloc(solveSize * solveSize); // the Cholesky factor of the current solve, l_i_j at i·k + j
  const O = alloc(solveSize); // its solution o_i
  const get = (i: number) => opU(OP.localGet, i);
  const set = (i: number) => opU(OP.localSet, i);
  /** f64.const x */
  const num = code.f64Const;
  /** i32.const x */
  const i32 = code.i32Const;
  /** Alignment 2^3 and the offset of `doubles` doubles. */
  const memarg = (doubles: number) => opU(3, doubles * 8);
  /** f64.load at a constant address (in doubles). */
  const load = (doubles: number) => {
    i32(0);
    op(OP.f64Load);
    memarg(doubles);
  };
  /** Store the value `value` pushes at a constant address. */
  const store = (doubles: number, value: () => void) => {
    i32(0);
    value();
    op(OP.f64Store);
    memarg(doubles);
  };
  const fail = (what: number, b: number) => {
    i32(what);
    i32(b);
    op2(OP.call, 0);
  };
  /** if (!(value > 0 / tiny)) fail(what, b) */
  const failUnless = (n: number, bound: number, what: number, b: number) => {
    get(n);
    num(bound);
    op3(OP.f64Gt, OP.i32Eqz, OP.if); op(BLOCK_VOID);
    fail(what, b);
    op(OP.end);
  };

  const items: number[] = [];
  for (let a = 0; a < m; a++) for (const k of blockIdx[a]) items.push(k);
  items.sort((x, y) => x - y);
  // let iterations = 0, converged = false, weightDiff = NaN; w_k = w[k]; c_a_b = 0; it = 0, done = !(it <= max)
  num(0);
  set(ITERATIONS);
  i32(0);
  set(CONVERGED);
  num(NaN);
  set(WEIGHT_DIFF);
  for (const k of items) {
    load(at.w + k);
    set(W + k);
  }
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      num(0);
      set(CC + a * m + b);
    }
  }
  num(0);
  set(IT);
  get(IT);
  get(0);
  op2(OP.f64Le, OP.i32Eqz);
  set(DONE);
  op3(OP.block, BLOCK_VOID, OP.loop); op(BLOCK_VOID);
  // S·W transposed, a row of S at a time: SWt[a·p + k] = 0 + S[k·p + l] w_l + … (l ascending in block a)
  i32(0);
  set(KB);
  i32(0);
  set(QB);
  op2(OP.loop, BLOCK_VOID);
  for (let a = 0; a < m; a++) {
    get(KB);
    num(0);
    for (const l of sortedBlocks[a]) {
      get(QB);
      op(OP.f64Load);
      memarg(at.S + l);
      get(W + l);
      op2(OP.f64Mul, OP.f64Add);
    }
    op(OP.f64Store);
    memarg(at.SWt + a * p);
  }
  get(KB);
  i32(8);
  op(OP.i32Add);
  set(KB);
  get(QB);
  i32(p * 8);
  op(OP.i32Add);
  set(QB);
  get(KB);
  i32(p * 8);
  op3(OP.i32LtS, OP.brIf, 0); op(OP.end);
  // C = W'SW: c_a_b = 0 + w_k SWt[b·p + k] + … (k ascending in block a)
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      num(0);
      for (const k of sortedBlocks[a]) {
        get(W + k);
        load(at.SWt + b * p + k);
        op2(OP.f64Mul, OP.f64Add);
      }
      set(CC + a * m + b);
    }
  }
  get(DONE);
  op2(OP.brIf, 1);
  get(IT);
  set(ITERATIONS);
  for (let b = 0; b < m; b++) {
    for (const a of neighbours[b]) {
      num(0);
      set(F + a * m + b);
    }
  }
  for (let a = 0; a < m; a++) {
    get(CC + a * m + a);
    op(OP.f64Sqrt);
    set(D + a);
  }
  // R_Y; a non-finite sum of the off-diagonal entries: return 0 (the plain loop takes over)
  num(0);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      if (a === b) continue;
      get(CC + a * m + b);
      get(D + a);
      get(D + b);
      op2(OP.f64Mul, OP.f64Div);
      opU(OP.localTee, R + a * m + b);
      op(OP.f64Add);
    }
  }
  for (let a = 0; a < m; a++) {
    num(1);
    set(R + a * m + a);
  }
  set(FINITE);
  get(FINITE);
  get(FINITE);
  op(OP.f64Sub);
  num(0);
  op3(OP.f64Eq, OP.i32Eqz, OP.if); op(BLOCK_VOID);
  i32(0);
  op2(OP.return, OP.end);
  // Inner weights E on the neighbour pairs.
  if (scheme === 'path') {
    for (let b = 0; b < m; b++) {
      for (const a of succ[b]) {
        get(R + a * m + b);
        set(E + a * m + b);
      }
    }
    for (let t = 0; t < m; t++) {
      const P = preds[t];
      if (P.length === 0) continue;
      solve(P, t, 0);
      for (let i = 0; i < P.length; i++) {
        get(O + i);
        set(E + (P[i]) * m + (t));
      }
    }
  } else {
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        if (!(adjacency[a * m + b] || adjacency[b * m + a])) continue;
        if (scheme === 'factorial') get(R + a * m + b);
        else {
          // Math.sign(x): 1 if x > 0, else −1 if x < 0, else x (±0, NaN)
          num(1);
          num(-1);
          get(R + a * m + b);
          get(R + a * m + b);
          num(0);
          op2(OP.f64Lt, OP.select);
          get(R + a * m + b);
          num(0);
          op2(OP.f64Gt, OP.select);
        }
        set(E + a * m + b);
      }
    }
  }
  // Variances of the inner proxies; F = E / √var on the neighbours.
  for (let b = 0; b < m; b++) {
    const N = neighbours[b];
    num(0);
    set(V);
    for (const a of N) {
      get(E + a * m + b);
      num(0);
      op3(OP.f64Ne, OP.if, BLOCK_VOID);
      for (const cc of N) {
        get(V);
        get(E + a * m + b);
        get(R + a * m + cc);
        op(OP.f64Mul);
        get(E + cc * m + b);
        op2(OP.f64Mul, OP.f64Add);
        set(V);
      }
      op(OP.end);
    }
    failUnless(V, 0, 1, b);
    get(V);
    op(OP.f64Sqrt);
    set(SV);
    for (const a of N) {
      get(E + a * m + b);
      get(SV);
      op(OP.f64Div);
      set(F + a * m + b);
    }
  }
  // cov(z_k, Ẑ_b) = Σ_{a ∈ N(b), F[a,b] ≠ 0} (SW)[k,a] / d_a · F[a,b]
  for (let b = 0; b < m; b++) {
    const N = neighbours[b];
    for (const k of blockIdx[b]) {
      num(0);
      set(NW + k);
      for (const a of N) {
        get(F + a * m + b);
        num(0);
        op3(OP.f64Ne, OP.if, BLOCK_VOID);
        get(NW + k);
        load(at.SWt + a * p + k);
        get(D + a);
        op(OP.f64Div);
        get(F + a * m + b);
        op2(OP.f64Mul, OP.f64Add);
        set(NW + k);
        op(OP.end);
      }
    }
  }
  // Each block's composite to unit variance.
  for (let b = 0; b < m; b++) {
    const K = blockIdx[b];
    num(0);
    set(V);
    for (const ki of K) {
      for (const kj of K) {
        get(V);
        get(NW + ki);
        load(at.S + ki * p + kj);
        op(OP.f64Mul);
        get(NW + kj);
        op2(OP.f64Mul, OP.f64Add);
        set(V);
      }
    }
    failUnless(V, 0, 2, b);
    get(V);
    op(OP.f64Sqrt);
    set(SD);
    for (const k of K) {
      get(NW + k);
      get(SD);
      op(OP.f64Div);
      set(NW + k);
    }
  }
  num(0);
  for (const k of items) {
    get(NW + k);
    get(W + k);
    op3(OP.f64Sub, OP.f64Abs, OP.f64Add);
  }
  set(DIFF);
  get(DIFF);
  set(WEIGHT_DIFF);
  for (const k of items) {
    get(NW + k);
    set(W + k);
  }
  // converged: done; else the next pass while it ≤ maxIterations (S·W and C are formed once more either way)
  get(DIFF);
  get(1);
  op3(OP.f64Lt, OP.if, BLOCK_VOID);
  i32(1);
  set(CONVERGED);
  i32(1);
  set(DONE);
  op(OP.else);
  get(IT);
  num(1);
  op(OP.f64Add);
  set(IT);
  get(IT);
  get(0);
  op2(OP.f64Le, OP.i32Eqz);
  set(DONE);
  op3(OP.end, OP.br, 0); op2(OP.end, OP.end);
  for (const k of items) store(at.w + k, () => get(W + k));
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) store(at.C + a * m + b, () => get(CC + a * m + b));
  // The fit on the final weights (finishFit in fitPls.ts; S·W and C were formed for them): d, W, R, cross-loadings,
  // then each endogenous construct's paths by the Cholesky solve on R (collinear predictors: call(3, t)) and R².
  for (let a = 0; a < m; a++) {
    get(CC + a * m + a);
    op(OP.f64Sqrt);
    set(D + a);
  }
  const blkOf = plan.blk;
  for (let k = 0; k < p; k++) for (let a = 0; a < m; a++) store(at.weights + k * m + a, () => (blkOf[k] === a ? get(W + k) : num(0)));
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      if (a === b) num(1);
      else {
        get(CC + a * m + b);
        get(D + a);
        get(D + b);
        op2(OP.f64Mul, OP.f64Div);
      }
      set(R + a * m + b);
      store(at.R + a * m + b, () => get(R + a * m + b));
    }
  }
  for (let a = 0; a < m; a++) {
    for (let k = 0; k < p; k++) {
      store(at.crossLoadings + k * m + a, () => {
        load(at.SWt + a * p + k);
        get(D + a);
        op(OP.f64Div);
      });
    }
  }
  for (let q = 0; q < m * m; q++) store(at.paths + q, () => num(0));
  for (let t = 0; t < m; t++) {
    const P = preds[t];
    if (P.length === 0) {
      store(at.rSquared + t, () => num(NaN));
      continue;
    }
    solve(P, t, 3);
    num(0);
    for (let i = 0; i < P.length; i++) {
      store(at.paths + P[i] * m + t, () => get(O + i));
      get(O + i);
      get(R + P[i] * m + t);
      op2(OP.f64Mul, OP.f64Add);
    }
    set(V);
    store(at.rSquared + t, () => get(V));
  }
  store(at.state, () => get(ITERATIONS));
  store(at.state + 1, () => {
    num(1);
    num(0);
    get(CONVERGED);
    op(OP.select);
  });
  store(at.state + 2, () => get(WEIGHT_DIFF));
  i32(1);
  // env.call(what, b) reports a singular solve (function 0); run(maxIterations, tolerance) is function 1
  return wasmModule({
    importFunctions: [{ module: 'env', name: 'call', params: [I32, I32], results: [] }],
    memory: { pages: at.pages, export: 'memory' },
    functions: [
      {
        export: 'run',
        params: [F64, F64],
        results: [I32],
        locals: [
          [I32_LOCALS, I32],
          [count - 2 - I32_LOCALS, F64],
        ],
        body: code.bytes(),
      },
    ],
  });

  /**
   * solveSubSpdInto(R_Y, m, P, t, ·) unrolled as in `solveSource` (iterationKernel.ts): Cholesky factor of R_Y[P, P]
   * (pivot threshold SINGULAR_EPS, the diagonal of R_Y being 1), then the two triangular solves into o{t}_{i}; a pivot
   * not above the threshold calls `call(what, t)`.
   */
  function solve(P: Int32Array, t: number, what: number): void {
    const k = P.length;
    const l = (i: number, j: number) => LL + i * k + j;
    const o = (i: number) => O + i;
    for (let j = 0; j < k; j++) {
      get(R + (P[j]) * m + (P[j]));
      for (let q = 0; q < j; q++) {
        get(l(j, q));
        get(l(j, q));
        op2(OP.f64Mul, OP.f64Sub);
      }
      set(l(j, j));
      failUnless(l(j, j), SINGULAR_EPS, what, t);
      get(l(j, j));
      op(OP.f64Sqrt);
      set(l(j, j));
      for (let i = j + 1; i < k; i++) {
        get(R + (P[i]) * m + (P[j]));
        for (let q = 0; q < j; q++) {
          get(l(i, q));
          get(l(j, q));
          op2(OP.f64Mul, OP.f64Sub);
        }
        get(l(j, j));
        op(OP.f64Div);
        set(l(i, j));
      }
    }
    for (let i = 0; i < k; i++) {
      get(R + (P[i]) * m + (t));
      for (let q = 0; q < i; q++) {
        get(l(i, q));
        get(o(q));
        op2(OP.f64Mul, OP.f64Sub);
      }
      get(l(i, i));
      op(OP.f64Div);
      set(o(i));
    }
    for (let i = k - 1; i >= 0; i--) {
      get(o(i));
      for (let q = 0; q < k - 1 - i; q++) {
        get(l(i + 1 + q, i));
        get(o(i + 1 + q));
        op2(OP.f64Mul, OP.f64Sub);
      }
      get(l(i, i));
      op(OP.f64Div);
      set(o(i));
    }
  }
}
