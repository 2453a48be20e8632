/**
 * Exact decomposition of an own-wave-weight index change (tracking.md §2.1):
 * I_2 − I_1 = Σ_k w̃_k⁽¹⁾ (p̄_k⁽²⁾ − p̄_k⁽¹⁾)  (item means, at wave-1 weights)  +  Σ_k (w̃_k⁽²⁾ − w̃_k⁽¹⁾) p̄_k⁽²⁾  (weights).
 * Item means p̄ on 0-100 and normalised weights w̃ per wave come from the indices layer; this only splits the change.
 *
 * @example
 * weightChangeDecomposition([70.1, 68.4, 73.0], [72.3, 69.0, 76.1], [0.38, 0.28, 0.34], [0.33, 0.30, 0.37]).change // ≈ 2.106 (tracking.md A4)
 */
export function weightChangeDecomposition(
  itemMeans1: readonly number[],
  itemMeans2: readonly number[],
  weights1: readonly number[],
  weights2: readonly number[],
): { index1: number; index2: number; change: number; itemMeans: number; weights: number } {
  let index1 = 0;
  let index2 = 0;
  let itemMeans = 0;
  let weights = 0;
  for (let k = 0; k < itemMeans1.length; k++) {
    index1 += weights1[k] * itemMeans1[k];
    index2 += weights2[k] * itemMeans2[k];
    itemMeans += weights1[k] * (itemMeans2[k] - itemMeans1[k]);
    weights += (weights2[k] - weights1[k]) * itemMeans2[k];
  }
  return { index1, index2, change: index2 - index1, itemMeans, weights };
}
