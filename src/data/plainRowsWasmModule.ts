import { F64, I32, OP, codeBuffer, localRuns, wasmModule, type CodeBuffer } from '../wasm/index.js';
import { LANE_COUNT_STRIDE, LANE_DENSE_OFFSET, LANE_DENSE_TOP } from './plainNumericRows.js';

/**
 * The CSV lane (./plainNumericRows.ts) as a WebAssembly function, for the reader's cold start: V8 compiles it at
 * once to machine code (no warm-up in the interpreter as a JavaScript loop has), and it runs at a few hundred MB/s.
 * It does what `plainNumericRows` does, cell for cell and in the same float64 arithmetic (v·10 + d, lo + hi − x,
 * Σ |x − first|), on bytes copied into its memory, with two more reasons to stop: a counted column's value ≥ 1024
 * (the JavaScript lane then takes the record) and the end of the bytes it was given.
 *
 * `lane(start, end, p, maxRows, stride, delim, kinds, lo, hi, same, cols, counts, text, textColumns) → taken`, all
 * i32 byte addresses but p, maxRows, stride, delim and textColumns:
 * - records of memory[start, end) (a 0 byte at end), p fields each, at most maxRows of them;
 * - kinds: one byte per column (bits: 1 number, 2 bounded, 4 reversed, 8 counted; 0 skip, 16 text), lo/hi: f64 per
 *   column;
 * - writes the o-th text column's field of record r as (start, end) at text + (r·textColumns + o)·8 (two i32);
 * - writes row r's value of column j at cols + (j·stride + r)·8, its straight-lining flag at same + r, adds 1 to
 *   the f64 at counts + (j·1040 + 16 + x)·8 for a counted column's value x;
 * - at address 0 the position after the last record taken (i32), at 4 the column it stopped in (i32).
 */

const P = { start: 0, end: 1, p: 2, maxRows: 3, stride: 4, delim: 5, kinds: 6, lo: 7, hi: 8, same: 9, cols: 10, counts: 11, text: 12, textColumns: 13 };
const PARAMS = 14;
const L = { k: 14, taken: 15, rowStart: 16, j: 17, kind: 18, c: 19, d: 20, digits: 21, last: 22, addr: 23, ti: 24, v: 25, first: 26, diff: 27, lo: 28, hi: 29 };
const LOCALS = [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, F64, F64, F64, F64, F64];
/** Column stride of the counts and the offset of value 0 in them (see `newColumnTally`). */
const COUNT_STRIDE = LANE_COUNT_STRIDE;
const COUNT_OFFSET_BYTES = LANE_DENSE_OFFSET * 8;

/**
 * The instructions the lane is written in, over one `codeBuffer` (Core Specification 2.0, §5.4): local.get/set,
 * constants, bare opcodes by name, branches, and the loads and stores at the address on the stack (+ a constant
 * offset) with their natural alignment (2^0 for bytes, 2^2 for i32, 2^3 for f64).
 */
function writer(c: CodeBuffer) {
  const get = (local: number): void => c.opU(OP.localGet, local);
  const set = (local: number): void => c.opU(OP.localSet, local);
  return {
    get,
    set,
    i32: (x: number): void => c.i32Const(x),
    f64: (x: number): void => c.f64Const(x),
    op: (...names: (keyof typeof OP)[]): void => {
      for (const n of names) c.op(OP[n]);
    },
    br: (depth: number): void => c.opU(OP.br, depth),
    brIf: (depth: number): void => c.opU(OP.brIf, depth),
    load8u: (offset = 0): void => c.mem(OP.i32Load8U, 0, offset),
    loadF64: (offset = 0): void => c.mem(OP.f64Load, 3, offset),
    storeF64: (offset = 0): void => c.mem(OP.f64Store, 3, offset),
    store8: (offset = 0): void => c.mem(OP.i32Store8, 0, offset),
    store32: (offset = 0): void => c.mem(OP.i32Store, 2, offset),
    /** local += by */
    inc: (local: number, by = 1): void => (get(local), c.i32Const(by), c.op(OP.i32Add), set(local)),
  };
}

