/**
 * The WebAssembly moments kernel at run time: compiling its module (the bytes written by `int16MomentsModule`, see
 * int16KernelModule.ts for what it computes), instances with a memory of their own, and the calls with their
 * lane flushes. Where WebAssembly or its SIMD instructions are missing or refused, {@link int16Module} is null and
 * callers take their JavaScript passes.
 */
import { CsiError } from '../errors.js';
import { compileWasm, wasmApi } from '../wasm/index.js';
import { BLOCK_ROWS, int16MomentsModule } from './int16KernelModule.js';

export { BLOCK_ROWS };

/** The kernel's exported function (addresses in bytes; see the module comment). */
export type MomentsKernel = (x: number, w: number, blocks: number, P: number, acc: number, scratch: number) => void;

/** The kernel's `pack` (byte addresses; see int16KernelModule.ts): one column of doubles into the int16 layout. */
export type PackKernel = (src: number, dst: number, blocks: number, P: number, status: number) => void;

/** A kernel instance with a memory of its own. */
export interface Int16Kernel {
  memory: WebAssembly.Memory;
  moments: MomentsKernel;
  pack: PackKernel;
}

let compiled: WebAssembly.Module | null | undefined;

/**
 * The compiled kernel module, once per process (written by `int16MomentsModule`, compiled by the wasm/ floor's
 * `compileWasm`), or null where WebAssembly or its SIMD instructions are missing or refused (a Content-Security-Policy
 * without 'wasm-unsafe-eval' makes the compile throw): callers then take their JavaScript pass. The module stays
 * below the synchronous-compile limit of browsers' main threads (`SYNC_COMPILE_LIMIT`; a test checks).
 *
 * @example
 * if (int16Module()) { … }
 */
export function int16Module(): WebAssembly.Module | null {
  if (compiled === undefined) compiled = wasmApi() ? compileWasm(int16MomentsModule()) : null;
  return compiled;
}

/**
 * A kernel instance over a fresh memory of at least `bytes` bytes, or null without WebAssembly (see {@link int16Module}).
 *
 * @example
 * const k = int16Kernel(1 << 20); // k?.memory.buffer.byteLength ≥ 1 MiB
 */
export function int16Kernel(bytes: number): Int16Kernel | null {
  const module = int16Module();
  const api = wasmApi();
  if (!module || !api) return null;
  try {
    const memory = new api.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
    const instance = new api.Instance(module, { env: { memory } });
    return { memory, moments: instance.exports.moments as unknown as MomentsKernel, pack: instance.exports.pack as unknown as PackKernel };
  } catch {
    return null; // e.g. out of memory: the JavaScript pass still works
  }
}

/** The largest lane value: lanes are read as unsigned 32-bit integers. */
const LANE_MAX = 2 ** 32 - 1;

/**
 * Blocks one kernel call may add before its lanes must be moved to double totals: each lane receives
 * BLOCK_ROWS/4 rows per block, each adding at most maxW·max(1, maxX)², and must stay ≤ 2^32 − 1. 0 when even one
 * block could overflow (the caller then takes another pass).
 *
 * @example
 * flushBlocks(1, 10) // 671088 (64 rows per lane per block, each ≤ 100)
 */
export function flushBlocks(maxW: number, maxX: number, rows = BLOCK_ROWS): number {
  const perRow = maxW * Math.max(1, maxX) ** 2;
  return Math.floor(LANE_MAX / ((rows / 4) * perRow));
}

/**
 * Run the kernel over `blocks` blocks at byte address x (weights at w, 0 for none) in calls of at most `perCall`
 * blocks, moving the lanes of acc (`lanes`: a view of the P(P+1)/2 pairs × 4 uint32 at byte address acc) into
 * `totals` after each call: acc zeroed first, then after each call totals[q] += lane0 + lane1 + lane2 + lane3
 * (integers < 2^34: exact) and acc zeroed again before a next call. The memory must not grow meanwhile (the
 * kernels' memories never grow, so views made once stay valid).
 *
 * @example
 * runPairs(k, xAt, 0, 1, 25, accAt, new Uint32Array(k.memory.buffer, accAt, 4 * 325), scratchAt, flushBlocks(1, 10), totals);
 */
export function runPairs(k: Int16Kernel, x: number, w: number, blocks: number, P: number, acc: number, lanes: Uint32Array, scratch: number, perCall: number, totals: Float64Array): void {
  if (!(perCall >= 1)) throw new CsiError('INVALID_OPTION', `runPairs: ${perCall} blocks per call (the caller must decline data whose lanes could overflow).`);
  const pairs = (P * (P + 1)) / 2;
  const colBytes = 2 * BLOCK_ROWS * P;
  const wBytes = 2 * BLOCK_ROWS;
  lanes.fill(0); // the memory may hold an earlier pass's data there
  for (let done = 0; done < blocks; ) {
    const now = Math.min(perCall, blocks - done);
    k.moments(x + done * colBytes, w === 0 ? 0 : w + done * wBytes, now, P, acc, scratch);
    for (let q = 0, l = 0; q < pairs; q++, l += 4) totals[q] += lanes[l] + lanes[l + 1] + lanes[l + 2] + lanes[l + 3];
    done += now;
    if (done < blocks) lanes.fill(0);
  }
}

/**
 * Rows j0 … j0+len−1 of one column into the int16 layout by the kernel's `pack`: the doubles are copied into the
 * kernel's memory at byte address stageAt (`stage`, a view there; a native copy), zeros after them up to the end of
 * the last of `blocks` blocks, then converted and checked in WebAssembly into byte address dst (the column's place
 * in the first block; P columns per block). Returns the largest value, or −1 when a value is not an integer in
 * 0…32,767 (see `pack` in int16KernelModule.ts; `status` is a view of the 16 int16 at statusAt).
 *
 * @example
 * packColumn(k, column, 0, column.length, blocks, 25, xAt + 2 * BLOCK_ROWS * a, stageAt, stage, statusAt, status) // max, or −1
 */
export function packColumn(
  k: Int16Kernel,
  col: Float64Array,
  j0: number,
  len: number,
  blocks: number,
  P: number,
  dst: number,
  stageAt: number,
  stage: Float64Array,
  statusAt: number,
  status: Int16Array,
): number {
  stage.set(j0 === 0 && len === col.length ? col : col.subarray(j0, j0 + len));
  if (len < blocks * BLOCK_ROWS) stage.fill(0, len, blocks * BLOCK_ROWS);
  k.pack(stageAt, dst, blocks, P, statusAt);
  for (let i = 0; i < 8; i++) if (status[i] !== 0) return -1;
  let max = 0;
  for (let i = 8; i < 16; i++) if (status[i] > max) max = status[i];
  return max;
}
