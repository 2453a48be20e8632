import { CsiError } from '../errors.js';
import type { MissingRule } from './missing.js';
import type { Moments } from './moments-types.js';
import { integerSums, type IntegerSums } from './integerMoments.js';
import { int16Sums } from './int16Moments.js';
import { int16IncompleteSums } from './int16Incomplete.js';

/** Options of {@link accumulateMoments}. */
export interface AccumulateMomentsOptions {
  /** Item names, parallel to the columns. Default `item1`, `item2`, …. */
  names?: readonly string[];
  /** Sampling weights per row (finite, ≥ 0). Default none (every row weighs 1). */
  weights?: Float64Array | null;
  /** Row multiplicities, e.g. a bootstrap resample's counts. Default none (every row once). */
  counts?: Float64Array | Uint32Array | null;
  /** Only these row indices (a subset, a segment). Default all rows. */
  rows?: Int32Array;
  /**
   * The missing-value rule the moments are for: 'casewise' skips every row with a missing (NaN) value in any column
   * (the complete form); 'mean' and 'pairwise' keep every row (the pairwise-complete form). Default {@link DEFAULT_MISSING}.
   */
  missing?: MissingRule;
  /** @deprecated Use `missing: 'casewise'` (one vocabulary); still honoured. */
  casewise?: boolean;
}

const EMPTY = new Float64Array(0);

/** Largest pass (rows read) given to the exact packed pass; longer passes run the loop, which is faster there. */
const EXACT_PASS_MAX_ROWS = 2048;

/** Rows summed into local accumulators before they are added to the totals (blocked summation: less rounding). */
const BLOCK = 2048;

/**
 * The one pass over the rows: accumulates the {@link Moments} (weighted counts, sums and cross-products, plus the
 * pairwise-complete sums the missing-value rules need) of the given item columns.
 *
 * Each row is read once into a buffer (NaN → 0 with an observed flag); then the p(p+1)/2 products w·x_i·x_j are
 * added to a local block (blocked summation: {@link BLOCK} rows per block, then added to the totals, which keeps
 * rounding error small on long columns and exact for integer data). Missing values need no per-pair bookkeeping on
 * complete rows: only for a row with a missing item are the complements accumulated, with M the set of missing items
 * of the row and x zero-filled:
 *
 *   mm_i = Σ w [i ∈ M],  mmm_ij = Σ w [i, j ∈ M],  pm_ij = Σ w x_i [j ∈ M],  qm_ij = Σ w x_i² [j ∈ M]
 *
 * and at the end m_ij = sw − mm_i − mm_j + mmm_ij, p_ij = s_i − pm_ij, q_ij = c_ii − qm_ij (the definitions of
 * {@link Moments}: m_ij = Σ w o_i o_j, p_ij = Σ w o_i o_j x_i, q_ij = Σ w o_i o_j x_i²), while c_ij = Σ w x_i x_j
 * over the zero-filled rows is already the both-observed cross-product. The row weight is w = weight × count;
 * n counts rows with their multiplicity (Σ count).
 *
 * Complete non-negative integer data with integer row weights take an exact pass instead: WebAssembly SIMD int16 dot
 * products ({@link int16Sums}) where available and the values fit, else for short passes the packed pass
 * ({@link integerSums}: 2–3 sums per double); every sum an exact integer, so the same numbers as this loop.
 *
 * Precision: the sums are raw (uncentred), as the mergeable contract and SQL engines need. They are exact for
 * integer answers and integer weights (every partial sum < 2^53). For real-valued data, centring later costs about
 * (mean / SD)² in relative precision of the correlations (≈ 1e-13 for rating scales; avoid for, e.g., timestamps).
 *
 * @example
 * const m = accumulateMoments([new Float64Array([1, 2, 3]), new Float64Array([2, 4, NaN])], { names: ['a', 'b'] });
 * m.n // 3;  m.s // [6, 6];  m.m[0 * 2 + 1] // 2 (rows where both a and b are observed)
 */
