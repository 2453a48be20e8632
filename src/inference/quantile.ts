/**
 * Sample quantile of R's default `quantile(x, p, type = 7)` on already sorted values (ascending, no NaN).
 *
 * Formula (Hyndman & Fan 1996, definition 7; R `stats:::quantile.default`): with B values x₍₁₎ ≤ … ≤ x₍B₎,
 * h = (B − 1)·p + 1, lo = ⌊h⌋, hi = ⌈h⌉, Q(p) = (1 − (h − lo))·x₍lo₎ + (h − lo)·x₍hi₎ — written in R's own order
 * of operations so results agree to the last bit. Returns NaN for an empty input or p outside [0, 1].
 *
 * @example
 * quantileType7Sorted([1, 2, 3, 4], 0.3) // 1.9 (R: quantile(c(1,2,3,4), 0.3))
 */
export function quantileType7Sorted(sorted: ArrayLike<number>, p: number): number {
  const b = sorted.length;
  if (b === 0 || !(p >= 0 && p <= 1)) return NaN;
  const index = 1 + Math.max(b - 1, 0) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = sorted[lo - 1];
  const h = index - lo;
  if (index > lo && sorted[hi - 1] !== qs) return (1 - h) * qs + h * sorted[hi - 1];
  return qs;
}

/**
 * R type-7 quantile of unsorted values (copies and sorts; NaN values are not allowed).
 *
 * @example
 * quantileType7([4, 1, 3, 2], 0.5) // 2.5
 */
export function quantileType7(values: ArrayLike<number>, p: number): number {
  const s = Float64Array.from(values).sort();
  return quantileType7Sorted(s, p);
}
