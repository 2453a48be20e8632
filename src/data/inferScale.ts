import type { Scale } from './codebook.js';

/** Answer scales a draft codebook snaps to, tried in this order. */
export const COMMON_SCALES: readonly Scale[] = [
  { min: 1, max: 5 },
  { min: 0, max: 5 },
  { min: 1, max: 7 },
  { min: 1, max: 10 },
  { min: 0, max: 10 },
  { min: 0, max: 100 },
];

/**
 * Infers an item's scale from its observed range, for a draft codebook.
 *
 * Integer answers inside a common survey scale (1-5, 0-5, 1-7, 1-10, 0-10; checked in that order) get that scale, so an
 * item on a 1-10 scale whose lowest observed answer is 4 still gets 1-10; any values inside 0-100 get 0-100;
 * anything else gets the observed range itself (widened by 1 when constant, as a scale needs max > min).
 * The result is a guess: the survey warns `INFERRED_SCALE` and the user should check it.
 *
 * @example
 * inferScale(4, 10, true)   // { min: 1, max: 10 }
 * inferScale(0, 9, true)    // { min: 0, max: 10 }
 * inferScale(0, 5, true)    // { min: 0, max: 5 }
 * inferScale(12, 480, true) // { min: 12, max: 480 }
 */
export function inferScale(observedMin: number, observedMax: number, integers: boolean): Scale {
  for (const s of COMMON_SCALES) {
    if (s.max === 100 || integers) {
      if (observedMin >= s.min && observedMax <= s.max) return { min: s.min, max: s.max };
    }
  }
  return observedMax > observedMin ? { min: observedMin, max: observedMax } : { min: observedMin, max: observedMin + 1 };
}
