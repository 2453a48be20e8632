import { studentTTwoSided } from '../inference/index.js';
import { studentTQuantile } from '../stats/index.js';

const nn = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * One-sample t test of a mean against 0 from its SE (Student 1908; R `t.test(d)` on paired differences,
 * tracking.md §1.1): t = d̄/SE with n − 1 df, two-sided p = 2·P(T ≥ |t|), interval d̄ ± t_{1−α/2, n−1}·SE.
 * SE 0 gives the point interval [d̄, d̄] and t, p null; n < 2 or a non-finite SE gives null figures.
 *
 * @example
 * oneSampleT(20 / 3, 10 / 3, 3) // { t: 2, p: 0.1835, lower: -7.676, upper: 21.01 }
 */
export function oneSampleT(mean: number, se: number, n: number, level = 0.95): { lower: number | null; upper: number | null; t: number | null; p: number | null } {
  const tq = n > 1 ? studentTQuantile(1 - (1 - level) / 2, n - 1) : NaN;
  const t = se > 0 ? mean / se : NaN;
  const zeroSe = se === 0;
  return {
    lower: zeroSe ? mean : nn(mean - tq * se),
    upper: zeroSe ? mean : nn(mean + tq * se),
    t: nn(t),
    p: se > 0 ? studentTTwoSided(t, n - 1) : null,
  };
}
