/**
 * The few pieces of the WebAssembly binary format (core spec 1.0, https://webassembly.github.io/spec/core/binary/)
 * that the compiled PLS iteration needs: opcodes, LEB128 integers, and a module of one imported
 * function, one function, one memory and two exports.
 */

/** Opcodes used by the generated code (core spec §5.4). */
export const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  call: 0x10,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  f64Load: 0x2b,
  f64Store: 0x39,
  i32Const: 0x41,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32LtS: 0x48,
  f64Eq: 0x61,
  f64Ne: 0x62,
  f64Lt: 0x63,
  f64Gt: 0x64,
  f64Le: 0x65,
  i32Add: 0x6a,
  f64Abs: 0x99,
  f64Neg: 0x9a,
  f64Sqrt: 0x9f,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  f64Div: 0xa3,
  select: 0x1b,
} as const;

/** Value and block types. */
export const TYPE = { i32: 0x7f, f64: 0x7c, void: 0x40, func: 0x60 } as const;

/**
 * Unsigned LEB128 of a non-negative integer below 2^32, appended to `out`.
 *
 * @example
 * const b: number[] = []; uleb(624485, b); b // [0xe5, 0x8e, 0x26]
 */
export function uleb(value: number, out: number[]): void {
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v !== 0 ? byte | 0x80 : byte);
  } while (v !== 0);
}

function section(id: number, body: number[], out: number[]): void {
  out.push(id);
  uleb(body.length, out);
  for (let i = 0; i < body.length; i++) out.push(body[i]);
}

function name(s: string, out: number[]): void {
  uleb(s.length, out);
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
}

/** What {@link wasmModule} assembles. */
export interface WasmFunctionSpec {
  /** Parameter and result types of the one function (exported as `run`). */
  params: number[];
  results: number[];
  /** Parameter and result types of the one import (`env.call`). */
  importParams: number[];
  /** Locals after the parameters, as [count, type] runs. */
  locals: [number, number][];
  /** The function's instructions (without the final `end`). */
  code: Uint8Array;
  /** Pages (64 KiB) of the module's own memory, exported as `memory`. */
  pages: number;
}

/**
 * Bytes of a module with one imported function `env.call` (function 0), one function exported as `run` (function
 * 1) and one memory exported as `memory`.
 *
 * @example
 * new WebAssembly.Module(wasmModule({ params: [], results: [TYPE.i32], importParams: [], locals: [], code: Uint8Array.of(OP.i32Const, 7), pages: 1 }))
 */
export function wasmModule(spec: WasmFunctionSpec): Uint8Array<ArrayBuffer> {
  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types: number[] = [2, TYPE.func];
  uleb(spec.importParams.length, types);
  types.push(...spec.importParams, 0, TYPE.func);
  uleb(spec.params.length, types);
  types.push(...spec.params);
  uleb(spec.results.length, types);
  types.push(...spec.results);
  section(1, types, out);
  const imports: number[] = [1];
  name('env', imports);
  name('call', imports);
  imports.push(0x00, 0);
  section(2, imports, out);
  section(3, [1, 1], out);
  const memory: number[] = [1, 0x00];
  uleb(spec.pages, memory);
  section(5, memory, out);
  const exports: number[] = [2];
  name('run', exports);
  exports.push(0x00, 1);
  name('memory', exports);
  exports.push(0x02, 0);
  section(7, exports, out);
  const head: number[] = [];
  uleb(spec.locals.length, head);
  for (const [count, type] of spec.locals) {
    uleb(count, head);
    head.push(type);
  }
  const bodySize = head.length + spec.code.length + 1; // + end
  const sizeBytes: number[] = [];
  uleb(bodySize, sizeBytes);
  const sectionSize: number[] = [];
  uleb(1 + sizeBytes.length + bodySize, sectionSize);
  // code section: id, size, one body (size, locals, instructions, end)
  const bytes = new Uint8Array(out.length + 1 + sectionSize.length + 1 + sizeBytes.length + bodySize);
  let at = 0;
  const put = (xs: ArrayLike<number>) => {
    bytes.set(xs, at);
    at += xs.length;
  };
  put(out);
  put([10]);
  put(sectionSize);
  put([1]);
  put(sizeBytes);
  put(head);
  put(spec.code);
  put([OP.end]);
  return bytes;
}
