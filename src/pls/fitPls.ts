import { CsiError, shownList, type CsiWarning } from '../errors.js';
import { choleskyDecompose, choleskySolve, solveSubSpdInto, subMatrix } from '../stats/index.js';
import { innerWeights, collinearPredictors, innerProxySingular, outerWeightsSingular, predecessorRegressionsInto } from './innerWeights.js';
import type { IterationKernel, iterationKernel } from './iterationKernel.js';
import { fitPlan, type FitPlan, type PlsStructure } from './fitPlan.js';
import type { InnerScheme, PlsFit } from './types.js';

/** What {@link fitPls} needs: the item correlation matrix and the model as index sets. */
export interface PlsProblem extends PlsStructure {
  /** Item correlation matrix S (p × p, row-major). */
  S: Float64Array;
  /** Sample size (for adjusted R² only). */
  n: number;
}

/** Options of {@link fitPls} (all required: `estimateFromMoments` fills the defaults). */
export interface FitPlsOptions {
  scheme: InnerScheme;
  maxIterations: number;
  tolerance: number;
}

/**
 * PLS path modeling on the item correlation matrix S alone: seminr 2.3.1's `simplePLS` loop (methodology §8.1),
 * rewritten in p × p algebra. With standardized items Z (n − 1 divisor), Z'Z/(n − 1) = S, so for outer weights W:
 *
 * 1. outer proxies Y = Z W scaled to unit variance: cov(Y) = W'SW = C, Y's correlations R_Y = C_ab / √(C_aa C_bb);
 * 2. inner weights E from R_Y (path / factorial / centroid, see {@link innerWeights});
 * 3. inner proxies Ẑ = Y E scaled: var(Ẑ_b) = (E'R_Y E)_bb, F = E · diag(var)^{-1/2};
 * 4. cov(z_k, Ẑ_b) = Σ_a (SW)_ka / √C_aa · F_ab; mode A: w_kb = that; mode B: w_b = S_bb⁻¹ · that (block b's rows);
 * 5. each w_b ← w_b / √(w_b' S_bb w_b) (unit-variance composite);
 * 6. stop when Σ|W_new − W_old| (whole matrix) < tolerance; iterations = 0-based loop index at the break,
 *    at most maxIterations (then `converged` is false and a NOT_CONVERGED warning is added).
 *
 * Initial weights are 1. Afterwards: loadings/cross-loadings cor(z_k, Y_j) = (SW)_kj / √C_jj, construct
 * correlations R = C scaled, paths B[P,t] = R_PP⁻¹ R_Pt, R² = R_tP B[P,t] (= 1 − 1/[(R_{P∪t})⁻¹]_tt).
 *
 * @example
 * // two single-item constructs correlating 0.3, path 0 → 1: weights 1, path 0.3, R² 0.09
 * fitPls({ itemNames: ['x', 'y'], constructNames: ['X', 'Y'], blocks: [[0], [1]], modes: ['A', 'A'],
 *   adjacency: new Uint8Array([0, 1, 0, 0]), S: new Float64Array([1, 0.3, 0.3, 1]), n: 100 },
 *   { scheme: 'path', maxIterations: 300, tolerance: 1e-7 }).paths[1] // 0.3
 */
export function fitPls(problem: PlsProblem, options: FitPlsOptions): PlsFit {
  return fitWithPlan(fitPlan(problem), problem.S, problem.n, options);
}

/**
 * {@link fitPls} on a prepared {@link FitPlan} (the structure's index arrays and workspace, built once by
 * {@link fitPlan}): the same arithmetic in the same order, for many correlation matrices S of one model.
 * `into`: the result's arrays are written there instead of fresh ones (a resampling loop that reads each fit before
 * the next; the values are those of fresh arrays, every entry rewritten). `kernel`: the plan's iteration compiled by
 * {@link iterationKernel} (same operations in the same order; used when it matches the plan and scheme and no block
 * is mode B, else the loop below runs).
 *
 * @example
 * const plan = fitPlan(structure);
 * for (const S of matrices) fitWithPlan(plan, S, n, { scheme: 'path', maxIterations: 300, tolerance: 1e-7 }).paths;
 */
