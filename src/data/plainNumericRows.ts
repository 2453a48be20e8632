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
/** Per file column: skip its bytes and note where they are (`PlainRowsLayout.text`: the respondent id). */
export const LANE_TEXT = 3;
/** Length of one column's dense counts in {@link PlainRowsLayout.counts} (whole x < 1024 at index x + 16). */
export const LANE_COUNT_STRIDE = 1040;

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
   * The dense counts of the counted columns' value tallies, one after the other: file column j's counts are
   * `counts[j·LANE_COUNT_STRIDE, (j + 1)·LANE_COUNT_STRIDE)`, index x + 16 for a whole x < 1024 (see
   * `newColumnTally`). Only columns with `counted[j] = 1` are counted; they must be number columns, not reversed.
   * A record's values are counted as it is taken (a record the lane stops in is not counted).
   */
  counts?: Float64Array;
  /** 1 per file column whose values go into `counts`. */
  counted?: Uint8Array;
  /** Called in row order, once its record is taken, for each counted column's value ≥ 1024 (column, value). */
  countOther?: (j: number, v: number) => void;
  /**
   * Where the LANE_TEXT columns' fields lie in `b`: in the record at row r, the o-th text column's (in file order) at
   * `[start[i], end[i])`, i = (r − base)·columns + o. `columns` is the number of LANE_TEXT columns; the rows of a call
   * must fit ((n − base + maxRows)·columns ≤ length).
   */
  text?: { start: Float64Array; end: Float64Array; base: number; columns: number };
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** Whole values below this are counted densely, at index x + {@link LANE_DENSE_OFFSET} of a column's counts. */
export const LANE_DENSE_TOP = 1024;
/** Where value 0 sits in a column's dense counts (the indices below are the general path's). */
export const LANE_DENSE_OFFSET = 16;
const DENSE_TOP = LANE_DENSE_TOP;
const DENSE_OFFSET = LANE_DENSE_OFFSET;
/** Bits of a column's kind in the lane: a number; its scale can stop a value; stored reversed; counted. */
export const K_NUMBER = 1;
export const K_BOUNDED = 2;
export const K_REVERSED = 4;
export const K_COUNTED = 8;
export const K_TEXT = 16;

/**
 * One byte per file column saying what the lane does with it (the K_* bits; 0 for a skipped column), so that the
 * loop tests bits of one byte per cell. Columns no scale can stop (no codebook) are not bounded. A column both
 * reversed and counted is refused (an internal invariant: the builder counts no reversed column).
 *
 * @example
 * laneKinds({ delim: 44, modes: Uint8Array.of(1, 2), lo: Float64Array.of(1, -Infinity), hi: Float64Array.of(7, Infinity), rev: Uint8Array.of(1, 0), dst: [], same: new Uint8Array(0) }) // [7, 0]
 */
export function laneKinds(layout: PlainRowsLayout): Uint8Array {
  const { modes, lo, hi, rev, counted } = layout;
  const kinds = new Uint8Array(modes.length);
  for (let j = 0; j < modes.length; j++) {
    if (modes[j] === LANE_TEXT) kinds[j] = K_TEXT;
    if (modes[j] !== LANE_NUMBER) continue;
    // the lanes count the raw value but store the reversed one, which a take-back decrements: never both
    if (rev[j] === 1 && counted !== undefined && counted[j] === 1) throw new RangeError(`laneKinds: column ${j} is both reversed and counted`);
    kinds[j] =
      K_NUMBER |
      (lo[j] > 0 || hi[j] < Infinity || rev[j] === 1 ? K_BOUNDED : 0) |
      (rev[j] === 1 ? K_REVERSED : 0) |
      (counted !== undefined && counted[j] === 1 ? K_COUNTED : 0);
  }
  return kinds;
}

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
  const { delim, modes, lo, hi, dst, same } = layout;
  const cnt = layout.counts ?? EMPTY_F64;
  const textStart = layout.text?.start ?? EMPTY_F64;
  const textEnd = layout.text?.end ?? EMPTY_F64;
  const textBase = layout.text !== undefined ? n - layout.text.base : 0;
  const textColumns = layout.text?.columns ?? 0;
  if (layout.text !== undefined && (textBase < 0 || (textBase + maxRows) * textColumns > textStart.length)) {
    throw new RangeError('plainNumericRows: no room for the text positions');
  }
  const last = modes.length - 1;
  const kinds = laneKinds(layout);
  const anyCounted = kinds.some((k) => (k & K_COUNTED) !== 0);
  // values ≥ DENSE_TOP of counted columns, held until their record is taken
  const otherJ = anyCounted ? new Int32Array(modes.length) : EMPTY_I32;
  const otherV = anyCounted ? new Float64Array(modes.length) : EMPTY_F64;
  let nOther = 0;
  let k = start;
  let taken = 0;
  let rowStart = start;
  /** The column the lane stopped in (the columns before it in that record were counted). */
  let j = 0;
  rows: while (k < end && taken < maxRows) {
    const r = n + taken;
    let first = -1;
    // Σ |x − first| over the record's number columns: 0 exactly when all are equal (no branch per cell)
    let diff = 0;
    nOther = 0;
    /** Where the record's next text column's field goes. */
    let ti = (textBase + taken) * textColumns;
    for (j = 0; j <= last; j++) {
      const kind = kinds[j];
      let c: number;
      if ((kind & K_NUMBER) !== 0) {
        // one digit (the usual answer), then any further digits
        let v = b[k] - 48;
        if (v < 0 || v > 9) break rows; // empty cell, sign, space, quote, text
        c = b[++k];
        let d = c - 48;
        if (d >= 0 && d <= 9) {
          let digits = 1;
          do {
            v = v * 10 + d;
            digits++;
            c = b[++k];
            d = c - 48;
          } while (d >= 0 && d <= 9);
          if (digits > 15) break rows;
        }
        // the byte after the field: the delimiter, or the record's end for the last field
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
        if ((kind & K_BOUNDED) !== 0) {
          if (v < lo[j] || v > hi[j]) break rows;
          dst[j][r] = (kind & K_REVERSED) !== 0 ? lo[j] + hi[j] - v : v;
        } else dst[j][r] = v;
        if ((kind & K_COUNTED) !== 0) {
          if (v < DENSE_TOP) cnt[j * LANE_COUNT_STRIDE + DENSE_OFFSET + v]++;
          else {
            otherJ[nOther] = j;
            otherV[nOther++] = v;
          }
        }
        if (first < 0) first = v;
        diff += Math.abs(v - first);
      } else {
        const from = k;
        c = b[k];
        while (c !== delim && c !== LF && c !== CR && c !== QUOTE && k < end) c = b[++k];
        if (c === QUOTE || k >= end) break rows;
        if (kind === K_TEXT) {
          textStart[ti] = from;
          textEnd[ti++] = k;
        }
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
    }
    same[r] = diff === 0 ? 1 : 0;
    for (let q = 0; q < nOther; q++) layout.countOther!(otherJ[q], otherV[q]);
    taken++;
    rowStart = k;
  }
  // the record the lane stopped in: take back the counts of its columns before column j (the general path counts them)
  if (anyCounted && rowStart < end && taken < maxRows) {
    const r = n + taken;
    for (let q = 0; q < j; q++) {
      if ((kinds[q] & K_COUNTED) === 0) continue;
      const v = dst[q][r];
      if (v < DENSE_TOP) cnt[q * LANE_COUNT_STRIDE + DENSE_OFFSET + v]--;
    }
  }
  out[0] = rowStart;
  return taken;
}

const EMPTY_F64 = new Float64Array(0);
const EMPTY_I32 = new Int32Array(0);
