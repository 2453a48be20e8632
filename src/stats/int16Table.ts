/**
 * Rows kept as 16-bit integers in the WebAssembly kernel's memory for many weighted passes over the same rows (the
 * bootstrap: one pass per resample, row weight w = count × sampling weight). The values are copied once; a pass
 * writes the row weights and runs the kernel ({@link int16Kernel}): every sum is an exact integer, so a pass gives
 * the sums of the JavaScript loops bit for bit.
 */
import { BLOCK_ROWS, flushBlocks, int16Kernel, runPairs, type Int16Kernel } from './int16Kernel.js';
import { CHUNK_BLOCKS, INT16_MAX } from './int16Moments.js';

/** Complete non-negative integer rows in a kernel instance of their own (see {@link int16Table}). */
export interface Int16Table {
  /** The kernel instance whose memory holds the rows. */
  kernel: Int16Kernel;
  /** Rows and items. */
  n: number;
  p: number;
  /** Largest value. */
  maxX: number;
  /** Blocks of {@link BLOCK_ROWS} rows. */
  blocks: number;
  /** Byte addresses: values (blocks × (p + 1) columns, the last all ones), row weights, scratch block, lanes. */
  x: number;
  w: number;
  scratch: number;
  acc: number;
  /** Views made once (the memory never grows): row weights, lanes, and the pass's double totals. */
  w16: Int16Array;
  lanes: Uint32Array;
  totals: Float64Array;
}

/**
 * The rows of x (row-major n × p) as an {@link Int16Table}, or null when the kernel is unavailable (no WebAssembly
 * SIMD, or refused) or a value is not an integer in 0…32,767 (missing, negative, fractional or larger).
 *
 * @example
 * const t = int16Table(Float64Array.of(1, 2, 3, 4), 2, 2); // rows (1, 2) and (3, 4); null without WebAssembly SIMD
 */
export function int16Table(x: Float64Array, n: number, p: number): Int16Table | null {
  if (p < 1 || n < 1 || x.length !== n * p) return null;
  let maxX = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!(v >= 0 && v <= INT16_MAX) || Math.floor(v) !== v) return null;
    if (v > maxX) maxX = v;
  }
  const P = p + 1;
  const blocks = Math.ceil(n / BLOCK_ROWS);
  const col = 2 * BLOCK_ROWS;
  const xAt = 0;
  const wAt = xAt + blocks * P * col;
  const scratch = wAt + blocks * col;
  const acc = scratch + P * col;
  const kernel = int16Kernel(acc + 16 * ((P * (P + 1)) / 2));
  if (!kernel) return null;
  const x16 = new Int16Array(kernel.memory.buffer, xAt, blocks * P * BLOCK_ROWS); // fresh memory: zeros
  for (let i = 0; i < n; i++) {
    const o = Math.floor(i / BLOCK_ROWS) * P * BLOCK_ROWS + (i % BLOCK_ROWS);
    for (let a = 0; a < p; a++) x16[o + a * BLOCK_ROWS] = x[i * p + a];
    x16[o + p * BLOCK_ROWS] = 1;
  }
  const pairs = (P * (P + 1)) / 2;
  const w16 = new Int16Array(kernel.memory.buffer, wAt, blocks * BLOCK_ROWS);
  const lanes = new Uint32Array(kernel.memory.buffer, acc, 4 * pairs);
  return { kernel, n, p, maxX, blocks, x: xAt, w: wAt, scratch, acc, w16, lanes, totals: new Float64Array(pairs) };
}

/**
 * One weighted pass over the table's rows, w_i = counts_i × weights_i (1 when null): fills s (p: Σ w·x_a), c (the
 * packed upper triangle, p(p+1)/2 cells row by row: Σ w·x_a·x_b for a ≤ b) and tot = [Σ w, Σ w², Σ counts]. Returns
 * false, leaving s, c and tot untouched, when the pass does not qualify: a row weight that is not an integer, or
 * w·max x above 32,767, or Σ w·max(1, max x)² ≥ 2^53. The sums are exact integers: bit-identical to any loop.
 *
 * @example
 * const t = int16Table(Float64Array.of(1, 2, 3), 3, 1);
 * const s = new Float64Array(1), c = new Float64Array(1), tot = new Float64Array(3);
 * if (t) int16TablePass(t, Uint32Array.of(2, 0, 1), null, s, c, tot); // s = [5], c = [11], tot = [3, 5, 3]
 */
export function int16TablePass(
  t: Int16Table,
  counts: Uint32Array | null,
  weights: Float64Array | null,
  s: Float64Array,
  c: Float64Array,
  tot: Float64Array,
): boolean {
  const { n, p, maxX, kernel, w16, totals } = t;
  const limit = Math.floor(INT16_MAX / Math.max(1, maxX)); // largest w with w·x ≤ 32767
  let sw = 0;
  let sww = 0;
  let nRows = 0;
  let maxW = 0;
  let ones = true; // every w = 1
  for (let i = 0; i < n; i++) {
    const k = counts === null ? 1 : counts[i];
    const w = weights === null ? k : k * weights[i];
    if (!(w >= 0 && w <= limit) || Math.floor(w) !== w) return false;
    w16[i] = w;
    if (w !== 1) ones = false;
    if (k === 0) continue;
    nRows += k;
    sw += w;
    sww += w * w;
    if (w > maxW) maxW = w;
  }
  const perCall = Math.min(CHUNK_BLOCKS, flushBlocks(maxW, maxX));
  if (!(sw * Math.max(1, maxX) ** 2 < 2 ** 53) || perCall < 1) return false;
  const P = p + 1;
  totals.fill(0);
  if (maxW > 0) {
    // unweighted call (wx = x) only when every row's w is 1
    runPairs(kernel, t.x, ones ? 0 : t.w, t.blocks, P, t.acc, t.lanes, t.scratch, perCall, totals);
  }
  for (let a = 0, q = 0, cq = 0; a < P; a++) {
    for (let b = a; b < P; b++, q++) {
      if (b === p) {
        if (a < p) s[a] = totals[q];
      } else c[cq++] = totals[q];
    }
  }
  tot[0] = sw;
  tot[1] = sww;
  tot[2] = nRows;
  return true;
}
