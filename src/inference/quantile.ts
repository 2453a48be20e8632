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
  // (the positions read, lo − 1 and hi − 1, are those of type7Positions)
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

/**
 * The 0-based positions {@link quantileType7Sorted} reads for quantile p of B sorted values (none for an empty
 * input or p outside [0, 1]): ⌊h⌋ − 1 and ⌈h⌉ − 1 with h = (B − 1)·p + 1.
 *
 * @example
 * type7Positions(4, 0.3) // [0, 1]
 */
export function type7Positions(b: number, p: number): number[] {
  if (b === 0 || !(p >= 0 && p <= 1)) return [];
  const index = 1 + Math.max(b - 1, 0) * p;
  return [Math.floor(index) - 1, Math.ceil(index) - 1];
}

/**
 * Partial sort in place: afterwards a[k] is the k-th smallest value (0-based) for every k in `positions`, as in the
 * fully sorted array, so {@link quantileType7Sorted} reading only those positions gives the sorted array's result.
 * Hoare's FIND (quickselect, median-of-three pivot) per position, splitting the range at each selected position:
 * O(B · number of positions) instead of a sort's O(B log B). Values must not be NaN, and ±0 must not both occur
 * (comparisons do not order −0 before +0 as a typed-array sort does): callers sort fully in those cases.
 *
 * @example
 * const a = Float64Array.of(5, 1, 4, 2, 3);
 * selectPositions(a, [0, 4]); // a[0] = 1, a[4] = 5
 */
export function selectPositions(a: Float64Array, positions: readonly number[]): void {
  const ks = [...new Set(positions)].filter((k) => k >= 0 && k < a.length).sort((x, y) => x - y);
  selectIn(a, 0, a.length - 1, ks, 0, ks.length - 1);
}

function selectIn(a: Float64Array, left: number, right: number, ks: number[], from: number, to: number): void {
  if (from > to || left >= right) return;
  const mid = (from + to) >>> 1;
  const k = ks[mid];
  selectOne(a, left, right, k);
  selectIn(a, left, k - 1, ks, from, mid - 1);
  selectIn(a, k + 1, right, ks, mid + 1, to);
}

/**
 * Hoare's FIND: a[k] becomes the k-th smallest of a[left..right], smaller values before it, larger after (median of
 * three as pivot). Values must not be NaN.
 *
 * @example
 * const a = Float64Array.of(5, 1, 4, 2, 3);
 * selectOne(a, 0, 4, 2); // a[2] = 3
 */
export function selectOne(a: Float64Array, left: number, right: number, k: number): void {
  while (right > left) {
    const m = (left + right) >>> 1;
    // median of three as pivot
    if (a[m] < a[left]) swap(a, m, left);
    if (a[right] < a[left]) swap(a, right, left);
    if (a[right] < a[m]) swap(a, right, m);
    const pivot = a[m];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
