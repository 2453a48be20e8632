import type { CsiWarning } from '../errors.js';
import type { SurveyQuality } from './survey.js';

/** Settings of {@link surveyQuality}. */
export interface SurveyQualityOptions {
  /** A respondent missing more than this share of the items is flagged HIGH_MISSING. Default 0.5. */
  highMissingShare?: number;
  /** File row of the first survey row (header row + 1). Default 2. */
  firstRow?: number;
  /** File rows that were skipped (ascending), so that survey rows map back to file rows. Default none. */
  excludedRows?: number[];
  /**
   * Per item, `min + max` when the item was reversed on load (so the answer as given is `min + max − x`), else null.
   * Straight-lining is judged on the answers as given. Default: no item reversed.
   */
  reversedSums?: (number | null)[];
  /**
   * Per item, whether it is a rating item (whole numbers on a short scale). Straight-lining is judged on rating items
   * only, so one continuous column (a delay in minutes) cannot hide the straight-liners. Default: every item.
   */
  rating?: boolean[];
  /** Per item, the top of its scale: an item with at least `topBoxShare` of its answers there is flagged TOP_BOX. */
  scaleMax?: number[];
  /** Share of answers at the top of the scale from which an item is flagged TOP_BOX. Default 0.5. */
  topBoxShare?: number;
  /** The column pass, when the caller already has it (see {@link QualityColumnPass}); it must equal `qualityColumnPass`'s. */
  columnPass?: QualityColumnPass;
}

function rowsText(rows: number[]): string {
  return rows.length <= 10 ? rows.join(', ') : `${rows.slice(0, 10).join(', ')}, … (${rows.length - 10} more)`;
}

/**
 * The data-quality flags analysts expect, in one pass over the item columns.
 *
 * - straight-liners: respondents who gave every rating item (at least two) the same answer, as given (before reversal);
 * - top box: rating items with at least `topBoxShare` of their answers at the top of the scale (a ceiling);
 * - high missing: respondents missing more than `highMissingShare` of the items;
 * - zero variance: items whose answered values are all equal (or that have no answers at all).
 *
 * Rows are reported as 1-based file rows (header = 1).
 *
 * @example
 * const q = surveyQuality(['a', 'b'], [Float64Array.of(1, 2), Float64Array.of(1, 3)], 2);
 * q.flags.straightLiners // [2]  (the first respondent, file row 2, answered 1 and 1)
 */
export function surveyQuality(
  itemNames: string[],
  items: Float64Array[],
  n: number,
  options: SurveyQualityOptions = {},
): { flags: SurveyQuality; warnings: CsiWarning[] } {
  const share = options.highMissingShare ?? 0.5;
  const excluded = options.excludedRows ?? [];
  const p = items.length;
  const straightLiners: number[] = [];
  const highMissing: number[] = [];
  const rating = options.rating ?? items.map(() => true);
  const ratingCount = rating.filter(Boolean).length;
  const pass = options.columnPass ?? qualityColumnPass(items, n, rating, options.reversedSums ?? [], options.scaleMax);
  const { lo, hi, answered, top, missing, missingRating, same } = pass;
  let ptr = 0;
  let skipped = 0;
  const first = options.firstRow ?? 2;
  const limit = share * p;
  /** Records survey row r (rows come in ascending order) under its file row. */
  const flag = (r: number, straight: boolean, high: boolean): void => {
    let row = first + r + skipped;
    while (ptr < excluded.length && excluded[ptr] <= row) {
      if (excluded[ptr] >= first) {
        skipped++;
        row++;
      }
      ptr++;
    }
    if (straight) straightLiners.push(row);
    if (high) highMissing.push(row);
  };
  if (pass.complete === true && !(0 > limit)) {
    // No cell missing: only straight-liners can be flagged, the rows whose `same` is 1 (found by a native scan).
    if (ratingCount >= 2 && p > 0) for (let r = same.indexOf(1); r >= 0 && r < n; r = same.indexOf(1, r + 1)) flag(r, true, false);
  } else {
    for (let r = 0; r < n && p > 0; r++) {
      const straight = missingRating[r] === 0 && same[r] === 1 && ratingCount >= 2;
      const high = missing[r] > limit;
      if (straight || high) flag(r, straight, high);
    }
  }
  const zeroVariance: string[] = [];
  const warnings: CsiWarning[] = [];
  if (straightLiners.length > 0) {
    warnings.push({
      code: 'STRAIGHT_LINER',
      message: `${straightLiners.length} respondent(s) gave the same answer to every ${ratingCount < p ? `rating item (${ratingCount} of ${p} items)` : 'item'}: row(s) ${rowsText(straightLiners)}.`,
      count: straightLiners.length,
      row: straightLiners[0],
    });
  }
  if (highMissing.length > 0) {
    warnings.push({
      code: 'HIGH_MISSING',
      message: `${highMissing.length} respondent(s) are missing more than ${Math.round(share * 100)}% of the items: row(s) ${rowsText(highMissing)}.`,
      count: highMissing.length,
      row: highMissing[0],
    });
  }
  for (let k = 0; k < p; k++) {
    if (hi[k] > lo[k]) continue;
    const name = itemNames[k];
    zeroVariance.push(name);
    warnings.push({
      code: 'ZERO_VARIANCE',
      message:
        hi[k] === -Infinity
          ? `Item "${name}" has no answers at all.`
          : `Item "${name}" has zero variance: every answer is ${lo[k]}.`,
      column: name,
    });
  }
  const topShare = options.topBoxShare ?? 0.5;
  const topBox: { item: string; share: number }[] = [];
  if (options.scaleMax) {
    for (let k = 0; k < p; k++) {
      if (rating[k] !== true || answered[k] === 0 || hi[k] === lo[k]) continue;
      const shareTop = top[k] / answered[k];
      if (shareTop >= topShare) topBox.push({ item: itemNames[k], share: shareTop });
    }
  }
  if (topBox.length > 0) {
    warnings.push({
      code: 'TOP_BOX',
      message: `${topBox.length} item(s) have ${Math.round(topShare * 100)}% or more of their answers at the top of the scale (a ceiling): ${topBox
        .slice(0, 10)
        .map((t) => `${t.item} ${Math.round(t.share * 100)}%`)
        .join(', ')}${topBox.length > 10 ? `, … (${topBox.length - 10} more)` : ''}.`,
      count: topBox.length,
      column: topBox[0].item,
    });
  }
  return { flags: { straightLiners, highMissing, zeroVariance, ...(options.scaleMax ? { topBox } : {}) }, warnings };
}