export function accumulateMoments(columns: readonly Float64Array[], options: AccumulateMomentsOptions = {}): Moments {
  return accumulate(columns, options, true);
}

/**
 * {@link accumulateMoments} always by the general loop (never the exact integer pass): the reference the fast pass
 * is tested against, bit for bit.
 *
 * @example
 * accumulateMomentsLoop([Float64Array.of(1, 2, 3)]).c // [14]
 */
export function accumulateMomentsLoop(columns: readonly Float64Array[], options: AccumulateMomentsOptions = {}): Moments {
  return accumulate(columns, options, false);
}

function accumulate(columns: readonly Float64Array[], options: AccumulateMomentsOptions, allowExact: boolean): Moments {
  const p = columns.length;
  const names = options.names ? [...options.names] : columns.map((_, k) => `item${k + 1}`);
  if (names.length !== p) throw new CsiError('INVALID_OPTION', `accumulateMoments: ${names.length} names for ${p} columns.`);
  const N = p > 0 ? columns[0].length : 0;
  for (let k = 0; k < p; k++) {
    if (columns[k].length !== N) throw new CsiError('INVALID_OPTION', `accumulateMoments: column ${names[k]} has ${columns[k].length} rows, expected ${N}.`, { column: names[k] });
  }
  const weights = options.weights ?? null;
  const counts = options.counts ?? null;
  if (weights && weights.length !== N) throw new CsiError('INVALID_OPTION', `accumulateMoments: ${weights.length} weights for ${N} rows.`);
  if (counts && counts.length !== N) throw new CsiError('INVALID_OPTION', `accumulateMoments: ${counts.length} counts for ${N} rows.`);
  const rows = options.rows ?? null;
  const casewise = options.missing === 'casewise' || options.casewise === true;
  const nRows = rows ? rows.length : N;

  // Complete non-negative integer data (rating scales): the exact WebAssembly pass (int16 dot products) gives the
  // same sums at any n; where it is unavailable or the values or weights exceed int16, the exact packed pass, faster
  // than the loop on small passes only (measured, 24 items: 250 rows 55 vs 84 µs, 1,000 rows 195 vs 281 µs; 5,000
  // rows 1.8 vs 1.4 ms and 1,000,000 rows 0.49 vs 0.27 s, where the packed tables leave the cache).
  const exact = allowExact
    ? (int16Sums(columns, weights, counts, rows) ?? (nRows <= EXACT_PASS_MAX_ROWS ? integerSums(columns, weights, counts, rows) : null))
    : null;
  if (exact) return completeMoments(names, exact, weights !== null);
  // Missing values in non-negative integer data (values ≤ 181): the WebAssembly pass of the pairwise-complete sums
  // (int16IncompleteSums); casewise, the complete rows on the exact pass. The same integers as this loop.
  if (allowExact) {
    if (casewise) {
      const complete = completeRows(columns, weights, counts, rows);
      const sums = complete ? int16Sums(columns, weights, counts, complete) : null;
      if (sums) return completeMoments(names, sums, weights !== null);
    } else {
      const e = int16IncompleteSums(columns, weights, counts, rows);
      if (e) {
        const w = weights !== null;
        return { items: names, n: e.n, weighted: w, sw: e.sw, sww: e.sww, nObs: toNumbers(e.nObs), s: toNumbers(e.s), m: toNumbers(e.m), p: toNumbers(e.p), q: toNumbers(e.q), c: toNumbers(e.c), complete: e.complete };
      }
    }
  }

  const pp = p * p;
  // totals
  const cT = new Float64Array(pp);
  const sT = new Float64Array(p);
  let swT = 0;
  let swwT = 0;
  let nT = 0;
  // block accumulators
  const cB = new Float64Array(pp);
  const sB = new Float64Array(p);
  let swB = 0;
  // missing-value complements (only touched by incomplete rows)
  const nMiss = new Float64Array(p);
  const mm = new Float64Array(p);
  // allocated at the first incomplete row (complete data never need them)
  let mmm = EMPTY;
  let pm = EMPTY;
  let qm = EMPTY;
  let anyMissing = false;

  const x = new Float64Array(p);
  const wx = new Float64Array(p);
  const miss = new Int32Array(p);
  // Rows are gathered 8 at a time (X[k·8 + r], WX = w·X) so each cross-product cell is loaded and stored once per
  // 8 rows: cB[i,j] += Σ_r WX[i,r]·X[j,r].
  const X = new Float64Array(p * 8);
  const WX = new Float64Array(p * 8);
  let fill = 0;
  let inBlock = 0;
  for (let t = 0; t < nRows; t++) {
    const r = rows ? rows[t] : t;
    if (r < 0 || r >= N) throw new CsiError('INVALID_OPTION', `accumulateMoments: row index ${r} is outside 0..${N - 1}.`);
    const mult = counts ? counts[r] : 1;
    if (mult === 0) continue;
    let w = mult;
    if (weights) {
      const wr = weights[r];
      if (!(wr >= 0) || wr === Infinity) throw new CsiError('INVALID_WEIGHT', `Weight ${wr} in data row ${r + 1} is not a finite number ≥ 0.`);
      w = wr * mult;
    }
    let nm = 0;
    for (let k = 0; k < p; k++) {
      const v = columns[k][r];
      if (v !== v) {
        miss[nm++] = k;
        x[k] = 0;
      } else x[k] = v;
    }
    if (nm > 0 && casewise) continue;
    nT += mult;
    swB += w;
    swwT += w * w;
    for (let i = 0; i < p; i++) {
      const xi = x[i];
      const wi = w * xi;
      wx[i] = wi;
      sB[i] += wi;
      X[i * 8 + fill] = xi;
      WX[i * 8 + fill] = wi;
    }
    if (nm > 0) {
      if (!anyMissing) {
        anyMissing = true;
        mmm = new Float64Array(pp);
        pm = new Float64Array(pp);
        qm = new Float64Array(pp);
      }
      for (let a = 0; a < nm; a++) {
        const j = miss[a];
        nMiss[j] += mult;
        mm[j] += w;
        for (let b = 0; b < nm; b++) mmm[j * p + miss[b]] += w;
        for (let i = 0; i < p; i++) {
          const wi = wx[i];
          pm[i * p + j] += wi;
          qm[i * p + j] += wi * x[i];
        }
      }
    }
    if (++fill === 8) {
      addRowProducts(WX, X, cB, p);
      fill = 0;
      inBlock += 8;
      if (inBlock >= BLOCK) {
        for (let q = 0; q < pp; q++) {
          cT[q] += cB[q];
          cB[q] = 0;
        }
        for (let i = 0; i < p; i++) {
          sT[i] += sB[i];
          sB[i] = 0;
        }
        swT += swB;
        swB = 0;
        inBlock = 0;
      }
    }
  }
  if (fill > 0) {
    for (let i = 0; i < p; i++) {
      for (let f = fill; f < 8; f++) {
        X[i * 8 + f] = 0;
        WX[i * 8 + f] = 0;
      }
    }
    addRowProducts(WX, X, cB, p);
  }
  for (let q = 0; q < pp; q++) cT[q] += cB[q];
  for (let i = 0; i < p; i++) sT[i] += sB[i];
  swT += swB;

  // symmetric c
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) cT[i * p + j] = cT[j * p + i];
  const m: number[] = [];
  const pOut: number[] = [];
  const qOut: number[] = [];
  for (let i = 0; i < p; i++) {
    const cii = cT[i * p + i];
    for (let j = 0; j < p; j++) {
      const ij = i * p + j;
      if (anyMissing) {
        m.push(i === j ? swT - mm[i] : swT - mm[i] - mm[j] + mmm[ij]);
        pOut.push(i === j ? sT[i] : sT[i] - pm[ij]);
        qOut.push(i === j ? cii : cii - qm[ij]);
      } else {
        m.push(swT);
        pOut.push(sT[i]);
        qOut.push(cii);
      }
    }
  }
  return {
    items: names,
    n: nT,
    weighted: weights !== null,
    sw: swT,
    sww: swwT,
    nObs: toNumbers(nMiss.map((k) => nT - k)),
    s: toNumbers(sT),
    m,
    p: pOut,
    q: qOut,
    c: toNumbers(cT),
    complete: !anyMissing,
  };
}

