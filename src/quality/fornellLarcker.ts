import type { CompositeFit } from './types.js';
import { averageVarianceExtracted } from './averageVarianceExtracted.js';
import { blockColumn } from './blocks.js';
import type { FornellLarckerResult, MeasurementFit } from './types.js';

/** Options of {@link fornellLarcker}. */
export interface FornellLarckerOptions {
  /** Loadings (p × m) for the AVE on the diagonal, e.g. PLSc-corrected ones. Default: the fit's in-block crossLoadings. */
  loadings?: ArrayLike<number>;
}

/**
 * The Fornell–Larcker criterion (Fornell & Larcker 1981): a table with sqrt(AVE_j) on the diagonal and the
 * construct correlations cor(Y_a, Y_b) off it, and per construct the verdict sqrt(AVE_j) > |cor(Y_j, Y_k)| for
 * every other k. AVE as seminr reports it (single item → 1). Source: methodology §8.4; seminr 2.3.1
 * `fl_criteria_table` (R/evaluate_validity.R), which shows the lower triangle of the same table.
 *
 * @example
 * fornellLarcker(fit).pass.Image // true when sqrt(AVE of Image) beats all its correlations
 */
export function fornellLarcker(
  fit: MeasurementFit & Pick<CompositeFit, 'constructCorrelation'>,
  options: FornellLarckerOptions = {},
): FornellLarckerResult {
  const m = fit.constructNames.length;
  const loadings = options.loadings ?? fit.crossLoadings;
  const root = fit.blocks.map((block, j) => Math.sqrt(averageVarianceExtracted(blockColumn(loadings, m, block, j))));
  const matrix: number[][] = [];
  const pass: Record<string, boolean> = {};
  for (let a = 0; a < m; a++) {
    const row: number[] = [];
    let ok = true;
    for (let b = 0; b < m; b++) {
      if (a === b) {
        row.push(root[a]);
      } else {
        const r = fit.constructCorrelation[a * m + b];
        row.push(r);
        if (!(root[a] > Math.abs(r))) ok = false;
      }
    }
    matrix.push(row);
    pass[fit.constructNames[a]] = ok;
  }
  return { constructs: [...fit.constructNames], matrix, pass };
}
