import { int16Table, int16TablePass, type Int16Table, type Moments } from '../stats/index.js';
import { resampleKernel, type ResampleKernel } from './resample-kernel.js';
import { packedIntegerFits, packedIntegerPass, packedIntegerRowsPass, packedIntegerTable, unpackSums, type PackedIntegerTable } from './resample-packed.js';
import { packedKernel } from './resample-packed-kernel.js';

/** Model-item rows packed once for the resample pass (row-major n × p), when no value is missing. */
export interface PackedRows {
  names: string[];
  n: number;
  p: number;
  /** x[i·p + k]: item k of row i. */
  x: Float64Array;
  /** Sampling weights, or null. */
  weights: Float64Array | null;
  /**
   * Per-row packed upper triangles of x_i x_iᵀ (n × p(p+1)/2), precomputed when small enough (see
   * {@link packRows}): a resample's cross-products are then one counts-weighted sum of these rows.
   */
  outer: Float64Array | null;
  /**
   * True when the cross-products are summed row by row as w·(x_a·x_b) (the order of the `outer` table; set for
   * small blocks, n·p(p+1)/2 ≤ 2,000,000), false for two rows at a time. Default: `outer !== null`.
   */
  rowOrder?: boolean;
  /**
   * max|x|² × max weight when every value and weight is an integer (then every product and partial sum of a resample
   * with Σ counts × exactScale ≤ 2^53 is an exact integer, the same in any order), else Infinity. Default Infinity.
   */
  exactScale?: number;
  /**
   * The rows' products packed several exact integer cells per double ({@link packedIntegerTable}), when the data are
   * non-negative integers with integer weights and small enough; the pass then reads 3× (or 2×) fewer doubles per
   * row, with bit-identical sums. Used only while `exactScale` is finite. Default none.
   */
  packedInt?: PackedIntegerTable | null;
  /**
   * The rows as 16-bit integers in a WebAssembly SIMD kernel's memory ({@link int16Table}), when every value is an
   * integer in 0…32,767, the weights are integers and WebAssembly SIMD is available: a pass whose row weights fit
   * (count × weight × max x ≤ 32,767) runs there, exact, so bit-identical. Default none.
   */
  int16?: Int16Table | null;
}

/** Largest precomputed outer-product table, in doubles (16 MB). */
const OUTER_LIMIT = 2_000_000;

/**
 * Pack item columns into one row-major block for {@link resampleMoments}, or return null when a value is missing
 * (then the general `accumulateMoments` pass with its missing-value sums is used). When n·p(p+1)/2 ≤ 2,000,000
 * (16 MB), each row's products x_a·x_b (a ≤ b) are precomputed too: packed several per double
 * ({@link packedIntegerTable}) for non-negative integer data, else one per double (`outer`).
 *
 * @example
 * packRows(['a', 'b'], [Float64Array.of(1, 2), Float64Array.of(3, 4)], null)?.x // Float64Array [1, 3, 2, 4]
 * // rowOrder: true (n·p(p+1)/2 ≤ 2,000,000); exactScale: 16 (integers, max |x| = 4); packedInt: 3 lanes;
 * // outer: null (the packed table serves); with real values, outer holds x_a·x_b for a ≤ b, row by row
 */
export function packRows(names: string[], columns: readonly Float64Array[], weights: Float64Array | null): PackedRows | null {
  const p = columns.length;
  const n = p > 0 ? columns[0].length : 0;
  const x = new Float64Array(n * p);
  let integral = true;
  let maxAbs = 0;
  for (let k = 0; k < p; k++) {
    const col = columns[k];
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (v !== v) return null;
      x[i * p + k] = v;
      const a = v < 0 ? -v : v;
      if (a > maxAbs) maxAbs = a;
      if (integral && Math.floor(v) !== v) integral = false;
    }
  }
  let maxW = 1;
  if (weights) {
    maxW = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i];
      if (!(w >= 0) || Math.floor(w) !== w) integral = false;
      else if (w > maxW) maxW = w;
    }
  }
  const t = (p * (p + 1)) / 2;
  const rowOrder = n * t <= OUTER_LIMIT;
  const exactScale = integral && Number.isFinite(maxAbs * maxAbs * maxW) ? maxAbs * maxAbs * maxW : Infinity;
  const packedInt = exactScale < Infinity ? packedIntegerTable(x, n, p, maxW) : null;
  const int16 = exactScale < Infinity ? int16Table(columns) : null;
  let outer: Float64Array | null = null;
  // the table serves the loops (the generated row-order kernel forms the same products itself); not built when the
  // packed integer table serves the passes (the loops form the products themselves for a pass it cannot hold)
  if (rowOrder && !packedInt?.table) {
    outer = new Float64Array(n * t);
    for (let i = 0; i < n; i++) {
      const o = i * p;
      let q = i * t;
      for (let a = 0; a < p; a++) {
        const xa = x[o + a];
        for (let b = a; b < p; b++) outer[q++] = xa * x[o + b];
      }
    }
  }
  return { names, n, p, x, weights, outer, rowOrder, exactScale, packedInt, int16 };
}