/**
 * The rows (all, or `rows`) with no missing value in any column, for the casewise rule; null when a row index is
 * outside 0…N−1 or a row of nonzero count has an invalid weight (the loop then reports it with its row number).
 */
function completeRows(columns: readonly Float64Array[], weights: Float64Array | null, counts: Float64Array | Uint32Array | null, rows: Int32Array | null): Int32Array | null {
  const N = columns.length > 0 ? columns[0].length : 0;
  const missing = new Uint8Array(N);
  for (const col of columns) for (let r = 0; r < N; r++) if (col[r] !== col[r]) missing[r] = 1;
  const nRows = rows ? rows.length : N;
  const out = new Int32Array(nRows);
  let m = 0;
  for (let t = 0; t < nRows; t++) {
    const r = rows ? rows[t] : t;
    if (!(r >= 0 && r < N)) return null;
    if (weights && (counts ? counts[r] : 1) !== 0 && !(weights[r] >= 0 && weights[r] !== Infinity)) return null;
    if (missing[r] === 0) out[m++] = r;
  }
  return out.subarray(0, m);
}

/** The Moments of complete rows from their exact sums: m = sw, p[i,j] = s[i], q[i,j] = c[i,i] (as the loop gives). */
function completeMoments(names: string[], e: IntegerSums, weighted: boolean): Moments {
  const p = names.length;
  const pp = p * p;
  // arrays made at their length and filled by index: ~5× faster to build than by push
  const m = new Array<number>(pp).fill(e.sw);
  const pOut = new Array<number>(pp);
  const qOut = new Array<number>(pp);
  const nObs = new Array<number>(p);
  for (let i = 0; i < p; i++) {
    pOut.fill(e.s[i], i * p, i * p + p);
    qOut.fill(e.c[i * p + i], i * p, i * p + p);
    nObs[i] = e.n - 0;
  }
  return { items: names, n: e.n, weighted, sw: e.sw, sww: e.sww, nObs, s: toNumbers(e.s), m, p: pOut, q: qOut, c: toNumbers(e.c), complete: true };
}