export function fitWithPlan(plan: FitPlan, S: Float64Array, n: number, options: FitPlsOptions, into?: FitArrays, kernel?: IterationKernel | null): PlsFit {
  const { p } = plan;
  const cholB = plan.modeB.length > 0 ? modeBFactors(plan, S) : null;

  // w[k] = weight of item k on its own construct (W is block-diagonal); initial weights 1.
  const ws = plan.work;
  const w = ws.w;
  w.fill(0);
  const blk = plan.blk;
  for (let k = 0; k < p; k++) if (blk[k] >= 0) w[k] = 1;
  const state = ws.state;
  // The compiled iteration (same operations, same order) where there is one for this plan and scheme; else (or when
  // it declines) the loop. Either leaves [iterations, converged, weightDiff] in state.
  if (kernel && kernel.plan === plan && kernel.scheme === options.scheme && cholB === null && kernel.run(S, w, ws.SWt, state, options.maxIterations, options.tolerance)) {
    return kernel.finish ? finishedFit(plan, S, n, options, kernel, into) : finishFit(plan, S, n, options, w, true, into);
  }
  return finishFit(plan, S, n, options, iterate(plan, S, options, cholB), false, into);
}

/**
 * Cholesky factors of S_bb for the mode-B blocks b (null elsewhere), or SINGULAR naming the item that is a linear
 * combination of the block's earlier items.
 */
function modeBFactors(plan: FitPlan, S: Float64Array): (Float64Array | null)[] {
  const { itemNames, constructNames, blocks } = plan.structure;
  const { p, m } = plan;
  const cholB = new Array<Float64Array | null>(m).fill(null);
  for (let i = 0; i < plan.modeB.length; i++) {
    const j = plan.modeB[i];
    const K = blocks[j];
    const f = choleskyDecompose(subMatrix(S, p, K), K.length);
    if (!f.L) {
      const names = K.map((k) => itemNames[k]);
      throw new CsiError(
        'SINGULAR',
        `The items of mode-B construct ${constructNames[j]} are collinear: ${names[f.failedAt]} is (numerically) a linear combination of ${shownList(names.slice(0, f.failedAt)) || 'nothing'}; their correlation matrix is singular.`,
        { construct: constructNames[j], column: names[f.failedAt] },
      );
    }
    cholB[j] = f.L;
  }
  return cholB;
}

/**
 * The loop of {@link fitWithPlan} (steps 1–6) from the initial weights in plan.work.w: returns the array holding the
 * final weights (plan.work.w or .wn) and leaves [iterations, converged (0/1), weightDiff] in plan.work.state.
 */