/** c += w1·x_r1 x_r1ᵀ + w2·x_r2 x_r2ᵀ over the packed upper triangle (the two rows' products summed first). */
function addTwoRows(c: Float64Array, x: Float64Array, p: number, r1: number, w1: number, r2: number, w2: number): void {
  const o1 = r1 * p;
  const o2 = r2 * p;
  let q = 0;
  for (let a = 0; a < p; a++) {
    const a1 = w1 * x[o1 + a];
    const a2 = w2 * x[o2 + a];
    for (let b = a; b < p; b++, q++) c[q] += a1 * x[o1 + b] + a2 * x[o2 + b];
  }
}

/** Rows per call of the generated kernel: small calls let V8 switch to the optimized code as soon as it is ready. */
const CHUNK = 4096;

/**
 * Row passes this thread runs with the loops before the generated kernel takes over. V8 optimizes the kernel
 * only after it has run a while, and compiling it costs ~0.3–1 s of CPU (p = 24, measured on the 2-core machine);
 * until then it runs interpreted, slower than the loops. 3,000,000 rows (30 resamples of 100,000 rows, 12,000 of
 * 250) keeps short bootstraps and one-shot passes on the loops and gives long ones the kernel.
 */
let kernelAfterRows = 3_000_000;
let loopRows = 0;

/**
 * Set the loop rows after which {@link resampleMoments} uses the generated kernel (0: at once; tests and benches),
 * returning the previous threshold. The sums are bit-identical either way.
 *
 * @example
 * const before = setKernelThreshold(0); // … resampleMoments(…) …; setKernelThreshold(before);
 */
export function setKernelThreshold(rows: number): number {
  const before = kernelAfterRows;
  kernelAfterRows = rows;
  return before;
}

/**
 * One pass of the generated kernel in calls of about {@link CHUNK} rows. In pair order each call but the last holds
 * an even number of drawn rows, so the pairs, and every operation, are those of one call over all rows.
 */
function runKernel(kernel: ResampleKernel, rows: PackedRows, counts: Uint32Array | null, rowOrder: boolean, s: Float64Array, c: Float64Array, tot: Float64Array, exact = false): void {
  const { n, p, x, weights } = rows;
  let start = 0;
  while (start < n) {
    let end = Math.min(n, start + CHUNK);
    // (exact sums are the same whichever rows pair up: no alignment needed then)
    if (!rowOrder && !exact && end < n) {
      let drawn = 0;
      for (let i = start; i < end; i++) if (!counts || counts[i] !== 0) drawn++;
      if (drawn % 2 === 1) {
        while (end < n && counts && counts[end] === 0) end++;
        if (end < n) end++; // the partner of the chunk's last drawn row
      }
    }
    const part = (a: Float64Array): Float64Array => a.subarray(start, end);
    kernel(x.subarray(start * p, end * p), end - start, counts ? counts.subarray(start, end) : null, weights ? part(weights) : null, s, c, tot);
    start = end;
  }
}

