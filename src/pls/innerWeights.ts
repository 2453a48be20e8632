import { CsiError, shownList } from '../errors.js';
import { solveSubSpdInto } from '../stats/index.js';
import type { InnerScheme } from './types.js';

/**
 * Inner weights E (m × m, row-major, E[a·m + b] = weight of construct a in the inner proxy of b) from the
 * correlations R of the current outer proxies (methodology §8.1 step 6, seminr `path_weighting` / `path_factorial`):
 *
 * - path: for a successor a of b (b → a), E[a,b] = R[a,b]; for the predecessors P of an endogenous t,
 *   E[P,t] = R_PP⁻¹ R_Pt (OLS of t on its predecessors).
 * - factorial: E[a,b] = R[a,b] for adjacent a, b (either direction), else 0.
 * - centroid: E[a,b] = sign(R[a,b]) for adjacent a, b (plspm, cSEM, ADANCO; not in seminr).
 *
 * `adjacency[from·m + to] = 1` for each structural path; `preds[t]` lists t's predecessors (empty if exogenous).
 * `out` receives E and `work` holds scratch space (both allocated when omitted).
 *
 * @example
 * // two constructs, 0 → 1, proxy correlation 0.5: E = [[0, 0.5], [0.5, 0]] under path and factorial
 * innerWeights(new Float64Array([1, 0.5, 0.5, 1]), 2, new Uint8Array([0, 1, 0, 0]), [new Int32Array(0), Int32Array.of(0)], 'path', ['A', 'B'])
 */
export function innerWeights(
  R: Float64Array,
  m: number,
  adjacency: Uint8Array,
  preds: readonly Int32Array[],
  scheme: InnerScheme,
  names: readonly string[],
  out: Float64Array = new Float64Array(m * m),
  work: { beta: Float64Array; scratch: Float64Array } = { beta: new Float64Array(m), scratch: new Float64Array(m * m) },
): Float64Array {
  out.fill(0);
  if (scheme === 'path') {
    for (let b = 0; b < m; b++) {
      for (let a = 0; a < m; a++) if (adjacency[b * m + a]) out[a * m + b] = R[a * m + b];
    }
    predecessorRegressionsInto(R, m, preds, names, out, work);
    return out;
  }
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      if (adjacency[a * m + b] || adjacency[b * m + a]) {
        const r = R[a * m + b];
        out[a * m + b] = scheme === 'factorial' ? r : Math.sign(r);
      }
    }
  }
  return out;
}

/**
 * The path scheme's predecessor entries of E: for each endogenous t with predecessors P, E[P,t] = R_PP⁻¹ R_Pt (OLS of
 * t on its predecessors, methodology §8.1 step 6, seminr `path_weighting`), written over whatever `out` holds there.
 * Throws CsiError('SINGULAR') naming t when R_PP is singular. Shared by {@link innerWeights} and the fit loop.
 *
 * @example
 * const E = new Float64Array(4);
 * predecessorRegressionsInto(new Float64Array([1, 0.5, 0.5, 1]), 2, [new Int32Array(0), Int32Array.of(0)], ['A', 'B'], E, { beta: new Float64Array(2), scratch: new Float64Array(4) }); // E[1] = 0.5
 */
export function predecessorRegressionsInto(
  R: Float64Array,
  m: number,
  preds: readonly Int32Array[],
  names: readonly string[],
  out: Float64Array,
  work: { beta: Float64Array; scratch: Float64Array },
): void {
  const { beta, scratch } = work;
  for (let t = 0; t < m; t++) {
    const P = preds[t];
    if (P.length === 0) continue;
    if (!solveSubSpdInto(R, m, P, t, beta, scratch)) throw collinearPredictors(names[t], Array.from(P, (a) => names[a]), 'inner weighting');
    for (let i = 0; i < P.length; i++) out[P[i] * m + t] = beta[i];
  }
}

/**
 * CsiError('SINGULAR') naming a construct and its collinear predictors.
 *
 * @example
 * throw collinearPredictors('Satisfaction', ['Quality', 'Value'], 'path model')
 */
export function collinearPredictors(target: string, predictors: readonly string[], stage: string): CsiError {
  return new CsiError(
    'SINGULAR',
    `${target}'s predictors ${shownList(predictors)} are collinear (their correlation matrix is singular) in the ${stage}: the regression on them has no unique solution.`,
    { construct: target },
  );
}

/**
 * CsiError('SINGULAR'): the inner proxy of a construct has no variance (its neighbours' weights cancel).
 *
 * @example
 * throw innerProxySingular('Loyalty')
 */
export function innerProxySingular(construct: string): CsiError {
  return new CsiError('SINGULAR', `The inner proxy of ${construct} has no variance (its neighbours' weights cancel).`, { construct });
}

/**
 * CsiError('SINGULAR'): a construct's outer weights are all zero (its items do not correlate with its inner proxy).
 *
 * @example
 * throw outerWeightsSingular('Loyalty')
 */
export function outerWeightsSingular(construct: string): CsiError {
  return new CsiError('SINGULAR', `The outer weights of ${construct} are all zero: its items do not correlate with its inner proxy.`, { construct });
}
