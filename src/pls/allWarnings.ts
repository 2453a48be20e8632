import type { CsiWarning } from '../errors.js';
import type { PlsResult } from './types.js';

/**
 * Every warning of an estimation result in one list, each once: the estimation's (`result.warnings`) then the
 * quality report's (`result.quality.warnings`). The JSON document's `warnings` and the text summary use this list.
 * (The two lists stay separate on the result because the bootstrap drops resamples on estimation warnings only.)
 *
 * @example
 * for (const w of allWarnings(estimate(survey, model))) console.log(`${w.code}: ${w.message}`);
 */
export function allWarnings(result: PlsResult): CsiWarning[] {
  return [...new Set([...result.warnings, ...(result.quality?.warnings ?? [])])];
}