/**
 * The moments of one resample of complete rows, in the complete form (n, sw, sww, nObs, s, c; see `Moments`): one
 * pass over the rows drawn at least once, row weight w_i = count_i × weight_i,
 *
 *   sw = Σ w_i,  s_k = Σ w_i x_ik,  c_kl = Σ w_i x_ik x_il  (upper triangle accumulated, then mirrored).
 *
 * The same sums as `accumulateMoments` with `counts` (which also keeps missing-value sums), on a row-major block
 * with no per-row missing checks: the bootstrap's hot loop. In row order (`rowOrder`, small blocks) each row adds
 * w·(x_a·x_b); otherwise rows are added two at a time, (w1·x1_a)·x1_b + (w2·x2_a)·x2_b. The pass runs as generated
 * code ({@link resampleKernel}: 2–4× faster in V8 once optimized) when it can, else as loops, with bit-identical sums either way.
 * Non-negative integer data with integer weights and a small enough Σ counts run the integer-packed pass instead
 * ({@link packedIntegerPass}: 2–3 cells per double, exact, so bit-identical; mobi's 250 × 24: ~3× faster). Before
 * all of these, rows with an int16 table (`int16`: WebAssembly SIMD, integer values 0…32,767) take the exact int16
 * pass ({@link int16TablePass}) when the resample's weights fit it.
 * Integer data and weights with Σ counts × `exactScale` ≤ 2^53 make every partial sum exact, hence equal in any
 * order: row order then runs the faster two-row kernel. The kernel takes over after the thread's first
 * 3,000,000 row passes ({@link setKernelThreshold}): before that it would still be compiling. `into` (the moments
 * this function returned for the previous resample, of the same rows) is refilled and returned instead of new
 * arrays: the resampling loops use it so a resample leaves no garbage; a caller that keeps moments must not pass it.
 *
 * @example
 * const rows = packRows(['a'], [Float64Array.of(1, 2, 3)], null)!;
 * resampleMoments(rows, Uint32Array.of(2, 0, 1)).s // [5]
 */
export function resampleMoments(rows: PackedRows, counts: Uint32Array | null, into?: Moments): Moments {
  const { n, p, weights } = rows;
  // the WebAssembly int16 pass first (mobi 250 × 24: ~7 µs against ~16 for the packed table; 100,000 × 24:
  // ~2.1 ms against ~3.6 for the generated packed kernel); it declines a resample whose weights do not fit. Its sums
  // go to arrays kept with the table (momentsOf copies them out)
  if (rows.int16) {
    const b = int16Outputs(rows.int16, p);
    if (int16TablePass(rows.int16, counts, weights, b.s, b.c, b.tot)) return momentsOf(rows, b.s, b.c, b.tot, into);
  }
  const t = (p * (p + 1)) / 2;
  const c = new Float64Array(t); // packed upper triangle, row by row
  const s = new Float64Array(p);
  const tot = new Float64Array(3); // sw, sww, n
  let rowOrder = rows.rowOrder ?? rows.outer !== null;
  const warm = loopRows >= kernelAfterRows;
  const exact = (rows.exactScale ?? Infinity) < Infinity;
  let total = 0;
  if (exact) {
    if (counts) for (let i = 0; i < n; i++) total += counts[i];
    else total = n;
  }
  if (warm && rowOrder && exact && total * (rows.exactScale as number) <= 2 ** 53) rowOrder = false;
  const packed = exact && rows.packedInt && packedIntegerFits(rows.packedInt, total) ? rows.packedInt : null;
  // the table pass always wins; without a table (large n) the generated packed kernel once V8 has had time to
  // compile it (mobi-like 100,000 × 24: ~3 ms against ~6 for the generated plain kernel and ~14 for the packed
  // loops), the packed loops before that
  // (it compiles ~3× faster than the plain kernel, ~0.14 s against ~0.4–1 s: it takes over after a third of the rows)
  const pk = loopRows >= kernelAfterRows / 3 && packed && !packed.table ? packedKernel(p, packed.lanes, packed.bits) : null;
  const kernel = warm && !packed?.table && !pk ? resampleKernel(p, rowOrder ? 'row' : 'pair') : null;
  if (packed?.table) packedIntegerPass(packed, n, p, counts, weights, s, c, tot);
  else if (pk && packed) {
    const G = Math.ceil(p / packed.lanes);
    const sp = new Float64Array(G);
    const acc = new Float64Array(p * G);
    runKernel(pk, rows, counts, false, sp, acc, tot, true);
    unpackSums(packed, p, sp, acc, s, c);
  } else if (kernel) runKernel(kernel, rows, counts, rowOrder, s, c, tot, exact && total * (rows.exactScale as number) <= 2 ** 53);
  else {
    if (packed) packedIntegerRowsPass(packed, rows.x, n, p, counts, weights, s, c, tot);
    else resampleLoops(rows, counts, rowOrder, s, c, tot);
    loopRows += n;
  }
  return momentsOf(rows, s, c, tot, into);
}

const int16Buffers = new WeakMap<Int16Table, { s: Float64Array; c: Float64Array; tot: Float64Array }>();

