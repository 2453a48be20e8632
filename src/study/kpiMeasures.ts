import { CsiError } from '../errors.js';
import { kpiChange, type KpiResult } from '../kpi/index.js';
import type { ChangeFunction, Target } from '../tracking/index.js';
import type { Estimate } from './types.js';

/** The measure name of a KPI key in waves, changes, trend and targets: `kpi:nps`, `kpi:csat:SAT1`, … */
export const kpiMeasure = (key: string): string => `kpi:${key}`;

/**
 * A KPI as a tracking {@link Estimate} (mean = the KPI's estimate in its own units: shares on [0, 1], NPS points),
 * with its SE and interval, so the tracking code (trend, scorecard) can read it. `sd` is null (not a mean of scores).
 *
 * @example
 * kpiEstimate(study.kpis.csat) // { n: 500, nEff: 500, mean: 0.86, sd: null, se: 0.0155, lower: 0.827, upper: 0.888 }
 */
export function kpiEstimate(k: KpiResult): Estimate {
  return { n: k.n, nEff: k.nEff, mean: k.estimate, sd: null, se: k.se ?? null, lower: k.lower, upper: k.upper };
}

/**
 * The KPIs of a sample as tracking measures (`kpi:KEY` → {@link kpiEstimate}), and a lookup from each returned
 * Estimate back to its KPI (the wave change functions need the counts, not only the estimate).
 *
 * @example
 * kpiMeasureEstimates({ nps }).estimates['kpi:nps'].mean
 */
export function kpiMeasureEstimates(kpis: Record<string, KpiResult> | undefined, source?: WeakMap<Estimate, KpiResult>): Record<string, Estimate> {
  const out: Record<string, Estimate> = {};
  for (const [key, k] of Object.entries(kpis ?? {})) {
    const e = kpiEstimate(k);
    source?.set(e, k);
    out[kpiMeasure(key)] = e;
  }
  return out;
}

/**
 * The wave change function of KPI measures ({@link kpiChange}: Newcombe for csat/fcr/time shares, adjusted Wald for
 * NPS, Welch for CES), reading the KPIs behind the Estimates from `source`; undefined for any other measure (the
 * tracking default, Welch on index means, applies).
 *
 * @example
 * waveResult({ ...input, changeFor: kpiChangeFor(source) })
 */
export function kpiChangeFor(source: WeakMap<Estimate, KpiResult>): (measure: string) => ChangeFunction | undefined {
  return (measure) => {
    if (!measure.startsWith('kpi:')) return undefined;
    return (later, earlier) => {
      const a = source.get(earlier);
      const b = source.get(later);
      if (!a || !b || a.estimate === null || b.estimate === null) return null;
      const c = kpiChange(measure, '', '', a, b);
      return { diff: c.diff, se: c.se, lower: c.lower, upper: c.upper, p: c.p };
    };
  };
}

/**
 * Targets with their KPI measures in canonical form: `kpi:KIND:COLUMN` becomes `kpi:KIND` when that KPI's key is just
 * its kind (one KPI of that kind). Throws CsiError INVALID_OPTION for a `kpi:` measure that names no KPI of the study.
 *
 * @example
 * canonicalKpiTargets([{ measure: 'kpi:csat:SAT1', … }], { csat }) // [{ measure: 'kpi:csat', … }]
 */
export function canonicalKpiTargets(targets: readonly Target[], kpis: Record<string, KpiResult> | undefined): Target[] {
  const known = Object.entries(kpis ?? {});
  return targets.map((t, i) => {
    if (!t.measure.startsWith('kpi:')) return t;
    const name = t.measure.slice(4);
    if (kpis?.[name]) return t;
    const hit = known.find(([, k]) => `${k.kind}:${k.column}` === name);
    if (hit) return { ...t, measure: kpiMeasure(hit[0]) };
    const list = known.map(([key]) => kpiMeasure(key)).join(', ') || 'none: ask for KPIs with --kpi or the codebook\'s "kpis"';
    throw new CsiError('INVALID_OPTION', `Target ${i + 1} names an unknown KPI measure "${t.measure}" (KPI measures: ${list}).`);
  });
}
