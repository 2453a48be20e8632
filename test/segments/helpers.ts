import type { Moments } from '../../src/stats/index.js';
import type { Estimate } from '../../src/study/types.js';

/** A stand-in per-group estimator: the mean of item 0 with its SD and SE = sd/√n (unweighted moments). */
export function meanOfFirstItem(name: string) {
  return (m: Moments): Record<string, Estimate> => {
    const n = m.sw;
    const mean = m.s[0] / n;
    const sd = Math.sqrt((m.c[0] - n * mean * mean) / (n - 1));
    return { [name]: { n: m.n, mean, sd, se: sd / Math.sqrt(n), lower: null, upper: null } };
  };
}

