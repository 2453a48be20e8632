/**
 * The CSV reader's fast lane for the common survey file: records whose every used cell is a plain whole number
 * (1 to 15 ASCII digits, no sign, point, space or quote) inside its column's scale, one byte between fields, `\n` or
 * `\r\n` at the end. Such records are parsed in one byte loop straight into the Float64Array columns, with no call
 * per cell. The first record that is anything else (an empty or text cell, a quote, a value outside the scale, a
 * blank line, a lone `\r`, a wrong number of fields) stops the lane *before* anything of it is counted, and the
 * general tokenizer and builder take that record, so that errors, warnings and values stay exactly theirs.
 */

/** Per file column: parse it as a number (the builder's fast path would take the cell). */
export const LANE_NUMBER = 1;
/** Per file column: skip its bytes (an ignored column). */
export const LANE_SKIP = 2;

/** What {@link plainNumericRows} needs to know about the columns (arrays indexed by file column). */
export interface PlainRowsLayout {
  /** Field delimiter byte. */
  delim: number;
  /** LANE_NUMBER or LANE_SKIP per file column. */
  modes: Uint8Array;
  /** Scale bounds per column (a value outside stops the lane: the builder reports it). */
  lo: Float64Array;
  hi: Float64Array;
  /** 1 where the value is stored reversed as lo + hi − x. */
  rev: Uint8Array;
  /** The destination column per file column (an empty array for skipped columns). */
  dst: Float64Array[];
  /**
   * Per survey row: 1 when every number column of the record holds the same answer as given (before reversal),
   * else 0 (the straight-lining test of `surveyQuality`, made on the way).
   */
  same: Uint8Array;
  /**
   * Per file column: the dense counts of the column's value tally (index x + 16 for a whole x < 1024, see
   * `newColumnTally`), or an empty array when the column is not counted. Counted columns must not be reversed.
   * A record's values are counted as it is taken (a record the lane stops in is not counted).
   */
  counts?: Float64Array[];
  /** Called in row order, once its record is taken, for each counted column's value ≥ 1024 (column, value). */
  countOther?: (j: number, v: number) => void;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** Whole numbers below this are counted into `counts` (the tally's dense range, offset 16). */
const DENSE_TOP = 1024;
const DENSE_OFFSET = 16;

/**
 * Parses whole records of `b[start, end)` (`end` just after a record terminator) into `layout.dst` at rows `n`,
 * `n + 1`, … for at most `maxRows` records; returns the number of records taken and writes the position after the
 * last one into `out[0]`. A record that is not plain (see the file comment) is not taken: the return stops before
 * it (its cells may have been written into row `n + taken`, which the general path then overwrites).
 *
 * Values equal the general path's bit for bit: the digits accumulate as `v·10 + d`, exact below 2⁵³ as in the
 * tokenizer, and the stored value is `x` or `lo + hi − x` as in the builder.
 *
 * @example
 * const b = new TextEncoder().encode('7,3\n5,1\n');
 * const dst = [new Float64Array(2), new Float64Array(2)];
 * const layout = { delim: 44, modes: Uint8Array.of(1, 1), lo: Float64Array.of(1, 1), hi: Float64Array.of(7, 7), rev: Uint8Array.of(0, 1), dst, same: new Uint8Array(2) };
 * const out = new Float64Array(1);
 * plainNumericRows(b, 0, b.length, layout, 0, 2, out); // 2; dst[0] = [7, 5], dst[1] = [5, 7]; same = [0, 0]; out[0] = 8
 */
export function plainNumericRows(
  b: Uint8Array,
  start: number,
  end: number,
  layout: PlainRowsLayout,
  n: number,
  maxRows: number,
  out: Float64Array,
): number {
  const { delim, modes, lo, hi, rev, dst, same } = layout;
  const cnt = layout.counts ?? null;
  const last = modes.length - 1;
  // values ≥ DENSE_TOP of counted columns, held until their record is taken
  const otherJ = cnt ? new Int32Array(modes.length) : null;
  const otherV = cnt ? new Float64Array(modes.length) : null;
  let nOther = 0;
  // 1 where the scale can stop a value (the lane's values are whole numbers ≥ 0): unbounded columns (no codebook)
  // skip the test, and unoptimized code then loads no ±Infinity bounds (each such load allocates a heap number)
  const bounded = new Uint8Array(modes.length);
  for (let j = 0; j <= last; j++) bounded[j] = lo[j] > 0 || hi[j] < Infinity || rev[j] === 1 ? 1 : 0;
  /** The last column of the current record counted so far (−1: none). */
  let counted = -1;
  let k = start;
  let taken = 0;
  let rowStart = start;
  rows: while (k < end && taken < maxRows) {
    const r = n + taken;
    let first = -1;
    let eq = 1;
    counted = -1;
    nOther = 0;
    for (let j = 0; j <= last; j++) {
      let c: number;
      if (modes[j] === LANE_NUMBER) {
        // one or two digits (the usual answer) without a loop, then any further digits
        let d = b[k] - 48;
        if (!(d >= 0 && d <= 9)) break rows; // empty cell, sign, space, quote, text
        let v = d;
        c = b[++k];
        d = c - 48;
        if (d >= 0 && d <= 9) {
          v = v * 10 + d;
          let digits = 2;
          c = b[++k];
          d = c - 48;
          while (d >= 0 && d <= 9) {
            v = v * 10 + d;
            digits++;
            c = b[++k];
            d = c - 48;
          }
          if (digits > 15) break rows;
        }
        if (bounded[j] === 1) {
          if (v < lo[j] || v > hi[j]) break rows;
          dst[j][r] = rev[j] === 1 ? lo[j] + hi[j] - v : v;
        } else dst[j][r] = v;
        if (cnt !== null) {
          const cj = cnt[j];
          if (cj.length !== 0) {
            if (v < DENSE_TOP) cj[v + DENSE_OFFSET]++;
            else {
              otherJ![nOther] = j;
              otherV![nOther++] = v;
            }
            counted = j;
          }
        }
        if (first < 0) first = v;
        else if (v !== first) eq = 0;
      } else {
        c = b[k];
        while (c !== delim && c !== LF && c !== CR && c !== QUOTE && k < end) c = b[++k];
        if (c === QUOTE || k >= end) break rows;
      }
      // k is at the byte after the field: the delimiter, or the record's end for the last field
      if (j < last) {
        if (c !== delim) break rows;
        k++;
      } else if (c === LF) {
        k++;
      } else if (c === CR && k + 1 < end && b[k + 1] === LF) {
        k += 2;
      } else {
        break rows;
      }
    }
    same[r] = eq;
    for (let q = 0; q < nOther; q++) layout.countOther!(otherJ![q], otherV![q]);
    counted = -1;
    taken++;
    rowStart = k;
  }
  // the record the lane stopped in: take back its counts (the general path counts it)
  if (counted >= 0) {
    const r = n + taken;
    for (let j = 0; j <= counted; j++) {
      const cj = cnt![j];
      if (modes[j] !== LANE_NUMBER || cj.length === 0) continue;
      const v = dst[j][r];
      if (v < DENSE_TOP) cj[v + DENSE_OFFSET]--;
    }
  }
  out[0] = rowStart;
  return taken;
}
