import type { KpiResult } from './kpiTypes.js';
import { surveyWilsonInterval } from './surveyWilsonInterval.js';
import { weightedMeanLinearized } from './weightedMeanLinearized.js';
import { wilsonInterval } from './wilsonInterval.js';

/** The shared part of a proportion KPI: n, nEff, estimate and interval. */
export type ProportionEstimate = Pick<KpiResult, 'n' | 'nEff' | 'estimate' | 'lower' | 'upper' | 'method'> & { se: number | null };

/**
 * A proportion from a 0/1 column (NaN = no answer): unweighted, the share with a Wilson interval
 * ({@link wilsonInterval}); weighted, the weighted share with survey's design-based Wilson interval
 * ({@link surveyWilsonInterval}, t with n − 1 df) and Kish's n_eff. No answers: estimate null.
 *
 * @example
 * proportionEstimate(Float64Array.of(1, 0, 1, 1), null).estimate // 0.75
 */
export function proportionEstimate(indicator: Float64Array, weights: Float64Array | null, level = 0.95): ProportionEstimate {
  const m = weightedMeanLinearized(indicator, weights);
  if (m.n === 0 || !(m.sumWeights > 0)) return { n: m.n, nEff: m.nEff, estimate: null, lower: null, upper: null, method: weights ? 'wilson-design' : 'wilson', se: null };
  const se = Number.isNaN(m.variance) ? null : Math.sqrt(m.variance);
  if (!weights) {
    let x = 0;
    for (let i = 0; i < indicator.length; i++) if (indicator[i] === 1) x++;
    const ci = wilsonInterval(x, m.n, level);
    return { n: m.n, nEff: m.n, estimate: x / m.n, lower: ci.lower, upper: ci.upper, method: 'wilson', se };
  }
  const ci = m.n > 1 ? surveyWilsonInterval(m.mean, m.variance, m.n - 1, level) : { lower: NaN, upper: NaN };
  return { n: m.n, nEff: m.nEff, estimate: m.mean, lower: nullIfNaN(ci.lower), upper: nullIfNaN(ci.upper), method: 'wilson-design', se };
}

/**
 * NaN → null (the Study stores no NaN).
 *
 * @example
 * nullIfNaN(NaN) // null
 */
export function nullIfNaN(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}
