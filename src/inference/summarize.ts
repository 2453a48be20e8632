import { normalQuantile, studentTTwoSided } from '../stats/index.js';
import { bcaLevel, jackknifeAcceleration, type Interval } from './intervals.js';
import { quantileType7Sorted, selectOne, type7Positions } from './quantile.js';

/** How the p value and t are referenced: 0 for coefficients (H0: θ = 0), 1 for HTMT (H0: HTMT = 1, as seminr). */
export type NullValue = 0 | 1;

/** Options of {@link summarizeDraws}. */
export interface SummarizeDrawsOptions {
  /** Confidence level. Default 0.95. */
  level?: number;
  /** Leave-one-out (or leave-group-out) estimates for the BCa acceleration; without them BCa is not computed. */
  jackknife?: ArrayLike<number>;
  /** Null value for t and p: 0 (default) or 1 (HTMT, as seminr's `parse_boot_array_htmt`). */
  nullValue?: NullValue;
}

/** Bootstrap summary of one statistic. */
export interface DrawSummary {
  /** Estimate on the full data. */
  estimate: number;
  /** Mean of the bootstrap draws. */
  mean: number;
  /** Bootstrap standard error: SD of the draws with divisor B − 1 (R `sd`). */
  se: number;
  /** mean − estimate. */
  bias: number;
  /**
   * t = estimate / se (seminr's "T Stat."); for HTMT (null value 1) t = (1 − estimate) / se. NaN when se = 0 or
   * t > 999999999 (seminr prints NA then, e.g. for a single item's weight of 1).
   */
  t: number;
  /**
   * Two-sided bootstrap p value as seminr reports it (`parse_boot_array`): 2·min(P*(θ* ≤ 0), P*(θ* > 0)), the
   * share of draws on either side of the null value; for HTMT 2·min(P*(θ* < 1), P*(θ* ≥ 1)).
   */
  p: number;
  /** Two-sided p of t under Student's t with B − 1 degrees of freedom (2·pt(−|t|, B − 1)), the textbook reading. */
  pT: number;
  /** Percentile interval (R type-7 quantiles). */
  percentile: Interval;
  /** Bias-corrected (BC) percentile interval. */
  bc: Interval;
  /** BCa interval, present when jackknife estimates were given. */
  bca?: Interval;
  /** Jackknife acceleration â, present with `bca`. */
  acceleration?: number;
}

/**
 * Summarize the bootstrap draws of one statistic: mean, SE (SD with divisor B − 1), t, seminr's bootstrap p, the
 * t-distribution p, percentile / BC / BCa intervals. NaN draws must be removed beforehand. Works on a copy of the
 * draws ({@link summarizeColumns} does the work).
 *
 * @example
 * const s = summarizeDraws(2, [1, 2, 3, 4]);
 * s.mean // 2.5
 * s.percentile // [1.075, 3.925] (R: quantile(1:4, c(.025, .975)))
 */
export function summarizeDraws(estimate: number, draws: ArrayLike<number>, options: SummarizeDrawsOptions = {}): DrawSummary {
  const acceleration = options.jackknife ? Float64Array.of(jackknifeAcceleration(options.jackknife)) : null;
  const nullValue = options.nullValue === 1 ? Uint8Array.of(1) : null;
  return summarizeColumns(Float64Array.of(estimate), Float64Array.from(draws), draws.length, options.level ?? 0.95, nullValue, acceleration)[0];
}

/**
 * {@link summarizeDraws} of several statistics at once, on columns the caller gives up: statistic q's B draws, in
 * resample order, at columns[q·B … q·B + B − 1], reordered in place (the quantile positions end up holding the
 * sorted draws' values). Per statistic: the sum and the counts for p and for ẑ₀ = Φ⁻¹(#{θ* < θ̂}/B) in one pass in
 * resample order ({@link columnPasses}), the squared deviations in a second; ẑ₀ is counted once for the selection, BC
 * and BCa (the count {@link biasCorrection} makes); then the type-7 positions the intervals read are selected
 * ({@link selectTails}, else {@link selectSorted}) — or the column fully sorted when a draw is NaN or zero (a
 * typed-array sort orders −0 before +0; comparisons do not). The loops are small functions of their own, each running over every column, which
 * a fresh process optimizes at once (one large function took V8 ~60 ms to compile, twice). `nullValues[q]` = 1 tests statistic q against 1
 * (HTMT; null: all 0); `accelerations[q]` is its jackknife â (null: no BCa).
 *
 * @example
 * summarizeColumns(Float64Array.of(2), Float64Array.of(1, 2, 3, 4), 4, 0.95, null, null)[0].mean // 2.5
 */
