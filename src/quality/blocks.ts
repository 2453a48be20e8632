import { subMatrix } from '../stats/index.js';
import type { MeasurementFit } from './types.js';

/**
 * The K × K item correlation matrix of construct j's block.
 *
 * @example
 * blockCorrelation(fit, 0) // the correlations among the first construct's items
 */
export function blockCorrelation(fit: Pick<MeasurementFit, 'itemNames' | 'itemCorrelation' | 'blocks'>, j: number): Float64Array {
  return subMatrix(fit.itemCorrelation, fit.itemNames.length, fit.blocks[j]);
}

/**
 * Construct j's column of a p × m item-by-construct matrix (weights, loadings), restricted to its block.
 *
 * @example
 * blockColumn(fit.weights, fit.constructNames.length, fit.blocks[0], 0) // the first construct's outer weights
 */
export function blockColumn(matrix: ArrayLike<number>, m: number, block: readonly number[], j: number): Float64Array {
  return Float64Array.from(block, (i) => matrix[i * m + j]);
}