/** cB[i,j] += Σ_{r<8} WX[i·8 + r] · X[j·8 + r] for j ≥ i: the cross-products of 8 gathered rows. */
function addRowProducts(WX: Float64Array, X: Float64Array, cB: Float64Array, p: number): void {
  for (let i = 0; i < p; i++) {
    const i8 = i * 8;
    const a0 = WX[i8];
    const a1 = WX[i8 + 1];
    const a2 = WX[i8 + 2];
    const a3 = WX[i8 + 3];
    const a4 = WX[i8 + 4];
    const a5 = WX[i8 + 5];
    const a6 = WX[i8 + 6];
    const a7 = WX[i8 + 7];
    const base = i * p;
    for (let j = i; j < p; j++) {
      const j8 = j * 8;
      cB[base + j] += a0 * X[j8] + a1 * X[j8 + 1] + a2 * X[j8 + 2] + a3 * X[j8 + 3] + a4 * X[j8 + 4] + a5 * X[j8 + 5] + a6 * X[j8 + 6] + a7 * X[j8 + 7];
    }
  }
}

/**
 * A plain number[] copy of a typed array, made at its length and filled by index (faster than Array.from, which
 * goes through the iterator, and than push).
 *
 * @example
 * toNumbers(new Float64Array([1, 2])) // [1, 2]
 */
export function toNumbers(a: Float64Array): number[] {
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i];
  return out;
}
