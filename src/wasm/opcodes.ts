/**
 * The opcodes csikit's modules use (WebAssembly Core Specification 2.0, §5.4 "Instructions",
 * https://webassembly.github.io/spec/core/binary/instructions.html), named after the text format
 * (`f64.add` → `f64Add`). SIMD instructions are {@link SIMD_PREFIX} followed by their number as LEB128 (see
 * {@link SIMD} and `codeBuffer`'s `simd`).
 */
export const OP = {
  unreachable: 0x00,
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  call: 0x10,
  drop: 0x1a,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  f64Load: 0x2b,
  i32Load8U: 0x2d,
  i32Store: 0x36,
  f64Store: 0x39,
  i32Store8: 0x3a,
  i32Const: 0x41,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtS: 0x48,
  i32LtU: 0x49,
  i32GtU: 0x4b,
  i32LeU: 0x4d,
  i32GeU: 0x4f,
  f64Eq: 0x61,
  f64Ne: 0x62,
  f64Lt: 0x63,
  f64Gt: 0x64,
  f64Le: 0x65,
  f64Ge: 0x66,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Or: 0x72,
  i32Shl: 0x74,
  f64Abs: 0x99,
  f64Neg: 0x9a,
  f64Sqrt: 0x9f,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  f64Div: 0xa3,
  i32TruncF64U: 0xab,
  f64ConvertI32U: 0xb8,
} as const;

/** The block type of a block, loop or if that leaves no value (§5.4.1: the empty type, 0x40). */
export const BLOCK_VOID = 0x40;

/** The prefix byte of the SIMD instructions (§5.4.8: 0xFD, then the instruction's number as ULEB128). */
export const SIMD_PREFIX = 0xfd;

/**
 * The numbers of the SIMD instructions csikit's modules use (WebAssembly Core Specification 2.0, §5.4.8), written
 * after {@link SIMD_PREFIX} as ULEB128; named after the text format (`i32x4.dot_i16x8_s` → `i32x4DotI16x8S`).
 */
export const SIMD = {
  v128Load: 0x00,
  v128Store: 0x0b,
  i8x16Shuffle: 0x0d,
  i32x4Splat: 0x11,
  i32x4GtU: 0x3c,
  f64x2Ne: 0x48,
  v128Or: 0x50,
  i16x8NarrowI32x4S: 0x85,
  i16x8Mul: 0x95,
  i16x8MaxS: 0x98,
  i32x4Add: 0xae,
  i32x4DotI16x8S: 0xba,
  i32x4TruncSatF64x2SZero: 0xfc,
  f64x2ConvertLowI32x4S: 0xfe,
} as const;
