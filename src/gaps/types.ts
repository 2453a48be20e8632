/** One expectation-vs-perception gap (issue 15), on the 0-100 scale. */
export interface GapResult {
  perceived: string;
  expected: string;
  n: number;
  mean: number | null;
  sd: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  t: number | null;
  p: number | null;
  ratio: number | null;
  shareBelow: number | null;
}

