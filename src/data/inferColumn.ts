import type { Scale } from './codebook.js';
import { inferScale } from './inferScale.js';

/** What a numeric column without a codebook looks like: a rating item, another numeric column, or an id. */
export type InferredColumn =
  | {
      kind: 'item';
      scale: Scale;
      /** Values taken for missing-value codes (far outside the other answers, 9…9 / 9…8 patterns), with counts. */
      missingCodes: { value: number; count: number }[];
      /** Plain-words notes for the column's one warning ('' when there is nothing to say). */
      note: string;
    }
  | { kind: 'numeric'; reason: string }
  | { kind: 'id'; reason: string }
  | { kind: 'empty' };

/** Integers this far apart or closer (after missing codes) are a rating scale; wider ranges are other numbers. */
export const RATING_SPAN = 10;
const CODE_PATTERN = /^(-1|-?(9+|9*8|9*7))$/;
const MAX_DISTINCT = 256;
/** Whole numbers in [−DENSE_OFFSET, DENSE_SIZE − DENSE_OFFSET) are counted in a dense array. */
const DENSE_OFFSET = 16;
const DENSE_SIZE = 1024 + DENSE_OFFSET;

/**
 * What {@link inferColumn} counts of a column: small whole numbers in `dense` (index x + 16), others in `sparse`
 * (first seen first, at most 257 distinct), the answered cells, whether the others are whole, the range.
 */
export interface ColumnTally {
  dense: Float64Array;
  sparse: Map<number, number>;
  nonEmpty: number;
  integers: boolean;
  lo: number;
  hi: number;
}

/**
 * An empty tally, to fill value by value with {@link tallyValue} (the CSV reader counts while it parses, so that
 * {@link inferColumn} needs no second pass over the column). `dense`, when given, is the zeroed array of 1040 counts
 * to use (the CSV reader's lane keeps all columns' counts in one array and gives each tally its part).
 *
 * @example
 * const t = newColumnTally(); tallyValue(t, 7); tallyValue(t, NaN); t.nonEmpty // 1
 */
export function newColumnTally(dense: Float64Array = new Float64Array(DENSE_SIZE)): ColumnTally {
  if (dense.length !== DENSE_SIZE) throw new RangeError(`newColumnTally: dense counts must hold ${DENSE_SIZE} values`);
  return { dense, sparse: new Map(), nonEmpty: 0, integers: true, lo: Infinity, hi: -Infinity };
}

/**
 * Counts one value (NaN, an empty cell, is skipped); values must come in row order, as {@link tallyColumn} takes them.
 *
 * @example
 * const t = newColumnTally(); tallyValue(t, 3.5); t.integers // false
 */
export function tallyValue(t: ColumnTally, x: number): void {
  if (x !== x) return;
  t.nonEmpty++;
  if (x < t.lo) t.lo = x;
  if (x > t.hi) t.hi = x;
  const k = x + DENSE_OFFSET;
  if (k >= 0 && k < DENSE_SIZE && (k | 0) === k) t.dense[k]++;
  else {
    if (t.integers && !Number.isInteger(x)) t.integers = false;
    const sparse = t.sparse;
    if (sparse.size <= MAX_DISTINCT || sparse.has(x)) sparse.set(x, (sparse.get(x) ?? 0) + 1);
  }
}

/**
 * How many cells of the tally hold `x`, or undefined when the tally cannot say (a value past the 257 distinct ones
 * the sparse counts keep).
 *
 * @example
 * tallyCount(tallyColumn(Float64Array.of(7, 7, 3)), 7) // 2
 */
export function tallyCount(t: ColumnTally, x: number): number | undefined {
  const k = x + DENSE_OFFSET;
  if (k >= 0 && k < DENSE_SIZE && (k | 0) === k) return t.dense[k];
  const c = t.sparse.get(x);
  return c !== undefined ? c : t.sparse.size <= MAX_DISTINCT ? 0 : undefined;
}

