/**
 * Kish's effective sample size n_eff = (Σw)² / Σw² (Kish 1965; docs: tracking.md §1.2). Without weights (null) it is
 * the number of rows counted. Only rows where `use[i]` is true count when `use` is given.
 *
 * @example
 * kishEffectiveN(Float64Array.of(1, 1, 2)) // 16 / 6 = 2.667
 * kishEffectiveN(null, 10) // 10
 */
export function kishEffectiveN(weights: Float64Array | null, n = weights?.length ?? 0, use?: (i: number) => boolean): number {
  if (!weights) {
    if (!use) return n;
    let c = 0;
    for (let i = 0; i < n; i++) if (use(i)) c++;
    return c;
  }
  let sw = 0;
  let sww = 0;
  for (let i = 0; i < weights.length; i++) {
    if (use && !use(i)) continue;
    sw += weights[i];
    sww += weights[i] * weights[i];
  }
  return sww > 0 ? (sw * sw) / sww : 0;
}
