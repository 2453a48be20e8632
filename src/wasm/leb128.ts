/**
 * LEB128 integers, the variable-length numbers of the WebAssembly binary format (WebAssembly Core Specification 2.0,
 * §5.2.2, https://webassembly.github.io/spec/core/binary/values.html#integers): 7 bits per byte, low bits first, the
 * high bit of each byte saying "more follows".
 */

/**
 * Append the unsigned LEB128 bytes of an integer 0 ≤ n < 2^32 to `out`.
 *
 * @example
 * const out: number[] = []; uleb(out, 624485); // out = [0xe5, 0x8e, 0x26]
 */
export function uleb(out: number[], n: number): void {
  let v = n >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v !== 0 ? byte | 0x80 : byte);
  } while (v !== 0);
}

/**
 * Append the signed LEB128 bytes of an integer −2^31 ≤ n < 2^31 to `out` (two's complement; it ends when the rest
 * is all sign bits and the last byte's bit 6 is that sign).
 *
 * @example
 * const out: number[] = []; sleb(out, -123456); // out = [0xc0, 0xbb, 0x78]
 */
export function sleb(out: number[], n: number): void {
  let v = n | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return;
    }
    out.push(byte | 0x80);
  }
}