/**
 * Widens the tally's range (lo, hi) to the values its dense counts hold, for a caller that counted values straight
 * into `t.dense` (the CSV reader's lane) and `nonEmpty` by itself. Returns `t`.
 *
 * @example
 * const t = newColumnTally(); t.dense[7 + 16] = 2; t.nonEmpty = 2; settleDenseRange(t).hi // 7
 */
export function settleDenseRange(t: ColumnTally): ColumnTally {
  const d = t.dense;
  let a = 0;
  while (a < DENSE_SIZE && d[a] === 0) a++;
  if (a === DENSE_SIZE) return t;
  let b = DENSE_SIZE - 1;
  while (d[b] === 0) b--;
  if (a - DENSE_OFFSET < t.lo) t.lo = a - DENSE_OFFSET;
  if (b - DENSE_OFFSET > t.hi) t.hi = b - DENSE_OFFSET;
  return t;
}

/**
 * The tally of a whole column (NaN = empty cell).
 *
 * @example
 * tallyColumn(Float64Array.of(1, 5, NaN)).nonEmpty // 2
 */
export function tallyColumn(values: Float64Array): ColumnTally {
  return tallyRows(newColumnTally(), values, 0, values.length);
}

/**
 * Adds `values[from, to)` to the tally `t` (in row order) and returns it.
 *
 * @example
 * const t = tallyRows(newColumnTally(), Float64Array.of(4, 5, 9), 0, 2); t.hi // 5
 */
export function tallyRows(t: ColumnTally, values: Float64Array, from: number, to: number): ColumnTally {
  // Small whole numbers (every rating answer and the usual codes) are counted in a dense array; others in a Map.
  const { dense, sparse } = t;
  let { nonEmpty, integers, lo, hi } = t;
  for (let r = from; r < to; r++) {
    const x = values[r];
    if (x !== x) continue;
    nonEmpty++;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    const k = x + DENSE_OFFSET;
    if (k >= 0 && k < DENSE_SIZE && (k | 0) === k) dense[k]++;
    else {
      if (integers && !Number.isInteger(x)) integers = false;
      if (sparse.size <= MAX_DISTINCT || sparse.has(x)) sparse.set(x, (sparse.get(x) ?? 0) + 1);
    }
  }
  t.nonEmpty = nonEmpty;
  t.integers = integers;
  t.lo = lo;
  t.hi = hi;
  return t;
}

/**
 * Classifies one numeric column of a survey read without a codebook (NaN = empty cell).
 *
 * - decimals → `numeric`, unless at most 11 distinct values within 0-100 (a rescaled rating: an item on 0-100); integers unique per row (20+ rows) → `id` (a row index or respondent number);
 * - values that look like missing-value codes — 9…9, 9…8 or 9…7 (or negative) beyond the other answers, with a gap
 *   of 2 or more — are set aside as `missingCodes`;
 * - the rest: integers spanning at most {@link RATING_SPAN} → a rating `item` on a snapped scale (1-5, 0-5, 1-7, 1-10,
 *   0-10, see `inferScale`); anything wider (age, distance, delay minutes) → `numeric`.
 *
 * `tally` is the column's {@link tallyColumn} when the caller counted on the way (the CSV reader does).
 *
 * @example
 * inferColumn(Float64Array.of(1, 5, 3, 99, 4)) // { kind: 'item', scale: { min: 1, max: 5 }, missingCodes: [{ value: 99, count: 1 }], note: '…' }
 * inferColumn(Float64Array.of(34, 61, 19, 45))  // { kind: 'numeric', reason: 'integers over 19-61, wider than a rating scale' }
 */
