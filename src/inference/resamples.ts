import { CsiError } from '../errors.js';

/** Explicit resamples: one array of 0-based row indices per resample. */
export type ResampleIndices = Int32Array[] | number[][];

const SEPARATOR = /[\s,;]+/;

/**
 * Parse resamples written by R (one resample per line, 1-based row numbers separated by commas, semicolons, tabs
 * or spaces; quotes around numbers are tolerated; a first line made only of non-numeric names is taken as a header
 * and skipped; blank lines are skipped). Returns 0-based row indices, one `Int32Array` per resample.
 *
 * Throws `CsiError('INVALID_RESAMPLE')` with the file's 1-based line as `row` and `line` (and `col`, the 1-based
 * position of the value on its line) when a value is not an integer in 1..n, a line holds only separators, or a line
 * does not hold exactly n values (a resample draws n rows; shorter or ragged lines would shrink or mix the SEs).
 *
 * @example
 * parseResamples('1,2,2\n3,1,1\n', 3) // [Int32Array [0, 1, 1], Int32Array [2, 0, 0]]
 */
export function parseResamples(text: string, n: number): Int32Array[] {
  const lines = text.split(/\r\n|\n|\r/);
  const out: Int32Array[] = [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li].trim();
    if (line === '') continue;
    const tokens = line.split(SEPARATOR).filter((t) => t !== '').map((t) => t.replace(/^"(.*)"$/, '$1'));
    if (out.length === 0 && li === firstNonBlank(lines) && tokens.every((t) => !/^[+-]?\d/.test(t))) continue; // header
    if (tokens.length === 0) {
      throw new CsiError('INVALID_RESAMPLE', `Resample file line ${li + 1} holds separators but no row number.`, { row: li + 1, line: li + 1 });
    }
    const idx = new Int32Array(tokens.length);
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      const v = /^[+-]?\d+$/.test(t) ? Number(t) : NaN;
      if (!Number.isInteger(v) || v < 1 || v > n) {
        throw new CsiError(
          'INVALID_RESAMPLE',
          `Resample file line ${li + 1}, value ${k + 1}: "${t}" is not a row number between 1 and ${n}.`,
          { row: li + 1, line: li + 1, col: k + 1 },
        );
      }
      idx[k] = v - 1;
    }
    if (tokens.length !== n) {
      throw new CsiError(
        'INVALID_RESAMPLE',
        `Resample file line ${li + 1} holds ${tokens.length} row numbers, but a bootstrap resample of these data draws all ${n} rows: each line must hold exactly ${n} (one resample per line; a file with one resample per column must be transposed).`,
        { row: li + 1, line: li + 1 },
      );
    }
    out.push(idx);
  }
  if (out.length === 0) throw new CsiError('INVALID_RESAMPLE', 'The resample file holds no resample.');
  return out;
}

function firstNonBlank(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) if (lines[i].trim() !== '') return i;
  return -1;
}

/**
 * Row counts (how often each of the n rows occurs) of a resample given as 0-based row indices.
 * Throws `CsiError('INVALID_RESAMPLE')` when an index is outside 0..n−1; `resample` (0-based) names the resample in
 * the message. Written into `into` (length n, overwritten) when given, else into a new array.
 *
 * @example
 * countsFromIndices([0, 2, 2], 3) // Uint32Array [1, 0, 2]
 */
export function countsFromIndices(indices: ArrayLike<number>, n: number, resample = 0, into?: Uint32Array): Uint32Array {
  const counts = into ? into.fill(0) : new Uint32Array(n);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new CsiError(
        'INVALID_RESAMPLE',
        `Resample ${resample + 1}, position ${k + 1}: row index ${i} is outside 0..${n - 1} (explicit resamples are 0-based).`,
      );
    }
    counts[i]++;
  }
  return counts;
}
