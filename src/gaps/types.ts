import type { Estimate } from '../indices/index.js';

/** One expectation-vs-perception gap (issue 15), on the 0-100 scale: n, mean, sd, se and the 95 % interval as an index's. */
export interface GapResult extends Omit<Estimate, 'nEff'> {
  perceived: string;
  expected: string;
  t: number | null;
  p: number | null;
  ratio: number | null;
  shareBelow: number | null;
}

