import { studentTQuantile } from '../stats/index.js';
import type { Limits } from './wilsonInterval.js';
import { wilsonLimits } from './wilsonInterval.js';

/**
 * Wilson interval for a weighted proportion with a design-based effective n, as R survey 4.5
 * `svyciprop(method = "wilson")` for `svydesign(ids = ~1, weights = ~w)` (tracking.md §3.3):
 * n_eff = m(1−m)/Var_lin(m), critical value t_{1−α/2, df} (df = n − 1), limits
 * (m + t²/(2n_eff) ∓ t/(2n_eff)·√(4 n_eff m(1−m) + t²)) / (1 + t²/n_eff), clamped to [0, 1].
 * When Var_lin is 0 (all answers equal) the interval is the point.
 *
 * @example
 * surveyWilsonInterval(0.7285714286, 0.02596645337, 11) // { lower: 0.3485328374, upper: 0.930878816 }
 */
export function surveyWilsonInterval(m: number, varLin: number, df: number, level = 0.95): Limits {
  if (!(df > 0) || Number.isNaN(m) || Number.isNaN(varLin)) return { lower: NaN, upper: NaN };
  if (varLin <= 0) return { lower: m, upper: m };
  const nEff = (m * (1 - m)) / varLin;
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  return wilsonLimits(m, nEff, t);
}
