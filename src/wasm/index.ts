/**
 * The WebAssembly floor (below `data/`): one binary writer and one guarded compile for every module csikit builds at
 * run time (the CSV lane in `data/`, the exact moments kernel in `stats/`, the compiled PLS iteration in `pls/`).
 * No toolchain and no shipped binary: each module is written from TypeScript, instruction by instruction.
 */
export { uleb, sleb } from './leb128.js';
export { wasmModule, localRuns, I32, I64, F64, V128, type WasmModuleSpec, type WasmFunction, type WasmImportedFunction, type WasmMemory, type WasmSignature } from './wasmModule.js';
export { compileWasm, wasmApi, LITTLE_ENDIAN, SYNC_COMPILE_LIMIT } from './compileWasm.js';
export { OP, BLOCK_VOID, SIMD, SIMD_PREFIX } from './opcodes.js';
export { codeBuffer, type CodeBuffer } from './codeBuffer.js';
