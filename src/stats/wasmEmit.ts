/**
 * A tiny WebAssembly binary writer: just enough to emit a module that imports one memory and exports a few
 * functions of i32 parameters (the moments kernel, `int16Kernel.ts`). The format is the WebAssembly Core
 * Specification 2.0, §5 "Binary format" (https://webassembly.github.io/spec/core/binary/): a module is the magic
 * "\0asm", version 1, then numbered sections, each its id, its byte length (LEB128) and its content.
 */

/** A value type's byte (spec §5.3.1): i32 0x7F, i64 0x7E, f64 0x7C, v128 0x7B. */
export const I32 = 0x7f;
/** The v128 value type (SIMD). */
export const V128 = 0x7b;

/**
 * Append the unsigned LEB128 of a non-negative integer < 2^32 to `out` (spec §5.2.2): 7 bits per byte, low first,
 * high bit = "more".
 *
 * @example
 * const out: number[] = []; uleb(out, 624485); // out = [0xe5, 0x8e, 0x26]
 */
export function uleb(out: number[], n: number): void {
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
}

/**
 * Append the signed LEB128 of an integer in −2^31 … 2^31−1 (spec §5.2.2): as {@link uleb}, ending when the rest is
 * all sign.
 *
 * @example
 * const out: number[] = []; sleb(out, -123456); // out = [0xc0, 0xbb, 0x78]
 */
export function sleb(out: number[], n: number): void {
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return;
    }
    out.push(byte | 0x80);
  }
}

/** Append `bytes` to `out` (a loop: no argument-count limit, no intermediate arrays). */
function append(out: number[], bytes: readonly number[]): void {
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]);
}

/** Append a name (spec §5.2.4): its UTF-8 length, then the bytes (ASCII names only here). */
function name(out: number[], s: string): void {
  uleb(out, s.length);
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
}

/** Append a section (spec §5.5.2): id, byte length, content; the content is a vector (§5.1.3) of `items`. */
function section(out: number[], id: number, items: readonly number[][]): void {
  const content: number[] = [];
  uleb(content, items.length);
  for (const item of items) append(content, item);
  out.push(id);
  uleb(out, content.length);
  append(out, content);
}

/** One function of a module written by {@link wasmModule}. */
export interface WasmFunction {
  /** Export name. */
  name: string;
  /** Parameter types (each {@link I32} or {@link V128}); no results. */
  params: number[];
  /** Extra local variables, [count, type] runs, numbered after the parameters. */
  locals: [number, number][];
  /** The body's instructions (without the final `end`). */
  body: number[];
}

/**
 * The bytes of a module that imports a memory as env.memory (at least one 64 KiB page) and exports `functions`
 * (each with its own type, returning nothing). Sections, in the order the spec requires: type (1), import (2),
 * function (3), export (7), code (10).
 *
 * @example
 * const bytes = wasmModule([{ name: 'nop', params: [], locals: [], body: [] }]);
 * new WebAssembly.Module(bytes); // a module exporting nop()
 */
export function wasmModule(functions: readonly WasmFunction[]): Uint8Array {
  const types = functions.map((f) => {
    const t = [0x60]; // func type: params vector, results vector (empty)
    uleb(t, f.params.length);
    append(t, f.params);
    t.push(0);
    return t;
  });
  const memory: number[] = [];
  name(memory, 'env');
  name(memory, 'memory');
  memory.push(0x02, 0x00, 0x01); // import kind memory, limits {min: 1}
  const funcs = functions.map((_, i) => {
    const t: number[] = [];
    uleb(t, i);
    return t;
  });
  const exports = functions.map((f, i) => {
    const t: number[] = [];
    name(t, f.name);
    t.push(0x00); // export kind function
    uleb(t, i);
    return t;
  });
  const code = functions.map((f) => {
    const body: number[] = [];
    uleb(body, f.locals.length);
    for (const [count, type] of f.locals) {
      uleb(body, count);
      body.push(type);
    }
    append(body, f.body);
    body.push(0x0b); // end
    const t: number[] = [];
    uleb(t, body.length);
    append(t, body);
    return t;
  });
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]; // "\0asm", version 1
  section(out, 1, types);
  section(out, 2, [memory]);
  section(out, 3, funcs);
  section(out, 7, exports);
  section(out, 10, code);
  return new Uint8Array(out);
}