/**
 * The byte after a field: the delimiter before the last field, else `\n` or `\r\n`; anything else leaves through
 * label `exit` (its depth at the call site).
 */
function terminator(c: CodeBuffer, exit: number): void {
  const { get, i32, op, brIf, inc, load8u } = writer(c);
  get(L.j), get(L.last), op('i32LtU');
  c.ifElse(
    () => {
      get(L.c), get(P.delim), op('i32Ne'), brIf(exit + 1);
      inc(L.k);
    },
    () => {
      get(L.c), i32(10), op('i32Eq');
      c.ifElse(
        () => inc(L.k),
        () => {
          get(L.c), i32(13), op('i32Ne'), brIf(exit + 2);
          get(L.k), i32(1), op('i32Add'), get(P.end), op('i32GeU'), brIf(exit + 2);
          get(L.k), load8u(1), i32(10), op('i32Ne'), brIf(exit + 2);
          inc(L.k, 2);
        },
      );
    },
  );
}

/** A number column's cell (inside `if`: the exit label is 3 deep). */
function numberCell(c: CodeBuffer): void {
  const { get, set, i32, f64, op, brIf, inc, load8u, loadF64, storeF64 } = writer(c);
  const exit = 3;
  const colAddr = (): void => {
    get(L.j), get(P.stride), op('i32Mul'), get(L.taken), op('i32Add'), i32(3), op('i32Shl'), get(P.cols), op('i32Add');
  };
  get(L.k), load8u(), i32(48), op('i32Sub'), set(L.d);
  get(L.d), i32(9), op('i32GtU'), brIf(exit);
  get(L.d), op('f64ConvertI32U'), set(L.v);
  inc(L.k);
  get(L.k), load8u(), set(L.c);
  get(L.c), i32(48), op('i32Sub'), set(L.d);
  get(L.d), i32(9), op('i32LeU');
  c.ifElse(() => {
    i32(1), set(L.digits);
    c.loop(() => {
      get(L.v), f64(10), op('f64Mul'), get(L.d), op('f64ConvertI32U'), op('f64Add'), set(L.v);
      inc(L.digits);
      inc(L.k);
      get(L.k), load8u(), set(L.c);
      get(L.c), i32(48), op('i32Sub'), set(L.d);
      get(L.d), i32(9), op('i32LeU'), brIf(0);
    });
    get(L.digits), i32(15), op('i32GtU'), brIf(exit + 1);
  });
  terminator(c, exit);
  get(L.kind), i32(2), op('i32And');
  c.ifElse(
    () => {
      get(L.j), i32(3), op('i32Shl'), get(P.lo), op('i32Add'), loadF64(), set(L.lo);
      get(L.j), i32(3), op('i32Shl'), get(P.hi), op('i32Add'), loadF64(), set(L.hi);
      get(L.v), get(L.lo), op('f64Lt'), get(L.v), get(L.hi), op('f64Gt'), op('i32Or'), brIf(exit + 1);
      get(L.kind), i32(4), op('i32And');
      c.ifElse(
        () => (colAddr(), get(L.lo), get(L.hi), op('f64Add'), get(L.v), op('f64Sub'), storeF64()),
        () => (colAddr(), get(L.v), storeF64()),
      );
    },
    () => (colAddr(), get(L.v), storeF64()),
  );
  get(L.kind), i32(8), op('i32And');
  c.ifElse(() => {
    get(L.v), f64(LANE_DENSE_TOP), op('f64Ge'), brIf(exit + 1);
    get(L.j), i32(COUNT_STRIDE), op('i32Mul'), get(L.v), op('i32TruncF64U'), op('i32Add'), i32(3), op('i32Shl'), get(P.counts), op('i32Add'), set(L.addr);
    get(L.addr), get(L.addr), loadF64(COUNT_OFFSET_BYTES), f64(1), op('f64Add'), storeF64(COUNT_OFFSET_BYTES);
  });
  get(L.first), f64(0), op('f64Lt');
  c.ifElse(() => (get(L.v), set(L.first)));
  get(L.diff), get(L.v), get(L.first), op('f64Sub'), op('f64Abs'), op('f64Add'), set(L.diff);
}

