import { wilsonInterval } from './wilsonInterval.js';

/** A difference with its interval. */
export interface DifferenceInterval {
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * Newcombe (1998, Stat Med 17:873-890, method 10) hybrid score interval for p̂₁ − p̂₂ of two independent proportions
 * (tracking.md §3.2; DescTools `BinomDiffCI(method = "score")`), from the two Wilson intervals (l_j, u_j):
 * L = δ̂ − √((p̂₁ − l₁)² + (u₂ − p̂₂)²), U = δ̂ + √((u₁ − p̂₁)² + (p̂₂ − l₂)²).
 *
 * @example
 * newcombeDifference(452, 500, 430, 500) // { estimate: 0.044, lower: 0.0039215877, upper: 0.0842627597 }
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, level = 0.95): DifferenceInterval {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const w1 = wilsonInterval(x1, n1, level);
  const w2 = wilsonInterval(x2, n2, level);
  const d = p1 - p2;
  return {
    estimate: d,
    lower: d - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2),
    upper: d + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2),
  };
}
