import { averageVarianceExtracted } from './averageVarianceExtracted.js';
import { blockColumn, blockCorrelation } from './blocks.js';
import { cronbachAlpha } from './cronbachAlpha.js';
import { rhoA } from './rhoA.js';
import { rhoC } from './rhoC.js';
import type { ConstructReliability, MeasurementFit } from './types.js';

/** Options of {@link reliability}. */
export interface ReliabilityOptions {
  /**
   * Item × construct loadings (p × m, row-major) to use for ρ_C and AVE, e.g. PLSc-corrected loadings from
   * `consistentPls` (seminr uses the model's — possibly corrected — `outer_loadings`). Default: the fit's
   * `crossLoadings`, read in-block.
   */
  loadings?: ArrayLike<number>;
}

/**
 * Alpha, ρ_C, ρ_A and AVE of every construct, with seminr 2.3.1's conventions (`summary(model)$reliability`):
 * a single-item construct gets 1 for all four; a mode-B construct gets ρ_A = 1 while alpha, ρ_C and AVE are still
 * computed from its items and loadings. Formulas: see {@link cronbachAlpha}, {@link rhoC}, {@link rhoA},
 * {@link averageVarianceExtracted}; source: methodology §8.3–8.4, seminr R/evaluate_reliability.R.
 *
 * @example
 * reliability(fit).Image // { alpha: 0.72…, rhoC: 0.81…, rhoA: 0.74…, ave: 0.47… }
 */
export function reliability(fit: MeasurementFit, options: ReliabilityOptions = {}): Record<string, ConstructReliability> {
  const m = fit.constructNames.length;
  const loadings = options.loadings ?? fit.crossLoadings;
  const out: Record<string, ConstructReliability> = {};
  fit.constructNames.forEach((name, j) => {
    const block = fit.blocks[j];
    const k = block.length;
    if (k <= 1) {
      out[name] = { alpha: 1, rhoC: 1, rhoA: 1, ave: 1 };
      return;
    }
    const r = blockCorrelation(fit, j);
    const lambda = blockColumn(loadings, m, block, j);
    out[name] = {
      alpha: cronbachAlpha(r, k),
      rhoC: rhoC(lambda),
      rhoA: fit.modes[j] === 'B' ? 1 : rhoA(r, blockColumn(fit.weights, m, block, j)),
      ave: averageVarianceExtracted(lambda),
    };
  });
  return out;
}
