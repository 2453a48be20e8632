import { describe, expect, it } from 'vitest';
import { codeBuffer, OP, sleb, uleb } from '../../src/wasm/index.js';

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
});
