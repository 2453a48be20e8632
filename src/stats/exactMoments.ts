import type { Moments } from './moments-types.js';
import { resampleKernel } from './momentsKernel.js';

const LIMIT = 2 ** 53;

/**
 * The {@link Moments} of complete integer data through the generated kernel ({@link resampleKernel}, item columns
 * read in place), or null when that would not give the bits of the blocked `accumulateMoments` pass — then the
 * caller runs that pass. Used only when every value, weight and count is an integer (no value missing, weights and
 * counts finite and ≥ 0) and (Σ w) · max(1, max|x|)² and (Σ w) · max w are ≤ 2^53, w = count × weight: then every
 * product and every partial sum is an integer below 2^53, so exact, and the sums are the same in any order — the
 * kernel's and the blocked pass's alike. Rating-scale answers always qualify; real-valued data or weights never
 * take this path.
 *
 * The pre-scan that decides reads each value once (a few % of the pass); it is also what makes the fields that
 * depend on missingness trivial here: nObs = n, m = sw, p[i,j] = s[i], q[i,j] = c[i,i].
 *
 * @example
 * exactCompleteMoments([Float64Array.of(1, 2, 3)], ['a'], null, null)?.c // [14]
 * exactCompleteMoments([Float64Array.of(1.5, 2)], ['a'], null, null) // null (not integers)
 */
export function exactCompleteMoments(
  columns: readonly Float64Array[],
  names: string[],
  weights: Float64Array | null,
  counts: Float64Array | Uint32Array | null,
): Moments | null {
  const p = columns.length;
  const n = p > 0 ? columns[0].length : 0;
  if (n === 0) return null;
  const kernel = resampleKernel(p, 'pair', 'columns');
  if (!kernel) return null;
  let sumW = 0;
  let maxW = 0;
  for (let i = 0; i < n; i++) {
    const k = counts ? counts[i] : 1;
    const wt = weights ? weights[i] : 1;
    if (!(k >= 0 && wt >= 0) || Math.floor(k) !== k || Math.floor(wt) !== wt) return null;
    const w = k * wt;
    sumW += w;
    if (w > maxW) maxW = w;
  }
  if (!(sumW * maxW <= LIMIT)) return null;
  let maxAbs = 1;
  for (let a = 0; a < p; a++) {
    const col = columns[a];
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (Math.floor(v) !== v) return null; // NaN (missing) or a fraction
      const m = v < 0 ? -v : v;
      if (m > maxAbs) maxAbs = m;
    }
  }
  if (!(sumW * maxAbs * maxAbs <= LIMIT)) return null;
  const s = new Float64Array(p);
  const c = new Float64Array((p * (p + 1)) / 2);
  const tot = new Float64Array(3);
  kernel(columns, n, counts, weights, s, c, tot);
  const [sw, sww, nRows] = tot;
  const cc = new Array<number>(p * p);
  const pOut = new Array<number>(p * p);
  const qOut = new Array<number>(p * p);
  let q = 0;
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      cc[a * p + b] = c[q];
      cc[b * p + a] = c[q++];
    }
  }
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      pOut[a * p + b] = s[a];
      qOut[a * p + b] = cc[a * p + a];
    }
  }
  return {
    items: names,
    n: nRows,
    weighted: weights !== null,
    sw,
    sww,
    nObs: new Array<number>(p).fill(nRows),
    s: Array.from(s),
    m: new Array<number>(p * p).fill(sw),
    p: pOut,
    q: qOut,
    c: cc,
    complete: true,
  };
}
