/**
 * The WebAssembly SIMD kernel of the exact integer moments pass: cross-products of 16-bit integer columns.
 *
 * Data layout in the kernel's memory (all byte addresses multiples of 16): rows in blocks of {@link BLOCK_ROWS}
 * rows; block k holds P columns of BLOCK_ROWS int16 values each, column after column (so one block's columns are
 * contiguous, 2·BLOCK_ROWS·P bytes, and stay in the L1 cache while all pairs are formed). The caller puts the p item
 * columns first and a column of ones last (1 on real rows, 0 on padding rows), so Σ w·x_a·1 = s_a and Σ w·1·1 = Σ w.
 *
 * `moments(x, w, blocks, P, acc, scratch)` adds, for every pair a ≤ b of the P columns, Σ_r w_r·x_ra·x_rb over the
 * rows of `blocks` blocks into acc: 4 int32 lanes per pair (pairs in the order (0,0), (0,1), …, (0,P−1), (1,1), …;
 * 16 bytes each), lane l holding the rows r ≡ 2l, 2l+1 (mod 8):
 *
 *     for each block k:
 *       if w ≠ 0:  wx[a][r] = x[a][r] · w[r]          (i16x8.mul; the caller guarantees w·x ≤ 32767)
 *       else:      wx = x                              (every row weighs 1)
 *       q = 0
 *       for a in 0 … P−1:  for b in a … P−1:
 *         for r in 0, 8, 16, … BLOCK_ROWS − 8:        (unrolled; 8 rows per instruction)
 *           acc[q] += dot(wx[a][r … r+7], x[b][r … r+7])
 *           (i32x4.dot_i16x8_s: lane l += wx[a][r+2l]·x[b][r+2l] + wx[a][r+2l+1]·x[b][r+2l+1])
 *         q += 1
 *
 * Exactness: with 0 ≤ x ≤ 32767 and 0 ≤ w·x ≤ 32767 one dot lane is at most 2·32767² < 2^31, so the signed
 * 16×16→32-bit products never overflow; i32x4.add wraps modulo 2^32, so a lane read as unsigned is the exact sum
 * while the true sum is < 2^32. Each call adds at most blocks·BLOCK_ROWS/4 rows to a lane, each at most
 * maxW·max(1, maxX)²; the caller chooses `blocks` ≤ {@link flushBlocks} so no lane reaches 2^32, then moves the lanes
 * into double totals (exact while < 2^53) and zeroes acc (`runPairs` in int16Kernel.ts).
 *
 * `pack(src, dst, blocks, P, status)` converts one column of blocks·BLOCK_ROWS doubles at src into that layout (column
 * a of P when dst is the byte address of column a in block 0), checking every value:
 *
 *     for each block k:  for r in 0, 8, … BLOCK_ROWS − 8:       (8 values per step)
 *       t = trunc_sat(v)  for the 8 doubles v               (i32x4.trunc_sat_f64x2_s_zero, 2 per vector)
 *       bad |= (double(t) ≠ v)                             (NaN, fractional, or outside int32)
 *       bad |= (t >u 32767)                                (negative, or above int16; unsigned compare)
 *       h = int16(t); max = max(max, h); store h at dst     (i16x8.narrow_i32x4_s, i16x8.max_s)
 *       src += 64 bytes; dst += 16 bytes
 *     dst += 2·BLOCK_ROWS·(P − 1) bytes after each block     (the same column of the next block)
 *     status[0 … 15] = bad (all zero when every value is an integer in 0 … 32767); status[16 … 31] = max (8 × int16)
 *
 * The module is written at run time by {@link int16MomentsModule} with the wasm/ floor's writer (no shipped binary).
 */
import { I32, OP, SIMD, V128, codeBuffer, wasmModule, type CodeBuffer } from '../wasm/index.js';

/** Rows per block (a multiple of 8). 256 rows × 25 columns × 2 bytes = 12.8 KB: x and wx of a block fit in L1. */
export const BLOCK_ROWS = 256;

/**
 * Instruction writers over one body, written through the wasm/ floor's `codeBuffer` (WebAssembly Core
 * Specification 2.0, §5.4): the few shapes the two functions repeat, named for what they do.
 */
