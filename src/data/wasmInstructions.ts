import { sleb as slebTo, uleb as ulebTo } from '../wasm/index.js';

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

/** Opcodes used by the lane (numeric ones by their text-format name). */
export const OP = {
  'i32.eqz': 0x45,
  'i32.eq': 0x46,
  'i32.ne': 0x47,
  'i32.lt_u': 0x49,
  'i32.gt_u': 0x4b,
  'i32.le_u': 0x4d,
  'i32.ge_u': 0x4f,
  'i32.add': 0x6a,
  'i32.sub': 0x6b,
  'i32.mul': 0x6c,
  'i32.and': 0x71,
  'i32.or': 0x72,
  'i32.shl': 0x74,
  'f64.eq': 0x61,
  'f64.lt': 0x63,
  'f64.gt': 0x64,
  'f64.ge': 0x66,
  'f64.abs': 0x99,
  'f64.add': 0xa0,
  'f64.sub': 0xa1,
  'f64.mul': 0xa2,
  'i32.trunc_f64_u': 0xab,
  'f64.convert_i32_u': 0xb8,
} as const;

/** A piece of code: bytes, or nested pieces (flattened when the module is assembled). */
export type Code = number | readonly Code[];

/** Instructions with immediates. `local` indexes are plain numbers. */
export const ins = {
  get: (local: number): Code => [0x20, uleb(local)],
  set: (local: number): Code => [0x21, uleb(local)],
  i32: (x: number): Code => [0x41, sleb(x)],
  f64: (x: number): Code => [0x44, ...new Uint8Array(Float64Array.of(x).buffer)],
  /** Loads and stores at the address on the stack (+ a constant offset). */
  load8u: (offset = 0): Code => [0x2d, 0, uleb(offset)],
  loadF64: (offset = 0): Code => [0x2b, 3, uleb(offset)],
  storeF64: (offset = 0): Code => [0x39, 3, uleb(offset)],
  store8: (offset = 0): Code => [0x3a, 0, uleb(offset)],
  store32: (offset = 0): Code => [0x36, 2, uleb(offset)],
  op: (...names: (keyof typeof OP)[]): Code => names.map((n) => OP[n]),
  block: (...body: Code[]): Code => [0x02, 0x40, body, 0x0b],
  loop: (...body: Code[]): Code => [0x03, 0x40, body, 0x0b],
  /** `cond` then `if … else … end`. */
  if: (cond: Code, then: Code[], otherwise?: Code[]): Code => [cond, 0x04, 0x40, then, otherwise ? [0x05, otherwise] : [], 0x0b],
  br: (depth: number): Code => [0x0c, uleb(depth)],
  brIf: (depth: number): Code => [0x0d, uleb(depth)],
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
