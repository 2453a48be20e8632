import { BLOCK_VOID, OP, sleb as slebTo, uleb as ulebTo } from '../wasm/index.js';

/**
 * The instructions the CSV lane's WebAssembly function is written in (Core Specification 2.0, §5.4), as nested byte
 * arrays; `wasm/`'s `wasmModule` makes the module around them.
 */

const uleb = (n: number): number[] => {
  const out: number[] = [];
  ulebTo(out, n);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  slebTo(out, n);
  return out;
};

/** A piece of code: bytes, or nested pieces (flattened when the module is assembled). */
export type Code = number | readonly Code[];

/** Instructions with immediates (opcodes from `wasm/`'s OP). `local` indexes are plain numbers. */
export const ins = {
  get: (local: number): Code => [OP.localGet, uleb(local)],
  set: (local: number): Code => [OP.localSet, uleb(local)],
  i32: (x: number): Code => [OP.i32Const, sleb(x)],
  /** f64.const x: the double's 8 bytes, little-endian (the format's order, whatever the platform's) */
  f64: (x: number): Code => {
    const v = new DataView(new ArrayBuffer(8));
    v.setFloat64(0, x, true);
    return [OP.f64Const, ...new Uint8Array(v.buffer)];
  },
  /** Loads and stores at the address on the stack (+ a constant offset), with their natural alignment. */
  load8u: (offset = 0): Code => [OP.i32Load8U, 0, uleb(offset)],
  loadF64: (offset = 0): Code => [OP.f64Load, 3, uleb(offset)],
  storeF64: (offset = 0): Code => [OP.f64Store, 3, uleb(offset)],
  store8: (offset = 0): Code => [OP.i32Store8, 0, uleb(offset)],
  store32: (offset = 0): Code => [OP.i32Store, 2, uleb(offset)],
  op: (...names: (keyof typeof OP)[]): Code => names.map((n) => OP[n]),
  block: (...body: Code[]): Code => [OP.block, BLOCK_VOID, body, OP.end],
  loop: (...body: Code[]): Code => [OP.loop, BLOCK_VOID, body, OP.end],
  /** `cond` then `if … else … end`. */
  if: (cond: Code, then: Code[], otherwise?: Code[]): Code => [cond, OP.if, BLOCK_VOID, then, otherwise ? [OP.else, otherwise] : [], OP.end],
  br: (depth: number): Code => [OP.br, uleb(depth)],
  brIf: (depth: number): Code => [OP.brIf, uleb(depth)],
};

/**
 * The bytes of a piece of code, in order.
 *
 * @example
 * flatten([ins.i32(7), [0x0b]]) // [0x41, 7, 0x0b]
 */
export function flatten(code: Code, out: number[] = []): number[] {
  if (typeof code === 'number') out.push(code);
  else for (const c of code) flatten(c, out);
  return out;
}