function emitter(c: CodeBuffer) {
  const get = (i: number): void => c.opU(OP.localGet, i);
  const set = (i: number): void => c.opU(OP.localSet, i);
  const tee = (i: number): void => c.opU(OP.localTee, i);
  const i32 = (n: number): void => c.i32Const(n);
  /** loop … end, the body ending in a count-down of `counter` that branches back while it is not 0 */
  const loopDown = (counter: number, body: () => void): void =>
    c.loop(() => {
      body();
      get(counter);
      i32(1);
      c.op(OP.i32Sub);
      tee(counter);
      c.opU(OP.brIf, 0); // back to the loop's start
    });
  return {
    get,
    set,
    tee,
    i32,
    add: (): void => c.op(OP.i32Add),
    sub: (): void => c.op(OP.i32Sub),
    mul: (): void => c.op(OP.i32Mul),
    /** local += the value `value` pushes */
    bump: (i: number, value: () => void): void => (get(i), value(), c.op(OP.i32Add), set(i)),
    loopDown,
    ifThen: (body: () => void): void => c.ifElse(body),
    load: (offset: number): void => c.simdMem(SIMD.v128Load, 4, offset), // v128.load align=2^4 offset
    store: (offset: number): void => c.simdMem(SIMD.v128Store, 4, offset), // v128.store align=2^4 offset
    i16x8Mul: (): void => c.simd(SIMD.i16x8Mul),
    i32x4Add: (): void => c.simd(SIMD.i32x4Add),
    i32x4DotI16x8S: (): void => c.simd(SIMD.i32x4DotI16x8S),
    i32x4Splat: (): void => c.simd(SIMD.i32x4Splat),
    i32x4TruncSatF64x2SZero: (): void => c.simd(SIMD.i32x4TruncSatF64x2SZero),
    f64x2ConvertLowI32x4S: (): void => c.simd(SIMD.f64x2ConvertLowI32x4S),
    f64x2Ne: (): void => c.simd(SIMD.f64x2Ne),
    i32x4GtU: (): void => c.simd(SIMD.i32x4GtU),
    v128Or: (): void => c.simd(SIMD.v128Or),
    i16x8NarrowI32x4S: (): void => c.simd(SIMD.i16x8NarrowI32x4S),
    i16x8MaxS: (): void => c.simd(SIMD.i16x8MaxS),
    /** i8x16.shuffle taking the low 8 bytes of each operand: i32 lanes (a0, a1, b0, b1) */
    lowHalves: (): void => (c.simd(SIMD.i8x16Shuffle), c.raw(LOW_HALVES)),
  };
}

/** The lane indices of `lowHalves`' shuffle: bytes 0–7 of the first operand, then bytes 0–7 of the second. */
const LOW_HALVES = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];

/** The body of `moments` (see the module comment). */
function momentsBody(rows: number): Uint8Array {
  const c = codeBuffer();
  const e = emitter(c);
  const { get, set, i32, bump, loopDown, load, store } = e;
  // parameters 0–5, then locals 6–14
  const [X, W, BLOCKS, P, ACC, SCRATCH] = [0, 1, 2, 3, 4, 5];
  const [WX, A, B, Q, PA, PB, SRC, DST, COLS] = [6, 7, 8, 9, 10, 11, 12, 13, 14];
  const col = 2 * rows; // bytes per column of a block
  const steps = rows / 8; // 16-byte vectors per column of a block

  // COLS = P · col (bytes per block)
  get(P), i32(col), e.mul(), set(COLS);
  loopDown(BLOCKS, () => {
    // WX = X; weighted (W ≠ 0): scratch[a] = X[a] ⊙ W column by column, WX = scratch, W moves to the next block
    get(X), set(WX);
    get(W);
    e.ifThen(() => {
      get(X), set(SRC), get(SCRATCH), set(DST), get(P), set(A);
      loopDown(A, () => {
        for (let j = 0; j < steps; j++) {
          get(DST), get(SRC), load(16 * j), get(W), load(16 * j), e.i16x8Mul(), store(16 * j);
        }
        bump(SRC, () => i32(col));
        bump(DST, () => i32(col));
      });
      get(SCRATCH), set(WX);
      bump(W, () => i32(col));
    });
    // pairs a ≤ b: acc[q] += Σ_j dot(wx[a] vector j, x[b] vector j); PA walks wx's columns, PB x's from column a on
    get(ACC), set(Q), get(WX), set(PA), get(X), set(SRC), get(P), set(A);
    loopDown(A, () => {
      get(SRC), set(PB), get(A), set(B);
      loopDown(B, () => {
        get(Q); // the address of the store below
        get(Q), load(0); // acc[q] on the stack
        for (let j = 0; j < steps; j++) {
          get(PA), load(16 * j), get(PB), load(16 * j), e.i32x4DotI16x8S(), e.i32x4Add();
        }
        store(0);
        bump(Q, () => i32(16));
        bump(PB, () => i32(col));
      });
      bump(PA, () => i32(col));
      bump(SRC, () => i32(col));
    });
    bump(X, () => get(COLS));
  });
  return c.bytes();
}