function iterate(plan: FitPlan, S: Float64Array, options: FitPlsOptions, cholB: (Float64Array | null)[] | null): Float64Array {
  const { constructNames, adjacency } = plan.structure;
  const { p, m, blk, blockIdx, sortedBlocks, preds, neighbours } = plan;
  const ws = plan.work;
  let w = ws.w;
  let wn = ws.wn;
  const { SWt, C, RY, E, F, d, cov, tmp } = ws;
  const work = ws.inner;
  let iterations = 0;
  let converged = false;
  let weightDiff = NaN;
  for (let it = 0; it <= options.maxIterations; it++) {
    iterations = it;
    proxyCovariances(S, w, sortedBlocks, p, m, SWt, C);
    for (let a = 0; a < m; a++) d[a] = Math.sqrt(C[a * m + a]);
    // RY finite (the usual case): the terms of E's structural zeros below are ±0 and may be skipped.
    let finite = true;
    for (let a = 0; a < m; a++) {
      const da = d[a];
      for (let b = 0; b < m; b++) {
        const v = a === b ? 1 : C[a * m + b] / (da * d[b]);
        RY[a * m + b] = v;
        if (!(v - v === 0)) finite = false;
      }
    }
    if (options.scheme === 'path') pathInnerWeights(RY, m, plan.succ, preds, constructNames, E, work);
    else innerWeights(RY, m, adjacency, preds, options.scheme, constructNames, E, work);
    for (let b = 0; b < m; b++) {
      let v = 0;
      if (finite) {
        // E[·, b] is 0 outside b's neighbours N (innerWeights sets only those): Σ_{a,c ∈ N} in ascending order.
        const N = neighbours[b];
        for (let i = 0; i < N.length; i++) {
          const a = N[i];
          const eab = E[a * m + b];
          if (eab === 0) continue;
          const row = a * m;
          for (let j = 0; j < N.length; j++) {
            const c = N[j];
            v += eab * RY[row + c] * E[c * m + b];
          }
        }
      } else {
        for (let a = 0; a < m; a++) {
          const eab = E[a * m + b];
          if (eab === 0) continue;
          for (let c = 0; c < m; c++) v += eab * RY[a * m + c] * E[c * m + b];
        }
      }
      if (!(v > 0)) {
        throw innerProxySingular(constructNames[b]);
      }
      // F[·, b] = E[·, b] / sv, set (and read below) on b's neighbours only: elsewhere E, and so F, is 0.
      const sv = Math.sqrt(v);
      const N = neighbours[b];
      for (let i = 0; i < N.length; i++) F[N[i] * m + b] = E[N[i] * m + b] / sv;
    }
    // cov(z_k, Ẑ_b) for each item k of block b: Σ_a over a ascending with F[a, b] ≠ 0 (all among b's neighbours)
    for (let k = 0; k < p; k++) {
      const b = blk[k];
      if (b < 0) continue;
      const N = neighbours[b];
      let v = 0;
      for (let i = 0; i < N.length; i++) {
        const a = N[i];
        const fab = F[a * m + b];
        if (fab !== 0) v += (SWt[a * p + k] / d[a]) * fab;
      }
      cov[k] = v;
    }
    wn.fill(0);
    for (let b = 0; b < m; b++) {
      const K = blockIdx[b];
      const kb = K.length;
      const L = cholB ? cholB[b] : null;
      if (L) {
        for (let i = 0; i < kb; i++) tmp[i] = cov[K[i]];
        const sol = choleskySolve(L, kb, tmp);
        for (let i = 0; i < kb; i++) wn[K[i]] = sol[i];
      } else {
        for (let i = 0; i < kb; i++) wn[K[i]] = cov[K[i]];
      }
      let v = 0;
      for (let i = 0; i < kb; i++) {
        const row = K[i] * p;
        const wi = wn[K[i]];
        // v += wi·S[K_i, K_j]·wn[K_j], j ascending, up to four terms per step
        let j = 0;
        for (; j + 4 <= kb; j += 4) {
          const k0 = K[j], k1 = K[j + 1], k2 = K[j + 2], k3 = K[j + 3];
          v += wi * S[row + k0] * wn[k0];
          v += wi * S[row + k1] * wn[k1];
          v += wi * S[row + k2] * wn[k2];
          v += wi * S[row + k3] * wn[k3];
        }
        for (; j < kb; j++) {
          const kj = K[j];
          v += wi * S[row + kj] * wn[kj];
        }
      }
      if (!(v > 0)) throw outerWeightsSingular(constructNames[b]);
      const sd = Math.sqrt(v);
      for (let i = 0; i < kb; i++) wn[K[i]] /= sd;
    }
    let diff = 0;
    for (let k = 0; k < p; k++) diff += Math.abs(wn[k] - w[k]);
    weightDiff = diff;
    const swap = w;
    w = wn;
    wn = swap;
    if (diff < options.tolerance) {
      converged = true;
      break;
    }
  }
  ws.state[0] = iterations;
  ws.state[1] = converged ? 1 : 0;
  ws.state[2] = weightDiff;
  return w;
}

/** The fit of a kernel that formed the fit's arrays itself ({@link IterationKernel.finish}). */
function finishedFit(plan: FitPlan, S: Float64Array, n: number, options: FitPlsOptions, kernel: IterationKernel, into: FitArrays | undefined): PlsFit {
  const { p, m } = plan;
  const W = into ? into.weights : new Float64Array(p * m);
  const R = into ? into.constructCorrelation : new Float64Array(m * m);
  const crossLoadings = into ? into.crossLoadings : new Float64Array(p * m);
  const paths = into ? into.paths : new Float64Array(m * m);
  const rSquared = into ? into.rSquared : new Float64Array(m);
  kernel.finish!(W, R, crossLoadings, paths, rSquared);
  return fitResult(plan, S, n, options, { weights: W, constructCorrelation: R, crossLoadings, paths, rSquared, names: into?.names });
}

/**
 * The fit object of {@link fitWithPlan} around its arrays, with the iteration's state (plan.work.state) and its
 * NOT_CONVERGED warning.
 */
