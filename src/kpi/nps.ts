import { normalQuantile } from '../inference/index.js';
import { CsiError } from '../errors.js';
import { columnFromRows, rowOfValue } from './kpiColumn.js';
import type { KpiOptions, KpiResult, KpiValue } from './kpiTypes.js';
import { npsVariance } from './npsVariance.js';
import { nullIfNaN } from './proportionEstimate.js';
import { tangoNpsInterval } from './tangoNpsInterval.js';
import { weightedMeanLinearized } from './weightedMeanLinearized.js';

/**
 * Net Promoter Score from a 0-10 likelihood-to-recommend column (methodology.md §7.1, tracking.md §3.4): promoters
 * 9-10, passives 7-8, detractors 0-6, NPS = 100·(p_P − p_D) points on [−100, 100]. Observed answers only.
 * Unweighted: Tango score interval ({@link tangoNpsInterval}), `se` the plug-in √(σ²/n) (method 'tango').
 * Weighted: weighted shares, the Wald interval NPS ± z·SE with the linearisation SE of the +1/0/−1 scores
 * (method 'wald-linearized'); `nEff` Kish's. Errors: OUT_OF_SCALE for a value outside 0-10 or not a whole number.
 *
 * @example
 * npsFromColumn(Float64Array.of(10, 9, 8, 3), { column: 'NPS' }) // { estimate: 25, promoters: 0.5, detractors: 0.25, ... }
 */
export function npsFromColumn(values: Float64Array, options: KpiOptions = {}): KpiResult {
  const column = options.column ?? 'value';
  const weights = options.weights ?? null;
  const score = new Float64Array(values.length);
  let n = 0;
  let d = 0;
  let pa = 0;
  let pr = 0;
  let wd = 0;
  let wpa = 0;
  let wpr = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      score[i] = NaN;
      continue;
    }
    if (!(v >= 0 && v <= 10) || !Number.isInteger(v)) {
      throw new CsiError('OUT_OF_SCALE', `NPS column ${column}: ${v} is not a whole number from 0 to 10.`, { row: rowOfValue(options, i), column });
    }
    const w = weights ? weights[i] : 1;
    n++;
    if (v >= 9) {
      pr++;
      wpr += w;
      score[i] = 1;
    } else if (v >= 7) {
      pa++;
      wpa += w;
      score[i] = 0;
    } else {
      d++;
      wd += w;
      score[i] = -1;
    }
  }
  const level = options.level ?? 0.95;
  const sw = wd + wpa + wpr;
  const base = { kind: 'nps' as const, column, n };
  if (n === 0 || !(sw > 0)) {
    return { ...base, nEff: 0, estimate: null, lower: null, upper: null, method: weights ? 'wald-linearized' : 'tango', promoters: 0, passives: 0, detractors: 0, se: null };
  }
  const shares = { promoters: wpr / sw, passives: wpa / sw, detractors: wd / sw };
  const estimate = 100 * (shares.promoters - shares.detractors);
  if (!weights) {
    const ci = tangoNpsInterval(d, pr, n, level);
    const se = 100 * Math.sqrt(npsVariance(pr / n, d / n) / n);
    return { ...base, nEff: n, estimate, lower: 100 * ci.lower, upper: 100 * ci.upper, method: 'tango', ...shares, se };
  }
  const m = weightedMeanLinearized(score, weights);
  const se = 100 * Math.sqrt(m.variance);
  const z = normalQuantile(1 - (1 - level) / 2);
  return { ...base, nEff: m.nEff, estimate, lower: nullIfNaN(estimate - z * se), upper: nullIfNaN(estimate + z * se), method: 'wald-linearized', ...shares, se: nullIfNaN(se) };
}

/**
 * {@link npsFromColumn} in the accessor style: `nps(rows, r => r.recommend)`.
 *
 * @example
 * nps([{ recommend: 10 }, { recommend: 6 }], (r) => r.recommend).estimate // 0
 */
export function nps<T>(rows: readonly T[], accessor: (row: T, i: number) => KpiValue, options: KpiOptions = {}): KpiResult {
  return npsFromColumn(columnFromRows(rows, accessor, options), options);
}
