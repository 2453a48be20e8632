import { regressionRSquared } from './linalg.js';
import type { MeasurementFit } from './types.js';

/**
 * Variance inflation factor of every item on the other items of its own block, from the item correlations:
 *
 *   VIF_k = 1 / (1 − R²_k),   R²_k = R² of the OLS of item k on the block's other items
 *
 * A single-item block gives 1 (seminr does). An item that is an exact linear combination of the block's other items
 * gives Infinity; the other items of such a block keep a finite VIF (their R² is taken on a basis of the span of
 * their collinear predictors, which is what `lm` does by aliasing the dependent ones).
 * Source: methodology §8.4; seminr 2.3.1 `item_vifs`/`compute_vif` (R/evaluate_validity.R, R/compute_metrics.R),
 * which fits `lm` on the data — the same R² as from the correlation matrix.
 *
 * @returns construct → item → VIF.
 *
 * @example
 * itemVif(fit).Value // { PERV1: 1.96…, PERV2: 1.96… } (two items: 1/(1 − r²) each)
 */
export function itemVif(fit: Pick<MeasurementFit, 'itemNames' | 'constructNames' | 'blocks' | 'itemCorrelation'>): Record<string, Record<string, number>> {
  const p = fit.itemNames.length;
  const out: Record<string, Record<string, number>> = {};
  fit.constructNames.forEach((name, j) => {
    const block = fit.blocks[j];
    const row: Record<string, number> = {};
    for (const k of block) {
      if (block.length === 1) {
        row[fit.itemNames[k]] = 1;
        continue;
      }
      const others = block.filter((i) => i !== k);
      let r2 = regressionRSquared(fit.itemCorrelation, p, others, k);
      // Collinear predictors: the R² on their span is still defined (only the items that depend on the others
      // get Infinity), so regress on a basis of it instead.
      if (Number.isNaN(r2)) r2 = regressionRSquared(fit.itemCorrelation, p, independentSubset(fit.itemCorrelation, p, others), k);
      row[fit.itemNames[k]] = vifFromRSquared(r2);
    }
    out[name] = row;
  });
  return out;
}

/**
 * VIF = 1/(1 − R²); Infinity when R² is 1 (up to 1e-12) or could not be computed because the predictors are collinear.
 *
 * @example
 * vifFromRSquared(0.5) // 2
 */
export function vifFromRSquared(r2: number): number {
  if (Number.isNaN(r2) || r2 >= 1 - 1e-12) return Number.POSITIVE_INFINITY;
  return 1 / (1 - r2);
}

/**
 * A maximal linearly independent subset of `items` (in order), by a Cholesky pass over their correlations that
 * skips every item whose residual variance given the earlier kept ones is below 1e-10.
 *
 * @example
 * independentSubset(new Float64Array([1, 1, 0, 1, 1, 0, 0, 0, 1]), 3, [0, 1, 2]) // [0, 2] (item 1 duplicates item 0)
 */
export function independentSubset(r: ArrayLike<number>, dim: number, items: readonly number[]): number[] {
  const kept: number[] = [];
  const L: number[][] = []; // rows of the Cholesky factor of the kept items
  for (const i of items) {
    const row: number[] = [];
    for (let a = 0; a < kept.length; a++) {
      let v = r[kept[a] * dim + i];
      for (let b = 0; b < a; b++) v -= L[a][b] * row[b];
      row.push(v / L[a][a]);
    }
    let d = r[i * dim + i];
    for (const v of row) d -= v * v;
    if (d > 1e-10) {
      row.push(Math.sqrt(d));
      L.push(row);
      kept.push(i);
    }
  }
  return kept;
}
