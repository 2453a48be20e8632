import { LITTLE_ENDIAN } from './compileWasm.js';
import { BLOCK_VOID, OP, SIMD_PREFIX } from './opcodes.js';

/** A growing byte buffer for a function body (see {@link codeBuffer}). */
export interface CodeBuffer {
  /** One byte (an opcode). */
  op(x: number): void;
  /** Two bytes. */
  op2(x: number, y: number): void;
  /** Three bytes. */
  op3(x: number, y: number, z: number): void;
  /** A byte, then an unsigned LEB128 immediate (0 ≤ value < 2^32): local indices, offsets, branch depths. */
  opU(x: number, value: number): void;
  /** `i32.const x` (signed LEB128, −2^31 ≤ x < 2^31). */
  i32Const(x: number): void;
  /** `f64.const x`: the 8 bytes of the double, little-endian (the format's order, whatever the platform's). */
  f64Const(x: number): void;
  /** A memory instruction with its memarg (§5.4.6): the opcode, log2 of the alignment and the offset, both ULEB128. */
  mem(x: number, alignLog2: number, offset: number): void;
  /** A SIMD instruction (§5.4.8): the prefix 0xFD, then its number `x` as ULEB128 (see `SIMD`). */
  simd(x: number): void;
  /** A SIMD memory instruction: 0xFD, its number as ULEB128, then the memarg (log2 alignment, offset; ULEB128). */
  simdMem(x: number, alignLog2: number, offset: number): void;
  /** Raw bytes (immediates such as `i8x16.shuffle`'s 16 lane indices). */
  raw(xs: ArrayLike<number>): void;
  /** `block (no result) … end` around what `body` writes. */
  block(body: () => void): void;
  /** `loop (no result) … end` around what `body` writes. */
  loop(body: () => void): void;
  /** `if (no result) … [else …] end` around what `then` (and `otherwise`, if given) write; the condition comes first. */
  ifElse(then: () => void, otherwise?: () => void): void;
  /** The bytes written so far (a view, not a copy). */
  bytes(): Uint8Array;
}

const scratch = new Float64Array(1);
const scratchBytes = new Uint8Array(scratch.buffer);

/**
 * A byte buffer that grows by doubling, for function bodies of up to hundreds of kilobytes (the compiled PLS
 * iteration): written straight into a Uint8Array, with the LEB128 encodings of `wasm/leb128.ts` inlined.
 *
 * @example
 * const c = codeBuffer(); c.opU(OP.localGet, 0); c.f64Const(1); c.op(OP.f64Add);
 * c.bytes() // [0x20, 0x00, 0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0xa0]
 * @example
 * const d = codeBuffer(); d.opU(OP.localGet, 0); d.ifElse(() => d.simdMem(SIMD.v128Load, 4, 16));
 * d.bytes() // [0x20, 0x00, 0x04, 0x40, 0xfd, 0x00, 0x04, 0x10, 0x0b]
 */
export function codeBuffer(initialBytes = 1 << 15): CodeBuffer {
  let buf = new Uint8Array(Math.max(16, initialBytes));
  let len = 0;
  const room = (n: number): void => {
    if (len + n <= buf.length) return;
    const bigger = new Uint8Array(Math.max(2 * buf.length, len + n));
    bigger.set(buf);
    buf = bigger;
  };
  const u = (value: number): void => {
    let v = value >>> 0;
    while (v >= 0x80) {
      buf[len++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[len++] = v;
  };
  const structured = (x: number, body: () => void): void => {
    room(2);
    buf[len++] = x;
    buf[len++] = BLOCK_VOID;
    body();
    room(1);
    buf[len++] = OP.end;
  };
  return {
    op(x) {
      room(1);
      buf[len++] = x;
    },
    op2(x, y) {
      room(2);
      buf[len++] = x;
      buf[len++] = y;
    },
    op3(x, y, z) {
      room(3);
      buf[len++] = x;
      buf[len++] = y;
      buf[len++] = z;
    },
    opU(x, value) {
      room(6);
      buf[len++] = x;
      let v = value >>> 0;
      while (v >= 0x80) {
        buf[len++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      buf[len++] = v;
    },
    i32Const(x) {
      room(6);
      buf[len++] = OP.i32Const;
      let v = x | 0;
      for (;;) {
        const byte = v & 0x7f;
        v >>= 7;
        if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
          buf[len++] = byte;
          return;
        }
        buf[len++] = byte | 0x80;
      }
    },
    f64Const(x) {
      room(9);
      buf[len++] = OP.f64Const;
      scratch[0] = x;
      for (let i = 0; i < 8; i++) buf[len++] = scratchBytes[LITTLE_ENDIAN ? i : 7 - i];
    },
    mem(x, alignLog2, offset) {
      room(11);
      buf[len++] = x;
      u(alignLog2);
      u(offset);
    },
    simd(x) {
      room(6);
      buf[len++] = SIMD_PREFIX;
      u(x);
    },
    simdMem(x, alignLog2, offset) {
      room(16);
      buf[len++] = SIMD_PREFIX;
      u(x);
      u(alignLog2);
      u(offset);
    },
    raw(xs) {
      room(xs.length);
      for (let i = 0; i < xs.length; i++) buf[len++] = xs[i];
    },
    block: (body) => structured(OP.block, body),
    loop: (body) => structured(OP.loop, body),
    ifElse(then, otherwise) {
      structured(OP.if, () => {
        then();
        if (otherwise) {
          room(1);
          buf[len++] = OP.else;
          otherwise();
        }
      });
    },
    bytes: () => buf.subarray(0, len),
  };
}
