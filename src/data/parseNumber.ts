/**
 * Number parsing for CSV cells, straight from the text with no substring on the common path.
 */

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const STRICT_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses the ASCII bytes `b[start, end)` (already trimmed, non-empty) as a decimal number; returns NaN when they
 * are not one.
 *
 * Plain decimals with at most 15 significant digits (`7`, `-3`, `66.67`) are read digit by digit as
 * `integer / 10^k`, which IEEE division rounds exactly as `Number()` does (both operands are exact). Anything else
 * (exponents, long mantissas) goes through `Number()` after a strict pattern check, so `''`, `'0x10'`, `'Infinity'`,
 * `'1e400'` and `'1_000'` are rejected rather than silently read.
 *
 * @example
 * parseNumberBytes(new TextEncoder().encode('7,10'), 2, 4) // 10
 */
export function parseNumberBytes(b: Uint8Array, start: number, end: number): number {
  let i = start;
  let neg = false;
  let c = b[i];
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  let mant = 0;
  let digits = 0;
  let frac = -1;
  for (; i < end; i++) {
    c = b[i];
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) {
      frac = 0;
    } else {
      break;
    }
  }
  if (i === end && digits > 0 && digits <= 15) {
    const v = frac > 0 ? mant / POW10[frac] : mant;
    return neg ? -v : v;
  }
  if (digits === 0 && i === end) return NaN;
  let text = '';
  for (let k = start; k < end; k++) {
    if (b[k] > 127) return NaN;
    text += String.fromCharCode(b[k]);
  }
  return STRICT_NUMBER.test(text) ? finite(Number(text)) : NaN;
}

/** Overflowing literals such as `1e400` are not numbers a survey can hold. */
function finite(x: number): number {
  return Number.isFinite(x) ? x : NaN;
}
