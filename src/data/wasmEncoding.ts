/**
 * The few pieces of the WebAssembly binary format (https://webassembly.github.io/spec/core/binary/) that the CSV
 * lane's hand-written module needs: LEB128 numbers, opcodes, structured control, one-function modules. No toolchain:
 * the module is a byte array built at run time, so the package ships no binary and needs no build step.
 */

/** Value types. */
export const I32 = 0x7f;
export const F64 = 0x7c;

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

/**
 * Unsigned LEB128.
 *
 * @example
 * uleb(624485) // [0xe5, 0x8e, 0x26]
 */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/**
 * Signed LEB128 (32-bit).
 *
 * @example
 * sleb(-123456) // [0xc0, 0xbb, 0x78]
 */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

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

function flatten(code: Code, out: number[]): number[] {
  if (typeof code === 'number') out.push(code);
  else for (const c of code) flatten(c, out);
  return out;
}

/**
 * A module of one exported function `name` (i32 parameters, one i32 result) that imports its memory as `e.m`.
 * `locals` lists the types of the function's further locals, in index order after the parameters.
 *
 * @example
 * // (func (param i32) (result i32) local.get 0)
 * const bytes = oneFunctionModule('id', 1, [], ins.get(0));
 * new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { m: new WebAssembly.Memory({ initial: 1 }) } });
 */
export function oneFunctionModule(name: string, params: number, locals: readonly number[], body: Code): Uint8Array<ArrayBuffer> {
  const section = (id: number, content: number[]): number[] => [id, ...uleb(content.length), ...content];
  const text = (t: string): number[] => [...uleb(t.length), ...Array.from(t, (ch) => ch.charCodeAt(0))];
  // the locals as runs of one type: (count, type) pairs
  const groups: number[] = [];
  let runs = 0;
  for (let i = 0; i < locals.length; runs++) {
    let k = i;
    while (k < locals.length && locals[k] === locals[i]) k++;
    groups.push(...uleb(k - i), locals[i]);
    i = k;
  }
  const fn = [...uleb(runs), ...groups, ...flatten(body, []), 0x0b];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, ...uleb(params), ...new Array<number>(params).fill(I32), 1, I32]),
    ...section(2, [1, ...text('e'), ...text('m'), 0x02, 0x00, 0x01]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...text(name), 0x00, 0x00]),
    ...section(10, [1, ...uleb(fn.length), ...fn]),
  ]);
}