function fitResult(plan: FitPlan, S: Float64Array, n: number, options: FitPlsOptions, arrays: FitArrays): PlsFit {
  const state = plan.work.state;
  const iterations = state[0];
  const converged = state[1] === 1;
  const weightDiff = state[2];
  const warnings: CsiWarning[] = [];
  if (!converged) {
    warnings.push({
      code: 'NOT_CONVERGED',
      message: `The PLS algorithm did not converge in ${options.maxIterations} iterations (last Σ|ΔW| = ${weightDiff.toExponential(3)}, tolerance ${options.tolerance}); results are from the last iteration.`,
    });
  }
  const names = arrays.names ?? namesOf(plan.structure);
  return {
    itemNames: names.itemNames,
    constructNames: names.constructNames,
    blocks: names.blocks,
    modes: names.modes,
    n,
    itemCorrelation: S,
    weights: arrays.weights,
    crossLoadings: arrays.crossLoadings,
    constructCorrelation: arrays.constructCorrelation,
    paths: arrays.paths,
    rSquared: arrays.rSquared,
    adjacency: plan.structure.adjacency,
    iterations,
    converged,
    weightDiff,
    warnings,
  };
}

/**
 * The end of {@link fitWithPlan} on the final weights w: S·W and C for w (formed by the compiled iteration already
 * when `compiled`), W, construct correlations, cross-loadings, paths and R².
 */
function finishFit(plan: FitPlan, S: Float64Array, n: number, options: FitPlsOptions, w: Float64Array, compiled: boolean, into: FitArrays | undefined): PlsFit {
  const { constructNames } = plan.structure;
  const { p, m, blk, sortedBlocks, preds } = plan;
  const ws = plan.work;
  const { SWt, C, d } = ws;
  const work = ws.inner;
  // Post-processing on the final weights (the compiled iteration has formed SW and C for them).
  if (!compiled) proxyCovariances(S, w, sortedBlocks, p, m, SWt, C);
  for (let a = 0; a < m; a++) d[a] = Math.sqrt(C[a * m + a]);
  const W = into ? into.weights.fill(0) : new Float64Array(p * m);
  for (let k = 0; k < p; k++) if (blk[k] >= 0) W[k * m + blk[k]] = w[k];
  const R = into ? into.constructCorrelation : new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) R[a * m + b] = a === b ? 1 : C[a * m + b] / (d[a] * d[b]);
  const crossLoadings = into ? into.crossLoadings : new Float64Array(p * m);
  for (let a = 0; a < m; a++) {
    const da = d[a];
    const col = a * p;
    for (let k = 0; k < p; k++) crossLoadings[k * m + a] = SWt[col + k] / da;
  }
  const paths = into ? into.paths.fill(0) : new Float64Array(m * m);
  const rSquared = (into ? into.rSquared : new Float64Array(m)).fill(NaN);
  const { beta, scratch } = work;
  for (let t = 0; t < m; t++) {
    const P = preds[t];
    if (P.length === 0) continue;
    if (!solveSubSpdInto(R, m, P, t, beta, scratch)) throw collinearPredictors(constructNames[t], Array.from(P, (a) => constructNames[a]), 'path model');
    let r2 = 0;
    for (let i = 0; i < P.length; i++) {
      paths[P[i] * m + t] = beta[i];
      r2 += beta[i] * R[P[i] * m + t];
    }
    rSquared[t] = r2;
  }
  return fitResult(plan, S, n, options, { weights: W, constructCorrelation: R, crossLoadings, paths, rSquared, names: into?.names });
}

/**
 * {@link innerWeights} under the path scheme, with each construct's successors listed (succ[b] = the a with b → a,
 * ascending): the same entries written in the same order.
 */
function pathInnerWeights(
  R: Float64Array,
  m: number,
  succ: readonly Int32Array[],
  preds: readonly Int32Array[],
  names: readonly string[],
  out: Float64Array,
  work: { beta: Float64Array; scratch: Float64Array },
): void {
  out.fill(0);
  for (let b = 0; b < m; b++) {
    const A = succ[b];
    for (let i = 0; i < A.length; i++) {
      const q = A[i] * m + b;
      out[q] = R[q];
    }
  }
  predecessorRegressionsInto(R, m, preds, names, out, work);
}

/**
 * Result arrays of a fit (p × m weights and cross-loadings, m × m construct correlations and paths, m R²) and,
 * optionally, the name lists to return (else copies of the structure's).
 */
export interface FitArrays {
  weights: Float64Array;
  crossLoadings: Float64Array;
  constructCorrelation: Float64Array;
  paths: Float64Array;
  rSquared: Float64Array;
  names?: FitNames;
}

