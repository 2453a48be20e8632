import { describe, expect, it } from 'vitest';
import { codeBuffer, I32, OP, SIMD, SIMD_PREFIX, sleb, uleb, wasmModule } from '../../src/wasm/index.js';

describe('codeBuffer', () => {
  it('writes the same LEB128 immediates as uleb/sleb, across the growth of its buffer', () => {
    const values = [0, 1, 63, 64, 127, 128, 8191, 8192, 2 ** 31 - 1, 2 ** 32 - 1, -1, -64, -65, -(2 ** 31)];
    const c = codeBuffer(16); // tiny: grows many times
    const expected: number[] = [];
    for (let r = 0; r < 50; r++) {
      for (const v of values) {
        if (v >= 0) {
          c.opU(OP.localGet, v);
          expected.push(OP.localGet);
          uleb(expected, v);
        }
        c.i32Const(v);
        expected.push(OP.i32Const);
        sleb(expected, v);
      }
    }
    expect([...c.bytes()]).toEqual(expected);
  });

  it('writes f64.const as the double\'s IEEE 754 bytes, little-endian (1 = 0x3ff0000000000000; −0 keeps its sign)', () => {
    const c = codeBuffer();
    c.f64Const(1);
    c.f64Const(-0);
    c.op3(1, 2, 3);
    c.op2(4, 5);
    c.op(6);
    expect([...c.bytes()]).toEqual([0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0x44, 0, 0, 0, 0, 0, 0, 0, 0x80, 1, 2, 3, 4, 5, 6]);
  });

  it('writes memory instructions with their memarg (§5.4.6: align as log2, then offset, both ULEB128)', () => {
    const c = codeBuffer(16);
    c.mem(OP.i32Load8U, 0, 0); // i32.load8_u align=1 offset=0
    c.mem(OP.f64Store, 3, 8320); // f64.store align=8 offset=8320 = 0x2080 → 0x80 0x41
    c.mem(OP.i32Store, 2, 4);
    expect([...c.bytes()]).toEqual([0x2d, 0x00, 0x00, 0x39, 0x03, 0x80, 0x41, 0x36, 0x02, 0x04]);
  });

  it('writes SIMD instructions as 0xFD then the number as ULEB128 (numbers ≥ 128 take two bytes), with memargs and raw lane bytes', () => {
    const c = codeBuffer(16);
    c.simd(SIMD.i32x4Splat); // 0x11: one byte
    c.simd(SIMD.i32x4DotI16x8S); // 186 = 0xba → 0xba 0x01
    c.simd(SIMD.f64x2ConvertLowI32x4S); // 254 = 0xfe → 0xfe 0x01
    c.simdMem(SIMD.v128Load, 4, 16); // v128.load align=16 offset=16
    c.simdMem(SIMD.v128Store, 4, 200); // v128.store align=16 offset=200 → 0xc8 0x01
    c.simd(SIMD.i8x16Shuffle);
    c.raw([0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]);
    expect(SIMD_PREFIX).toBe(0xfd);
    expect([...c.bytes()]).toEqual([
      0xfd, 0x11,
      0xfd, 0xba, 0x01,
      0xfd, 0xfe, 0x01,
      0xfd, 0x00, 0x04, 0x10,
      0xfd, 0x0b, 0x04, 0xc8, 0x01,
      0xfd, 0x0d, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23,
    ]);
  });

  it('writes block, loop and if … else … end with the empty block type 0x40 around their bodies, nested', () => {
    const c = codeBuffer(16);
    c.block(() => c.loop(() => c.opU(OP.brIf, 1)));
    c.opU(OP.localGet, 0);
    c.ifElse(() => c.i32Const(1));
    c.opU(OP.localGet, 0);
    c.ifElse(
      () => c.i32Const(1),
      () => c.i32Const(-1),
    );
    expect([...c.bytes()]).toEqual([
      0x02, 0x40, 0x03, 0x40, 0x0d, 0x01, 0x0b, 0x0b, // block (loop (br_if 1))
      0x20, 0x00, 0x04, 0x40, 0x41, 0x01, 0x0b, // if i32.const 1 end
      0x20, 0x00, 0x04, 0x40, 0x41, 0x01, 0x05, 0x41, 0x7f, 0x0b, // if i32.const 1 else i32.const -1 end
    ]);
  });

  it('writes bodies WebAssembly accepts and runs (if/else, block/loop, memargs, SIMD)', () => {
    const c = codeBuffer();
    // f(x) = x ? (memory[8] = 7; 16-byte splat of 5 stored at 16; memory[8] + memory[16]) : 0, with an empty block/loop
    c.block(() => c.loop(() => undefined));
    c.opU(OP.localGet, 0);
    c.ifElse(
      () => {
        c.i32Const(0), c.i32Const(7), c.mem(OP.i32Store, 2, 8);
        c.i32Const(0), c.i32Const(5), c.simd(SIMD.i32x4Splat), c.simdMem(SIMD.v128Store, 4, 16);
        c.i32Const(0), c.mem(OP.i32Load, 2, 8), c.i32Const(0), c.mem(OP.i32Load, 2, 16), c.op(OP.i32Add), c.opU(OP.localSet, 1);
      },
      () => (c.i32Const(0), c.opU(OP.localSet, 1)),
    );
    c.opU(OP.localGet, 1);
    const bytes = wasmModule({ memory: { pages: 1 }, functions: [{ export: 'f', params: [I32], results: [I32], locals: [[1, I32]], body: c.bytes() }] });
    const f = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.f as (x: number) => number;
    expect(f(1)).toBe(12);
    expect(f(0)).toBe(0);
  });
});
