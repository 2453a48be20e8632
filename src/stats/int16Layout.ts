/**
 * Where the int16 moments passes (int16Table.ts, int16Moments.ts, int16Incomplete.ts) put their data in the kernel's
 * memory, the column of ones they all add, and the way the kernel's pair totals become s and c: written once here.
 */
import { BLOCK_ROWS } from './int16Kernel.js';

/** Byte addresses of the regions of a kernel memory (see {@link kernelLayout}). */
export interface KernelLayout {
  /** Values: blocks × P columns of BLOCK_ROWS int16. */
  x: number;
  /** Row weights: blocks × BLOCK_ROWS int16. */
  w: number;
  /** The kernel's weighted copy of one block: P × BLOCK_ROWS int16. */
  scratch: number;
  /** Lanes: P(P+1)/2 pairs × 4 uint32. */
  acc: number;
  /** One column of doubles being packed: stageBlocks × BLOCK_ROWS float64 (none when stageBlocks is 0). */
  stage: number;
  /** The packing status: 16 int16 (none when stageBlocks is 0). */
  status: number;
  /** Bytes the memory must hold. */
  bytes: number;
}

/**
 * The kernel memory's regions for P columns of `blocks` blocks, one after another from address 0: x (2·BLOCK_ROWS·P
 * bytes a block), w (2·BLOCK_ROWS a block), scratch (2·BLOCK_ROWS·P), acc (16 bytes a pair), then, for callers that
 * use the kernel's `pack`, stage (8·BLOCK_ROWS a block, `stageBlocks` blocks) and status (32 bytes). With
 * stageBlocks 0 there is no stage or status: stage = status = bytes = the end of acc.
 *
 * @example
 * kernelLayout(2, 1, 1) // { x: 0, w: 1024, scratch: 1536, acc: 2560, stage: 2608, status: 4656, bytes: 4688 }
 */
export function kernelLayout(P: number, blocks: number, stageBlocks = 0): KernelLayout {
  const col = 2 * BLOCK_ROWS;
  const x = 0;
  const w = x + blocks * P * col;
  const scratch = w + blocks * col;
  const acc = scratch + P * col;
  const stage = acc + 16 * ((P * (P + 1)) / 2);
  const status = stage + 8 * stageBlocks * BLOCK_ROWS;
  return { x, w, scratch, acc, stage, status, bytes: stageBlocks > 0 ? status + 32 : status };
}

/**
 * Column a of P in the blocked int16 layout (x16 from the first block): 1 on rows 0 … len−1, 0 on the padding rows
 * of the last block (the column of ones whose pairs give Σw·x_a and Σw).
 *
 * @example
 * const x16 = new Int16Array(2 * 3 * BLOCK_ROWS);
 * fillOnes(x16, 2, 3, BLOCK_ROWS + 1); // x16[2·BLOCK_ROWS …] = 1 (BLOCK_ROWS of them), then 1 once in block 2, rest 0
 */
export function fillOnes(x16: Int16Array, a: number, P: number, len: number): void {
  for (let base = 0, o = a * BLOCK_ROWS; base < len; base += BLOCK_ROWS, o += P * BLOCK_ROWS) {
    const end = Math.min(BLOCK_ROWS, len - base);
    x16.fill(1, o, o + end);
    x16.fill(0, o + end, o + BLOCK_ROWS);
  }
}

/**
 * The kernel's pair totals over p columns and a last column of ones (P = p + 1; pair (a, b), a ≤ b, row by row)
 * into s (s_a = total of pair (a, p) = Σ w·x_a) and c (Σ w·x_a·x_b for a ≤ b < p): `packed` writes c as the upper
 * triangle row by row (p(p+1)/2 cells), otherwise as the symmetric p × p matrix row-major. Pair (p, p) (Σ w) is
 * not written. Values are copied, not computed: nothing is rounded.
 *
 * @example
 * const s = new Float64Array(1), c = new Float64Array(1);
 * splitPairs(Float64Array.of(14, 6, 3), 1, s, c, true) // s = [6], c = [14]
 */
export function splitPairs(totals: Float64Array, p: number, s: Float64Array, c: Float64Array, packed: boolean): void {
  const P = p + 1;
  for (let a = 0, q = 0, cq = 0; a < P; a++) {
    for (let b = a; b < P; b++, q++) {
      if (b === p) {
        if (a < p) s[a] = totals[q];
      } else if (packed) {
        c[cq++] = totals[q];
      } else {
        c[a * p + b] = totals[q];
        c[b * p + a] = totals[q];
      }
    }
  }
}
