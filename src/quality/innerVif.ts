import type { CompositeFit } from './types.js';
import { vifFromRSquared } from './itemVif.js';
import { regressionRSquared } from './linalg.js';

/**
 * Variance inflation factors of the structural model: for every endogenous construct, each predictor's
 * VIF = 1/(1 − R²) of that predictor regressed on the construct's other predictors, from the construct
 * correlation matrix. A construct with one predictor gives that predictor 1 (seminr prints NA there).
 * Source: methodology §8.4; seminr 2.3.1 `antecedent_vifs`/`cor_vifs` (R/evaluate_validity.R, R/compute_metrics.R).
 *
 * @returns endogenous construct → predictor → VIF.
 *
 * @example
 * innerVif(fit).Satisfaction // mobi ECSI: { Image: 2.37…, Expectation: 1.49…, Quality: 2.84…, Value: 1.55… }
 */
export function innerVif(fit: Pick<CompositeFit, 'constructNames' | 'constructCorrelation' | 'adjacency'>): Record<string, Record<string, number>> {
  const m = fit.constructNames.length;
  const out: Record<string, Record<string, number>> = {};
  for (let t = 0; t < m; t++) {
    const preds: number[] = [];
    for (let f = 0; f < m; f++) if (fit.adjacency[f * m + t]) preds.push(f);
    if (preds.length === 0) continue;
    const row: Record<string, number> = {};
    for (const q of preds) {
      row[fit.constructNames[q]] =
        preds.length === 1 ? 1 : vifFromRSquared(regressionRSquared(fit.constructCorrelation, m, preds.filter((x) => x !== q), q));
    }
    out[fit.constructNames[t]] = row;
  }
  return out;
}