/**
 * A skipped column's cell: up to the next delimiter, line end or quote (a quote stops the lane); for a text column
 * (kind 16) its start and end go to text + (taken·textColumns + ti)·8 (two i32), ti counting the record's text columns.
 */
function skipCell(c: CodeBuffer): void {
  const { get, set, i32, op, br, brIf, inc, load8u, store32 } = writer(c);
  const exit = 3;
  const textAddr = (): void => {
    get(L.taken), get(P.textColumns), op('i32Mul'), get(L.ti), op('i32Add'), i32(3), op('i32Shl'), get(P.text), op('i32Add');
  };
  get(L.kind), i32(16), op('i32And');
  c.ifElse(() => {
    textAddr(), set(L.addr);
    get(L.addr), get(L.k), store32();
  });
  get(L.k), load8u(), set(L.c);
  c.block(() =>
    c.loop(() => {
      get(L.c), get(P.delim), op('i32Eq'), brIf(1);
      get(L.c), i32(10), op('i32Eq'), brIf(1);
      get(L.c), i32(13), op('i32Eq'), brIf(1);
      get(L.c), i32(34), op('i32Eq'), brIf(1);
      get(L.k), get(P.end), op('i32GeU'), brIf(1);
      inc(L.k);
      get(L.k), load8u(), set(L.c);
      br(0);
    }),
  );
  get(L.c), i32(34), op('i32Eq'), get(L.k), get(P.end), op('i32GeU'), op('i32Or'), brIf(exit);
  get(L.kind), i32(16), op('i32And');
  c.ifElse(() => {
    get(L.addr), get(L.k), store32(4);
    inc(L.ti);
  });
  terminator(c, exit);
}

/** The lane function's body (see the module comment). */
function laneBody(): Uint8Array {
  const c = codeBuffer(4096);
  const { get, set, i32, f64, op, br, brIf, inc, load8u, store8, store32 } = writer(c);
  get(P.start), set(L.k);
  get(P.start), set(L.rowStart);
  get(P.p), i32(1), op('i32Sub'), set(L.last);
  c.block(() =>
    c.loop(() => {
      get(L.k), get(P.end), op('i32GeU'), get(L.taken), get(P.maxRows), op('i32GeU'), op('i32Or'), brIf(1);
      f64(-1), set(L.first);
      f64(0), set(L.diff);
      i32(0), set(L.j);
      i32(0), set(L.ti);
      c.loop(() => {
        get(L.j), get(P.kinds), op('i32Add'), load8u(), set(L.kind);
        get(L.kind), i32(1), op('i32And');
        c.ifElse(
          () => numberCell(c),
          () => skipCell(c),
        );
        inc(L.j);
        get(L.j), get(P.p), op('i32LtU'), brIf(0);
      });
      get(L.taken), get(P.same), op('i32Add'), get(L.diff), f64(0), op('f64Eq'), store8();
      inc(L.taken);
      get(L.k), set(L.rowStart);
      br(0);
    }),
  );
  i32(0), get(L.rowStart), store32();
  i32(0), get(L.j), store32(4);
  get(L.taken);
  return c.bytes();
}

let bytes: Uint8Array<ArrayBuffer> | null = null;

/**
 * The lane module's bytes (built once).
 *
 * @example
 * const module = new WebAssembly.Module(plainRowsWasmBytes());
 */
export function plainRowsWasmBytes(): Uint8Array<ArrayBuffer> {
  if (bytes !== null) return bytes;
  bytes = wasmModule({
    memory: { import: { module: 'e', name: 'm' }, min: 1 },
    functions: [{ export: 'lane', params: new Array<number>(PARAMS).fill(I32), results: [I32], locals: localRuns(LOCALS), body: laneBody() }],
  });
  return bytes;
}
