import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileWasm, F64, I32, localRuns, sleb, uleb, wasmApi, wasmModule } from '../../src/wasm/index.js';

const bytesOf = (f: (out: number[]) => void): number[] => {
  const out: number[] = [];
  f(out);
  return out;
};

describe('LEB128', () => {
  it('writes the unsigned and signed examples of the DWARF / Wikipedia LEB128 pages', () => {
    expect(bytesOf((o) => uleb(o, 624485))).toEqual([0xe5, 0x8e, 0x26]);
    expect(bytesOf((o) => sleb(o, -123456))).toEqual([0xc0, 0xbb, 0x78]);
  });
  it('gets the edges right: 0, 127/128, 2^32 − 1; 63/64 and −64/−65 (where the sign bit needs a byte)', () => {
    expect(bytesOf((o) => uleb(o, 0))).toEqual([0]);
    expect(bytesOf((o) => uleb(o, 127))).toEqual([0x7f]);
    expect(bytesOf((o) => uleb(o, 128))).toEqual([0x80, 0x01]);
    expect(bytesOf((o) => uleb(o, 2 ** 32 - 1))).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(bytesOf((o) => sleb(o, 63))).toEqual([0x3f]);
    expect(bytesOf((o) => sleb(o, 64))).toEqual([0xc0, 0x00]);
    expect(bytesOf((o) => sleb(o, -64))).toEqual([0x40]);
    expect(bytesOf((o) => sleb(o, -65))).toEqual([0xbf, 0x7f]);
    expect(bytesOf((o) => sleb(o, -(2 ** 31)))).toEqual([0x80, 0x80, 0x80, 0x80, 0x78]);
  });
});

describe('wasmModule', () => {
  it('writes the smallest module byte for byte as the specification lays it out', () => {
    // (module (memory 1) (func (export "seven") (result i32) i32.const 7))
    const bytes = wasmModule({ memory: { pages: 1 }, functions: [{ export: 'seven', params: [], results: [I32], locals: [], body: [0x41, 7] }] });
    expect([...bytes]).toEqual([
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
      0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, // type: 1 type, () → i32
      0x03, 0x02, 0x01, 0x00, // function: 1 function of type 0
      0x05, 0x03, 0x01, 0x00, 0x01, // memory: 1 memory, min 1
      0x07, 0x09, 0x01, 0x05, 0x73, 0x65, 0x76, 0x65, 0x6e, 0x00, 0x00, // export "seven" = function 0
      0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x07, 0x0b, // code: 1 body of 4 bytes: no locals, i32.const 7, end
    ]);
    const seven = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.seven as () => number;
    expect(seven()).toBe(7);
  });

  it('links imported functions and an imported memory, numbers functions after the imports, and exports its own memory', () => {
    // f(a, b) = call env.twice(a) + (f64 at address b of the imported memory); the import is function 0
    const body = [0x20, 0x00, 0x10, 0x00, 0x20, 0x01, 0x2b, 0x03, 0x00, 0xa0]; // local.get 0; call 0; local.get 1; f64.load; f64.add
    const memory = new WebAssembly.Memory({ initial: 1 });
    new Float64Array(memory.buffer)[1] = 0.5;
    const mod = wasmModule({
      importFunctions: [{ module: 'env', name: 'twice', params: [F64], results: [F64] }],
      memory: { import: { module: 'env', name: 'mem' }, min: 1 },
      functions: [{ export: 'f', params: [F64, I32], results: [F64], locals: [], body }],
    });
    const f = new WebAssembly.Instance(new WebAssembly.Module(mod), { env: { twice: (x: number) => 2 * x, mem: memory } }).exports.f as (a: number, b: number) => number;
    expect(f(1.25, 8)).toBe(3);

    const own = wasmModule({ memory: { pages: 2, export: 'memory' }, functions: [{ params: [], results: [], locals: [[3, I32]], body: [] }] });
    const exports = new WebAssembly.Instance(new WebAssembly.Module(own)).exports;
    expect(Object.keys(exports)).toEqual(['memory']);
    expect((exports.memory as WebAssembly.Memory).buffer.byteLength).toBe(2 * 65536);
  });

  it('groups locals into runs', () => {
    expect(localRuns([])).toEqual([]);
    expect(localRuns([I32, I32, F64, I32])).toEqual([[2, I32], [1, F64], [1, I32]]);
  });
});

describe('compileWasm', () => {
  afterEach(() => vi.unstubAllGlobals());
  const ok = wasmModule({ memory: { pages: 1 }, functions: [] });
  it('compiles, and gives null for bytes the engine refuses', () => {
    expect(compileWasm(ok)).toBeInstanceOf(WebAssembly.Module);
    expect(compileWasm(Uint8Array.of(0, 0x61, 0x73, 0x6d, 2, 0, 0, 0))).toBeNull();
  });
  it('gives null where there is no WebAssembly (a realm without it, or a CSP that removes it)', () => {
    vi.stubGlobal('WebAssembly', undefined);
    expect(wasmApi()).toBeNull();
    expect(compileWasm(ok)).toBeNull();
  });
});