/** The arrays the int16 pass of a table fills (s, packed upper triangle c, tot), made once per table. */
function int16Outputs(table: Int16Table, p: number): { s: Float64Array; c: Float64Array; tot: Float64Array } {
  let b = int16Buffers.get(table);
  if (!b) {
    b = { s: new Float64Array(p), c: new Float64Array((p * (p + 1)) / 2), tot: new Float64Array(3) };
    int16Buffers.set(table, b);
  }
  return b;
}

/** The Moments of a pass (s, the packed upper triangle c, tot = [sw, sww, n]): `into` refilled, or new arrays. */
function momentsOf(rows: PackedRows, s: Float64Array, c: Float64Array, tot: Float64Array, into?: Moments): Moments {
  const { p, weights } = rows;
  const nRows = tot[2];
  if (into && into.c.length === p * p && into.s.length === p && into.nObs.length === p) {
    // refill the caller's moments of the previous resample (no garbage per resample)
    fillMoments(into.c, into.s, c, s, p);
    into.nObs.fill(nRows);
    into.n = nRows;
    into.sw = tot[0];
    into.sww = tot[1];
    return into;
  }
  // arrays made at their length and filled by index (~5× faster to build than by push)
  const cc = new Array<number>(p * p);
  const sArr = new Array<number>(p);
  fillMoments(cc, sArr, c, s, p);
  const nObs = new Array<number>(p).fill(nRows);
  return {
    items: rows.names,
    n: nRows,
    weighted: weights !== null,
    sw: tot[0],
    sww: tot[1],
    nObs,
    s: sArr,
    m: [],
    p: [],
    q: [],
    c: cc,
    complete: true,
  };
}

/** cc (p × p) from the packed upper triangle c, mirrored; sArr from s. */
function fillMoments(cc: number[], sArr: number[], c: Float64Array, s: Float64Array, p: number): void {
  let q = 0;
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      const v = c[q++];
      cc[a * p + b] = v;
      cc[b * p + a] = v;
    }
  }
  for (let a = 0; a < p; a++) sArr[a] = s[a];
}

/**
 * The loops {@link resampleKernel} replaces (and the reference its tests compare with): fills s, the packed upper
 * triangle c and tot = [sw, sww, n] in row order (from the `outer` table when there is one) or two rows at a time.
 *
 * @example
 * const s = new Float64Array(1), c = new Float64Array(1), tot = new Float64Array(3);
 * resampleLoops(packRows(['a'], [Float64Array.of(1, 2, 3)], null)!, Uint32Array.of(2, 0, 1), false, s, c, tot);
 * // s = [5], c = [11], tot = [3, 5, 3]
 */
export function resampleLoops(rows: PackedRows, counts: Uint32Array | null, rowOrder: boolean, s: Float64Array, c: Float64Array, tot: Float64Array): void {
  const { n, p, x, weights, outer } = rows;
  const t = (p * (p + 1)) / 2;
  let sw = 0;
  let sww = 0;
  let nRows = 0;
  let pending = -1; // in pair order, rows are added two at a time (half the loads/stores of c)
  let pendingW = 0;
  for (let i = 0; i < n; i++) {
    const k = counts ? counts[i] : 1;
    if (k === 0) continue;
    const w = weights ? k * weights[i] : k;
    nRows += k;
    sw += w;
    sww += w * w;
    const o = i * p;
    for (let a = 0; a < p; a++) s[a] += w * x[o + a];
    if (rowOrder && outer) {
      // unrolled by 4 over the row's slice: ~2-3× faster in V8 than the plain indexed loop
      const row = outer.subarray(i * t, i * t + t);
      let q = 0;
      for (; q + 3 < t; q += 4) {
        c[q] += w * row[q];
        c[q + 1] += w * row[q + 1];
        c[q + 2] += w * row[q + 2];
        c[q + 3] += w * row[q + 3];
      }
      for (; q < t; q++) c[q] += w * row[q];
    } else if (rowOrder) {
      let q = 0;
      for (let a = 0; a < p; a++) {
        const xa = x[o + a];
        for (let b = a; b < p; b++) c[q++] += w * (xa * x[o + b]);
      }
    } else if (pending < 0) {
      pending = i;
      pendingW = w;
    } else {
      addTwoRows(c, x, p, pending, pendingW, i, w);
      pending = -1;
    }
  }
  if (pending >= 0) addTwoRows(c, x, p, pending, pendingW, pending, 0);
  tot[0] = sw;
  tot[1] = sww;
  tot[2] = nRows;
}