export function summarizeColumns(
  estimates: Float64Array,
  columns: Float64Array,
  b: number,
  level: number,
  nullValues: Uint8Array | null,
  accelerations: Float64Array | null,
): DrawSummary[] {
  const out: DrawSummary[] = [];
  const lo = (1 - level) / 2;
  const positions: number[] = [];
  const nq = estimates.length;
  const sums = new Float64Array(4 * nq);
  columnPasses(columns, b, estimates, nullValues, sums);
  const means = new Float64Array(nq);
  for (let q = 0; q < nq; q++) means[q] = sums[4 * q] / b;
  const squares = new Float64Array(nq);
  squaredDeviations(columns, b, means, squares);
  const stack = new Int32Array(4 * 32);
  for (let q = 0; q < nq; q++) {
    const estimate = estimates[q];
    const nullValue = nullValues !== null && nullValues[q] === 1 ? 1 : 0;
    const from = q * b;
    const to = from + b;
    const mean = means[q];
    const low = sums[4 * q + 1];
    const below = sums[4 * q + 2];
    const ss = squares[q];
    const se = b > 1 ? Math.sqrt(ss / (b - 1)) : NaN;
    const tRaw = nullValue === 1 ? (1 - estimate) / se : estimate / se;
    const t = se > 0 && !(tRaw > 999999999) ? tRaw : NaN; // seminr reports NA above 999999999 (and for SD 0)
    const p = b > 0 ? 2 * Math.min(low / b, (b - low) / b) : NaN;
    const z0 = normalQuantile(below / b); // biasCorrection's ẑ₀
    const acceleration = accelerations !== null ? accelerations[q] : undefined;
    const bcLo = bcaLevel(lo, z0, 0);
    const bcHi = bcaLevel(1 - lo, z0, 0);
    const bcaLo = acceleration !== undefined ? bcaLevel(lo, z0, acceleration) : NaN;
    const bcaHi = acceleration !== undefined ? bcaLevel(1 - lo, z0, acceleration) : NaN;
    const column = columns.subarray(from, to);
    if (sums[4 * q + 3] === 0) column.sort();
    else {
      positions.length = 0;
      positions.push(...type7Positions(b, lo), ...type7Positions(b, 1 - lo), ...type7Positions(b, bcLo), ...type7Positions(b, bcHi));
      if (acceleration !== undefined) positions.push(...type7Positions(b, bcaLo), ...type7Positions(b, bcaHi));
      positions.sort((x, y) => x - y);
      if (!selectTails(column, positions)) selectSorted(column, positions, stack);
    }
    const s: DrawSummary = {
      estimate,
      mean,
      se,
      bias: mean - estimate,
      t,
      p,
      pT: b > 1 ? studentTTwoSided(t, b - 1) : NaN,
      percentile: [quantileType7Sorted(column, lo), quantileType7Sorted(column, 1 - lo)],
      bc: [quantileType7Sorted(column, bcLo), quantileType7Sorted(column, bcHi)],
    };
    if (acceleration !== undefined) {
      s.acceleration = acceleration;
      s.bca = [quantileType7Sorted(column, bcaLo), quantileType7Sorted(column, bcaHi)];
    }
    out.push(s);
  }
  return out;
}

/**
 * One pass over each column q (columns[q·B … q·B + B − 1], in order): out[4q … 4q + 3] = [Σ draws, #{draws ≤ 0}
 * (#{draws < 1} when nullValues[q] is 1), #{draws < estimates[q]}, 1 when no draw is NaN or zero (else 0)]. Every
 * column in one call: a fresh process compiles the loop once (on stack replacement) for all of them.
 */
function columnPasses(columns: Float64Array, b: number, estimates: Float64Array, nullValues: Uint8Array | null, out: Float64Array): void {
  for (let q = 0; q < estimates.length; q++) {
    const estimate = estimates[q];
    // draws at or below the null value: v ≤ 0, or v < 1 for HTMT (as v ≤ the largest double below 1)
    const limit = nullValues !== null && nullValues[q] === 1 ? ONE_BELOW : 0;
    let sum = 0;
    let low = 0;
    let below = 0;
    let plain = 1;
    for (let i = q * b, to = i + b; i < to; i++) {
      const v = columns[i];
      sum += v;
      if (v <= limit) low++;
      if (v < estimate) below++;
      if (v !== v || v === 0) plain = 0;
    }
    out[4 * q] = sum;
    out[4 * q + 1] = low;
    out[4 * q + 2] = below;
    out[4 * q + 3] = plain;
  }
}

/** The largest double below 1 (1 − 2⁻⁵³): v < 1 exactly when v ≤ it. */
const ONE_BELOW = 1 - 2 ** -53;

/** squares[q] = Σ (draw − means[q])² over column q, in order; every column in one call. */
function squaredDeviations(columns: Float64Array, b: number, means: Float64Array, squares: Float64Array): void {
  for (let q = 0; q < means.length; q++) {
    const mean = means[q];
    let ss = 0;
    for (let i = q * b, to = i + b; i < to; i++) ss += (columns[i] - mean) * (columns[i] - mean);
    squares[q] = ss;
  }
}

