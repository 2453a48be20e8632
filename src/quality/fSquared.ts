import type { CompositeFit } from './types.js';
import type { FSquaredEntry, ReestimateWithoutPath } from './types.js';

/**
 * Cohen's f² effect size of every structural path `from → to`:
 *
 *   f² = (R²_incl − R²_excl) / (1 − R²_incl)
 *
 * where R²_incl is the fit's R² of `to` and R²_excl is the R² of `to` after RE-ESTIMATING the whole PLS model
 * without that path (outer weights may change), as seminr 2.3.1 does (`fSquared`, R/evaluate_effects.R;
 * methodology §8.5). The re-estimation is the caller's: `reestimate({ from, to })` returns the R² of `to` in the
 * model without the path. When the path is `to`'s only predictor, R²_excl = 0 and `reestimate` is not called
 * (seminr gives 0 there too, and special-cases two-construct models the same way). Errors thrown by `reestimate`
 * propagate. Paths are listed by `from`, then `to`, in construct order.
 *
 * @param fit - the estimated model (R², adjacency, construct names).
 * @param reestimate - re-estimates the model without one path and returns the R² of its target.
 *
 * @example
 * fSquared(fit, ({ from, to }) => estimate(survey, dropPath(model, from, to)).rSquared[to].r2)
 * // [{ from: 'Image', to: 'Expectation', value: 0.342… }, …]
 */
export function fSquared(
  fit: Pick<CompositeFit, 'constructNames' | 'rSquared' | 'adjacency'>,
  reestimate: ReestimateWithoutPath,
): FSquaredEntry[] {
  const m = fit.constructNames.length;
  const out: FSquaredEntry[] = [];
  for (let f = 0; f < m; f++) {
    for (let t = 0; t < m; t++) {
      if (!fit.adjacency[f * m + t]) continue;
      let nPred = 0;
      for (let q = 0; q < m; q++) if (fit.adjacency[q * m + t]) nPred++;
      const from = fit.constructNames[f];
      const to = fit.constructNames[t];
      const incl = fit.rSquared[t];
      const excl = nPred === 1 ? 0 : reestimate({ from, to });
      out.push({ from, to, value: effectSize(incl, excl) });
    }
  }
  return out;
}

/**
 * f² = (R²_incl − R²_excl) / (1 − R²_incl) (Cohen 1988).
 *
 * @example
 * effectSize(0.5, 0.4) // 0.2
 */
export function effectSize(rSquaredIncluded: number, rSquaredExcluded: number): number {
  return (rSquaredIncluded - rSquaredExcluded) / (1 - rSquaredIncluded);
}