/** A fit's name lists and blocks. */
export type FitNames = Pick<PlsFit, 'itemNames' | 'constructNames' | 'blocks' | 'modes'>;

/**
 * Fresh copies of a structure's name lists and blocks (each fit owns its own).
 *
 * @example
 * namesOf(plan.structure).itemNames
 */
export function namesOf(structure: PlsStructure): FitNames {
  const blocks: number[][] = [];
  for (let j = 0; j < structure.blocks.length; j++) blocks.push([...structure.blocks[j]]);
  return { itemNames: [...structure.itemNames], constructNames: [...structure.constructNames], blocks, modes: [...structure.modes] };
}

/**
 * SW = S·W (p × m, kept transposed: SWt[a·p + k] = (SW)[k,a]) and C = W'SW (m × m) for block-diagonal W given as
 * item weights w and item blocks (ascending item indices): (SW)[k,a] = Σ_{l ∈ block a} S[k,l] w[l];
 * C[a,b] = Σ_{k ∈ block a} w[k] (SW)[k,b]. Each sum runs over ascending indices from 0, the order of the dense form
 * (so the rounding is the same), without visiting the zeros of W. S·W is formed a block column at a time, l outer
 * and k inner (a long inner loop: each entry still adds its terms in ascending l).
 */
function proxyCovariances(
  S: Float64Array,
  w: Float64Array,
  blocks: readonly Int32Array[],
  p: number,
  m: number,
  SWt: Float64Array,
  C: Float64Array,
): void {
  SWt.fill(0);
  for (let a = 0; a < m; a++) {
    const K = blocks[a];
    const col = a * p;
    // Up to four of the block's items per pass over the rows (each entry still adds its terms in ascending l).
    let i = 0;
    for (; i + 4 <= K.length; i += 4) {
      const l0 = K[i], l1 = K[i + 1], l2 = K[i + 2], l3 = K[i + 3];
      const w0 = w[l0], w1 = w[l1], w2 = w[l2], w3 = w[l3];
      for (let k = 0, q = 0; k < p; k++, q += p) {
        let v = SWt[col + k];
        v += S[q + l0] * w0;
        v += S[q + l1] * w1;
        v += S[q + l2] * w2;
        v += S[q + l3] * w3;
        SWt[col + k] = v;
      }
    }
    const rest = K.length - i;
    if (rest === 3) {
      const l0 = K[i], l1 = K[i + 1], l2 = K[i + 2];
      const w0 = w[l0], w1 = w[l1], w2 = w[l2];
      for (let k = 0, q = 0; k < p; k++, q += p) {
        let v = SWt[col + k];
        v += S[q + l0] * w0;
        v += S[q + l1] * w1;
        v += S[q + l2] * w2;
        SWt[col + k] = v;
      }
    } else if (rest === 2) {
      const l0 = K[i], l1 = K[i + 1];
      const w0 = w[l0], w1 = w[l1];
      for (let k = 0, q = 0; k < p; k++, q += p) {
        let v = SWt[col + k];
        v += S[q + l0] * w0;
        v += S[q + l1] * w1;
        SWt[col + k] = v;
      }
    } else if (rest === 1) {
      const l0 = K[i];
      const w0 = w[l0];
      for (let k = 0, q = l0; k < p; k++, q += p) SWt[col + k] += S[q] * w0;
    }
  }
  C.fill(0);
  for (let a = 0; a < m; a++) {
    const K = blocks[a];
    const row = a * m;
    // Up to four of the block's items per pass over the constructs b (each C[a, b] adds its terms in ascending k).
    let i = 0;
    for (; i + 4 <= K.length; i += 4) {
      const k0 = K[i], k1 = K[i + 1], k2 = K[i + 2], k3 = K[i + 3];
      const w0 = w[k0], w1 = w[k1], w2 = w[k2], w3 = w[k3];
      for (let b = 0, col = 0; b < m; b++, col += p) {
        let v = C[row + b];
        v += w0 * SWt[col + k0];
        v += w1 * SWt[col + k1];
        v += w2 * SWt[col + k2];
        v += w3 * SWt[col + k3];
        C[row + b] = v;
      }
    }
    for (; i < K.length; i++) {
      const k0 = K[i];
      const w0 = w[k0];
      for (let b = 0, col = 0; b < m; b++, col += p) C[row + b] += w0 * SWt[col + k0];
    }
  }
}
