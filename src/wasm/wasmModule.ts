import { uleb } from './leb128.js';

/** Value types (WebAssembly Core Specification 2.0, §5.3.1). */
export const I32 = 0x7f;
/** The i64 value type. */
export const I64 = 0x7e;
/** The f64 value type. */
export const F64 = 0x7c;
/** The v128 value type (SIMD). */
export const V128 = 0x7b;

/** A function's signature: parameter and result value types. */
export interface WasmSignature {
  params: readonly number[];
  results: readonly number[];
}

/** A function the module imports (function indices 0 … k−1, before the module's own). */
export interface WasmImportedFunction extends WasmSignature {
  module: string;
  name: string;
}

/** A function the module defines. */
export interface WasmFunction extends WasmSignature {
  /** The name it is exported under; none: not exported. */
  export?: string;
  /** Its further locals (numbered after the parameters) as runs of [count, value type]; see {@link localRuns}. */
  locals: readonly (readonly [number, number])[];
  /** Its instructions, without the final `end`. */
  body: ArrayLike<number>;
}

/** The memory: imported (at least `min` 64 KiB pages), or the module's own (`pages` pages, exported or not). */
export type WasmMemory = { import: { module: string; name: string }; min: number } | { pages: number; export?: string };

/** What {@link wasmModule} assembles. */
export interface WasmModuleSpec {
  importFunctions?: readonly WasmImportedFunction[];
  memory: WasmMemory;
  functions: readonly WasmFunction[];
}

/**
 * The bytes of a WebAssembly module (Core Specification 2.0, §5.5 "Modules"): the magic "\0asm" and version 1, then
 * the sections in the order the specification requires, each its id, byte length (LEB128) and content:
 * type (1: one signature per imported function, then one per function, in order), import (2: the functions, then
 * the memory if imported), function (3), memory (5, if the module's own), export (7: the exported functions in
 * order, then the memory if exported) and code (10: per function its size, its local runs, its body and `end`).
 * One writer for every module csikit builds (the CSV lane, the moments kernel, the compiled PLS iteration).
 *
 * @example
 * const bytes = wasmModule({ memory: { pages: 1 }, functions: [{ export: 'seven', params: [], results: [I32], locals: [], body: [0x41, 7] }] });
 * (new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.seven as () => number)(); // 7
 */
export function wasmModule(spec: WasmModuleSpec): Uint8Array<ArrayBuffer> {
  const imports = spec.importFunctions ?? [];
  const nImported = imports.length;
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

  const types: number[] = [];
  uleb(types, nImported + spec.functions.length);
  for (const f of [...imports, ...spec.functions]) signature(types, f);
  section(out, 1, types);

  const memoryImported = 'import' in spec.memory;
  if (nImported > 0 || memoryImported) {
    const content: number[] = [];
    uleb(content, nImported + (memoryImported ? 1 : 0));
    imports.forEach((f, i) => {
      name(content, f.module);
      name(content, f.name);
      content.push(0x00); // import kind: function
      uleb(content, i); // its type index
    });
    if ('import' in spec.memory) {
      name(content, spec.memory.import.module);
      name(content, spec.memory.import.name);
      content.push(0x02, 0x00); // import kind: memory; limits: min only
      uleb(content, spec.memory.min);
    }
    section(out, 2, content);
  }

  const functions: number[] = [];
  uleb(functions, spec.functions.length);
  for (let i = 0; i < spec.functions.length; i++) uleb(functions, nImported + i);
  section(out, 3, functions);

  if ('pages' in spec.memory) {
    const memory = [1, 0x00]; // one memory; limits: min only
    uleb(memory, spec.memory.pages);
    section(out, 5, memory);
  }

  const exported: number[] = [];
  let nExports = 0;
  spec.functions.forEach((f, i) => {
    if (f.export === undefined) return;
    name(exported, f.export);
    exported.push(0x00); // export kind: function
    uleb(exported, nImported + i);
    nExports++;
  });
  if ('pages' in spec.memory && spec.memory.export !== undefined) {
    name(exported, spec.memory.export);
    exported.push(0x02, 0x00); // export kind: memory 0
    nExports++;
  }
  if (nExports > 0) {
    const content: number[] = [];
    uleb(content, nExports);
    append(content, exported);
    section(out, 7, content);
  }

  // code: built last, straight into the result (bodies may be hundreds of kilobytes)
  const heads = spec.functions.map((f) => {
    const head: number[] = [];
    uleb(head, f.locals.length);
    for (const [count, type] of f.locals) {
      uleb(head, count);
      head.push(type);
    }
    const size = head.length + f.body.length + 1; // + end
    const sized: number[] = [];
    uleb(sized, size);
    append(sized, head);
    return { sized, size };
  });
  const content: number[] = [];
  uleb(content, spec.functions.length);
  // the section's content: the count, then per function its size (LEB128) and that many bytes
  const contentLength = content.length + heads.reduce((sum, h) => sum + lebLength(h.size) + h.size, 0);
  out.push(10);
  uleb(out, contentLength);
  append(out, content);
  const bytes = new Uint8Array(out.length + contentLength - content.length);
  bytes.set(out);
  let at = out.length;
  spec.functions.forEach((f, i) => {
    bytes.set(heads[i].sized, at);
    at += heads[i].sized.length;
    bytes.set(f.body, at);
    at += f.body.length;
    bytes[at++] = 0x0b; // end
  });
  return bytes;
}

/** Bytes of the unsigned LEB128 of n. */
function lebLength(n: number): number {
  let k = 1;
  for (let v = n >>> 7; v !== 0; v >>>= 7) k++;
  return k;
}

/**
 * The locals of a function as [count, type] runs, from their types in index order.
 *
 * @example
 * localRuns([I32, I32, F64]) // [[2, I32], [1, F64]]
 */
export function localRuns(types: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const t of types) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === t) last[0]++;
    else runs.push([1, t]);
  }
  return runs;
}

/** A function type (§5.3.6): 0x60, the parameter vector, the result vector. */
function signature(out: number[], f: WasmSignature): void {
  out.push(0x60);
  uleb(out, f.params.length);
  append(out, f.params);
  uleb(out, f.results.length);
  append(out, f.results);
}

/** A name (§5.2.4): its UTF-8 length, then its bytes (ASCII names here). */
function name(out: number[], s: string): void {
  uleb(out, s.length);
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
}

/** A section (§5.5.2): id, content length, content. */
function section(out: number[], id: number, content: readonly number[]): void {
  out.push(id);
  uleb(out, content.length);
  append(out, content);
}

/** Append `bytes` to `out` (a loop: no argument-count limit). */
function append(out: number[], bytes: ArrayLike<number>): void {
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]);
}