/** Columns shorter than this go straight to {@link selectSorted}. */
const TAIL_MIN = 256;
/** Evenly spaced draws sorted to place the tail thresholds. */
const SAMPLE = 64;
const sample = new Float64Array(SAMPLE);
/** Farthest sample rank a threshold may take (a quarter of the sample: tails of up to ~25 % of the draws are sorted). */
const TAIL_MAX = SAMPLE / 4;

/**
 * {@link selectSorted} for positions in the two tails, the common case (2.5 % and 97.5 %, shifted by the BC and BCa
 * corrections): one pass moves the draws below a threshold to the front and, when every position below B/2 falls
 * among them, the typed-array sort orders just those (they are the smallest draws, so the k-th of them is the k-th
 * overall); likewise the draws above a second threshold to the back for the positions above B/2. The thresholds are
 * quantiles of 64 evenly spaced draws, a little beyond the farthest position. Returns false (the column partly
 * reordered, its values intact) when a tail turns out too short — ties at the threshold, an unlucky sample — or a
 * position lies beyond the outer ~15 % of the draws (the BC levels move the 2.5 % positions to ~7 % when ẑ₀ is
 * about ±0.25), or the column is short; the caller then selects as usual. Values must not be NaN and not mix −0 and +0.
 *
 * @example
 * const a = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
 * selectTails(a, [24, 25, 974, 975]); // true: a[24] = 24, a[25] = 25, a[974] = 974, a[975] = 975
 */
export function selectTails(a: Float64Array, positions: readonly number[]): boolean {
  const b = a.length;
  if (b < TAIL_MIN) return false;
  let lowMax = -1; // farthest position in the lower half
  let highMin = b; // farthest position in the upper half
  for (let j = 0; j < positions.length; j++) {
    const k = positions[j];
    if (k < b / 2) lowMax = Math.max(lowMax, k);
    else highMin = Math.min(highMin, k);
  }
  for (let j = 0; j < SAMPLE; j++) sample[j] = a[Math.floor((j * b) / SAMPLE)];
  sample.sort();
  let front = 0;
  if (lowMax >= 0) {
    const at = Math.ceil(((lowMax + 1) / b) * SAMPLE * 1.5) + 2;
    if (at > TAIL_MAX) return false;
    front = moveBelow(a, sample[at]);
    if (front <= lowMax) return false;
    a.subarray(0, front).sort();
  }
  if (highMin < b) {
    const at = SAMPLE - 1 - (Math.ceil(((b - highMin) / b) * SAMPLE * 1.5) + 2);
    if (at < SAMPLE - 1 - TAIL_MAX) return false;
    const back = moveAbove(a, front, sample[at]);
    if (back > highMin) return false;
    a.subarray(back, b).sort();
  }
  return true;
}

/** Moves the draws below v to the front of a (one pass, swapping); returns how many there are. */
function moveBelow(a: Float64Array, v: number): number {
  let i = 0;
  for (let j = 0; j < a.length; j++) {
    const x = a[j];
    if (x < v) {
      a[j] = a[i];
      a[i++] = x;
    }
  }
  return i;
}

/** Moves the draws of a[from …] above v to the back (one pass, swapping); returns where they start. */
function moveAbove(a: Float64Array, from: number, v: number): number {
  let i = a.length;
  for (let j = a.length - 1; j >= from; j--) {
    const x = a[j];
    if (x > v) {
      a[j] = a[--i];
      a[i] = x;
    }
  }
  return i;
}

/**
 * Partial sort of `a` in place: afterwards a[k] is the k-th smallest value for each k of `positions` (ascending;
 * repeats and positions outside a are ignored), as in the fully sorted array. Hoare's FIND (median-of-three pivot)
 * for the middle position of a range of positions, then for the positions left of it on the values left of it and
 * likewise right: {@link selectPositions}' recursion, on an explicit stack of [left, right, from, to] (`stack`:
 * room for 32 ranges; the depth is about log₂ of the number of positions). Values must not be NaN and not mix −0
 * and +0.
 */
function selectSorted(a: Float64Array, positions: readonly number[], stack: Int32Array): void {
  let top = 0;
  stack[top++] = 0;
  stack[top++] = a.length - 1;
  stack[top++] = 0;
  stack[top++] = positions.length - 1;
  while (top > 0) {
    const pTo = stack[--top];
    const pFrom = stack[--top];
    const right = stack[--top];
    const left = stack[--top];
    if (pFrom > pTo || left >= right) continue;
    const mid = (pFrom + pTo) >>> 1;
    const k = positions[mid];
    if (k >= left && k <= right) selectOne(a, left, right, k);
    const kl = Math.min(k, right + 1);
    const kr = Math.max(k, left - 1);
    stack[top++] = left;
    stack[top++] = kl - 1;
    stack[top++] = pFrom;
    stack[top++] = mid - 1;
    stack[top++] = kr + 1;
    stack[top++] = right;
    stack[top++] = mid + 1;
    stack[top++] = pTo;
  }
}