export function inferColumn(values: Float64Array, tally: ColumnTally = tallyColumn(values)): InferredColumn {
  const { dense, sparse, nonEmpty, integers, lo, hi } = tally;
  // The distinct values and their counts, at most MAX_DISTINCT + 1 of them (more only ever reads as "many").
  const counts = new Map<number, number>();
  for (let k = 0; k < DENSE_SIZE && counts.size <= MAX_DISTINCT; k++) if (dense[k] > 0) counts.set(k - DENSE_OFFSET, dense[k]);
  for (const [v, c] of sparse) {
    if (counts.size > MAX_DISTINCT) break;
    counts.set(v, c);
  }
  if (nonEmpty === 0) return { kind: 'empty' };
  const range = `${fmt(lo)} to ${fmt(hi)}`;
  if (!integers) {
    // A rating rescaled to 0-100 (1-10 as 0, 11.11, …, 100) has decimals but few distinct values.
    if (counts.size <= RATING_SPAN + 1 && lo >= 0 && hi <= 100) return { kind: 'item', scale: inferScale(lo, hi, false), missingCodes: [], note: '' };
    return { kind: 'numeric', reason: `decimals over ${range}` };
  }
  if (nonEmpty >= 20 && nonEmpty === values.length && counts.size > RATING_SPAN + 1 && uniquePerRow(values)) {
    return { kind: 'id', reason: `a different whole number in every row (${range})` };
  }
  // Missing-value codes: code-like values beyond the other answers.
  const plain = [...counts.keys()].filter((v) => !CODE_PATTERN.test(String(v)));
  const missingCodes: { value: number; count: number }[] = [];
  let restLo = lo;
  let restHi = hi;
  if (plain.length > 0 && counts.size <= MAX_DISTINCT) {
    const pLo = Math.min(...plain);
    const pHi = Math.max(...plain);
    // 97-99, 997-999 … beyond a rating range; a single digit (7, 8, 9) only beyond 1-5 answers with 20+ rows.
    const isCode = (v: number): boolean =>
      CODE_PATTERN.test(String(v)) &&
      (Math.abs(v) >= 10 ? v >= pHi + 2 || (v < 0 && pLo >= 0) : pHi <= 5 && nonEmpty >= 20 && plain.length >= 3 && (v >= pHi + 2 || (v < 0 && pLo >= 0)));
    const codes = pHi - pLo <= RATING_SPAN ? [...counts.keys()].filter(isCode) : [];
    if (codes.length > 0) {
      const kept = [...counts.keys()].filter((v) => !codes.includes(v));
      restLo = Math.min(...kept);
      restHi = Math.max(...kept);
      for (const v of codes.sort((a, b) => a - b)) missingCodes.push({ value: v, count: counts.get(v)! });
    }
  }
  const distinct = counts.size - missingCodes.length;
  if (counts.size > MAX_DISTINCT || restHi - restLo > RATING_SPAN || distinct > RATING_SPAN + 1) {
    return { kind: 'numeric', reason: `${counts.size > MAX_DISTINCT ? 'many' : distinct} different whole numbers over ${fmt(restLo)} to ${fmt(restHi)}, wider than a rating scale` };
  }
  const scale = inferScale(restLo, restHi, true);
  const notes: string[] = [];
  if (missingCodes.length > 0) {
    notes.push(`${missingCodes.map((m) => `${m.value} (×${m.count})`).join(', ')} look${missingCodes.length === 1 ? 's' : ''} like a missing-value code (far outside the other answers, ${fmt(restLo)}-${fmt(restHi)}) and ${missingCodes.length === 1 ? 'is' : 'are'} treated as missing`);
  }
  if (scale.min === 0 && scale.max <= 7 && counts.has(0)) {
    notes.push(`0 (×${counts.get(0)}) may be a "not applicable" code rather than an answer on ${scale.min}-${scale.max}`);
  }
  return { kind: 'item', scale, missingCodes, note: notes.join('; ') };
}

/** A number for messages: integers as they are, others to 3 significant decimals. */
export function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)));
}

function uniquePerRow(values: Float64Array): boolean {
  const sorted = Float64Array.from(values).sort();
  for (let r = 1; r < sorted.length; r++) if (sorted[r] === sorted[r - 1]) return false;
  return true;
}