/** The body of `pack` (see the module comment). */
function packBody(rows: number): Uint8Array {
  const c = codeBuffer();
  const e = emitter(c);
  const { get, set, tee, i32, bump, loopDown, load, store } = e;
  // parameters 0–4 (i32), then locals: i32 5–6, v128 7–14
  const [SRC, DST, BLOCKS, P, STATUS] = [0, 1, 2, 3, 4];
  const [J, SKIP] = [5, 6];
  const [BAD, MAX, LIMIT, V, T0, T1, T2, T3] = [7, 8, 9, 10, 11, 12, 13, 14];
  const T = [T0, T1, T2, T3];
  // SKIP = (P − 1) · 2·rows; LIMIT = 32767 in every i32 lane (BAD and MAX start as zeros)
  get(P), i32(1), e.sub(), i32(2 * rows), e.mul(), set(SKIP);
  i32(32767), e.i32x4Splat(), set(LIMIT);
  loopDown(BLOCKS, () => {
    i32(rows / 8), set(J);
    loopDown(J, () => {
      for (let k = 0; k < 4; k++) {
        // V = 2 doubles; T_k = trunc_sat(V); BAD |= (double(T_k) ≠ V)
        get(SRC), load(16 * k), set(V);
        get(V), e.i32x4TruncSatF64x2SZero(), tee(T[k]);
        e.f64x2ConvertLowI32x4S(), get(V), e.f64x2Ne(), get(BAD), e.v128Or(), set(BAD);
      }
      // the 8 integers as two i32x4; BAD |= (t >u 32767); 8 × int16 stored, MAX updated
      get(DST);
      get(T0), get(T1), e.lowHalves(), tee(T0), get(LIMIT), e.i32x4GtU(), get(BAD), e.v128Or(), set(BAD);
      get(T2), get(T3), e.lowHalves(), tee(T2), get(LIMIT), e.i32x4GtU(), get(BAD), e.v128Or(), set(BAD);
      get(T0), get(T2), e.i16x8NarrowI32x4S(), tee(V);
      store(0);
      get(V), get(MAX), e.i16x8MaxS(), set(MAX);
      bump(SRC, () => i32(64));
      bump(DST, () => i32(16));
    });
    bump(DST, () => get(SKIP));
  });
  get(STATUS), get(BAD), store(0);
  get(STATUS), get(MAX), store(16);
  return c.bytes();
}

/**
 * The bytes of the kernel module (see the module comment for what `moments` and `pack` compute), for blocks of
 * `rows` rows. Memory accesses are v128.load / v128.store with alignment 2^4 and a constant byte offset.
 *
 * @example
 * new WebAssembly.Module(int16MomentsModule()); // exports moments(x, w, blocks, P, acc, scratch), pack(src, dst, blocks, P, status)
 */
export function int16MomentsModule(rows = BLOCK_ROWS): Uint8Array<ArrayBuffer> {
  return wasmModule({
    memory: { import: { module: 'env', name: 'memory' }, min: 1 },
    functions: [
      { export: 'moments', params: [I32, I32, I32, I32, I32, I32], results: [], locals: [[9, I32]], body: momentsBody(rows) },
      { export: 'pack', params: [I32, I32, I32, I32, I32], results: [], locals: [[2, I32], [8, V128]], body: packBody(rows) },
    ],
  });
}
