/**
 * Median of the observed values (NaN skipped). Unweighted: R's `median` (mean of the two middle values for even n).
 * Weighted: the smallest value whose cumulative weight reaches half the total, averaged with the next value when the
 * cumulative weight equals exactly half (so equal weights give the unweighted median). NaN when nothing is observed.
 *
 * @example
 * weightedMedian(Float64Array.of(3, 1, 2, 10), null) // 2.5
 */
export function weightedMedian(values: Float64Array, weights: Float64Array | null): number {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]) && (!weights || weights[i] > 0)) idx.push(i);
  if (idx.length === 0) return NaN;
  idx.sort((a, b) => values[a] - values[b]);
  let total = 0;
  for (const i of idx) total += weights ? weights[i] : 1;
  const half = total / 2;
  let cum = 0;
  for (let k = 0; k < idx.length; k++) {
    cum += weights ? weights[idx[k]] : 1;
    if (Math.abs(cum - half) <= 1e-12 * total && k + 1 < idx.length) return (values[idx[k]] + values[idx[k + 1]]) / 2;
    if (cum > half) return values[idx[k]];
  }
  return values[idx[idx.length - 1]];
}
