import { regressionRSquared } from './linalg.js';
import type { MeasurementFit } from './types.js';

/**
 * Variance inflation factor of every item on the other items of its own block, from the item correlations:
 *
 *   VIF_k = 1 / (1 − R²_k),   R²_k = R² of the OLS of item k on the block's other items
 *
 * A single-item block gives 1 (seminr does). Perfectly collinear items give Infinity.
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
      const r2 = regressionRSquared(fit.itemCorrelation, p, block.filter((i) => i !== k), k);
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
