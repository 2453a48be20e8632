import { CsiError } from '../errors.js';

/**
 * Missing-value rule, the one vocabulary of the whole library (estimator, moments, engines, CLI): seminr's mean
 * replacement (default), casewise (listwise) deletion, or pairwise deletion.
 */
export type MissingRule = (typeof MISSING_RULES)[number];

/** Every missing-value rule, in documentation order. */
export const MISSING_RULES = ['mean', 'casewise', 'pairwise'] as const;

/** The default missing-value rule: seminr's mean replacement. Written out here only. */
export const DEFAULT_MISSING: MissingRule = 'mean';

/**
 * The rule asked for, or the default when none was; a CsiError INVALID_OPTION for an unknown rule.
 *
 * @example
 * missingRule(undefined) // 'mean'
 * missingRule('pairwise') // 'pairwise'
 */
export function missingRule(rule: unknown): MissingRule {
  if (rule === undefined) return DEFAULT_MISSING;
  if (!MISSING_RULES.includes(rule as MissingRule)) {
    throw new CsiError('INVALID_OPTION', `Unknown missing-value rule "${String(rule)}" (mean, casewise or pairwise).`);
  }
  return rule as MissingRule;
}