/**
 * What {@link surveyQuality} reads off the item columns in its one pass: per item the range, the answered cells and
 * those at the top of the scale; per row the missing items (all, and rating ones) and whether every rating item got
 * the same answer as given. A caller that learned all this on the way (the CSV reader, for files whose every cell is
 * a plain answer) passes it as `columnPass` and saves the pass.
 */
export interface QualityColumnPass {
  lo: Float64Array;
  hi: Float64Array;
  answered: Float64Array;
  top: Float64Array;
  missing: Int32Array;
  missingRating: Int32Array;
  same: Uint8Array;
  /** True when no item cell of any row is missing (`missing` and `missingRating` all 0). Default false. */
  complete?: boolean;
}

/**
 * The column pass of {@link surveyQuality} (see {@link QualityColumnPass}).
 *
 * @example
 * qualityColumnPass([Float64Array.of(1, 2), Float64Array.of(1, 3)], 2, [true, true], [], [3, 3]).same // [1, 0]
 */
export function qualityColumnPass(items: Float64Array[], n: number, rating: boolean[], sums: (number | null)[], scaleMax: number[] | undefined): QualityColumnPass {
  const p = items.length;
  const lo = new Float64Array(p).fill(Infinity);
  const hi = new Float64Array(p).fill(-Infinity);
  // Column by column (sequential memory): per-row missing counts and "same as the first item" flags.
  const missing = new Int32Array(p > 0 ? n : 0);
  const same = new Uint8Array(p > 0 ? n : 0).fill(1);
  const k0 = rating.indexOf(true);
  const ref = items[k0 < 0 ? 0 : k0];
  const missingRating = new Int32Array(p > 0 ? n : 0);
  const top = new Float64Array(p);
  const answered = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const col = items[k];
    const isRating = rating[k] === true;
    const fk = sums[k] !== undefined && sums[k] !== null;
    const sk = sums[k] ?? 0;
    const f0 = sums[k0] !== undefined && sums[k0] !== null;
    const s0 = sums[k0] ?? 0;
    const max = scaleMax?.[k];
    // NaN never equals an answer, as undefined never does (no scaleMax given)
    const maxv = max === undefined ? NaN : max;
    let l = Infinity;
    let h = -Infinity;
    let ans = 0;
    let tops = 0;
    // Two loops (rating or not) so that the common one carries no per-value test of the item's kind.
    if (isRating) {
      for (let r = 0; r < n; r++) {
        const x = col[r];
        if (x !== x) {
          missing[r]++;
          missingRating[r]++;
          continue;
        }
        if (x < l) l = x;
        if (x > h) h = x;
        ans++;
        if (x === maxv) tops++;
        const y = ref[r];
        if ((fk ? sk - x : x) !== (f0 ? s0 - y : y)) same[r] = 0;
      }
    } else {
      for (let r = 0; r < n; r++) {
        const x = col[r];
        if (x !== x) {
          missing[r]++;
          continue;
        }
        if (x < l) l = x;
        if (x > h) h = x;
        ans++;
        if (x === maxv) tops++;
      }
    }
    answered[k] = ans;
    top[k] = tops;
    lo[k] = l;
    hi[k] = h;
  }
  return { lo, hi, answered, top, missing, missingRating, same };
}
