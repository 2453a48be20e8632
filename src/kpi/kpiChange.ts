import { normalCdf, normalQuantile, studentTTwoSided } from '../inference/index.js';
import { studentTQuantile } from '../stats/index.js';
import type { KpiResult } from './types.js';
import { adjustedWaldNpsDifference } from './npsDifference.js';
import { newcombeDifference } from './newcombeDifference.js';

/**
 * Pooled two-proportion z test p (tracking.md §3.2; = `prop.test(c(x2, x1), c(n2, n1), correct = FALSE)`):
 * z = (p̂₂ − p̂₁)/√(p̄(1 − p̄)(1/n₁ + 1/n₂)), p̄ = (x₁ + x₂)/(n₁ + n₂).
 *
 * @example
 * pooledProportionZ(430, 500, 452, 500) // { z: 2.156489682, p: 0.03104544857 }
 */
export function pooledProportionZ(x1: number, n1: number, x2: number, n2: number): { z: number; p: number } {
  const pbar = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pbar * (1 - pbar) * (1 / n1 + 1 / n2));
  const z = se > 0 ? (x2 / n2 - x1 / n1) / se : NaN;
  return { z, p: Number.isNaN(z) ? NaN : 2 * normalCdf(-Math.abs(z)) };
}

/** One KPI change between two samples, later − earlier. Its one declaration: tracking/'s `WaveChange` (the Study's) is this type. */
export interface KpiChange {
  measure: string;
  from: string;
  to: string;
  diff: number;
  se: number | null;
  lower: number | null;
  upper: number | null;
  p: number | null;
}

const nn = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * The change of one KPI between two independent samples (waves or segment levels), later − earlier, in the KPI's
 * units (shares on [0, 1], NPS in points), with the interval tracking.md §3 prescribes: proportions (csat, fcr, time
 * share) Newcombe's hybrid score interval with the pooled z p, unweighted; NPS the adjusted-Wald difference,
 * unweighted; CES Welch's t (Welch–Satterthwaite df). With weights (nEff ≠ n), or for CES: Wald/Welch on the two
 * reported SEs, diff ± q·√(se₁² + se₂²). Null fields when either side has no estimate.
 *
 * @example
 * kpiChange('csat', 'Q1', 'Q2', q1.kpis.csat, q2.kpis.csat) // { measure: 'csat', diff: 0.044, lower: 0.0039, ... }
 */
export function kpiChange(measure: string, from: string, to: string, a: KpiResult, b: KpiResult, level = 0.95): KpiChange {
  const base = { measure, from, to };
  if (a.estimate === null || b.estimate === null) return { ...base, diff: NaN, se: null, lower: null, upper: null, p: null };
  const diff = b.estimate - a.estimate;
  const weighted = a.method.includes('design') || a.method.includes('linearized') || b.method.includes('design') || b.method.includes('linearized');
  const seA = a.se ?? NaN;
  const seB = b.se ?? NaN;
  const se = Math.sqrt(seA * seA + seB * seB);
  const proportion = a.kind === 'csat' || a.kind === 'fcr' || a.kind === 'time';
  if (proportion && !weighted) {
    const x1 = Math.round(a.estimate * a.n);
    const x2 = Math.round(b.estimate * b.n);
    const d = newcombeDifference(x2, b.n, x1, a.n, level);
    return { ...base, diff: d.estimate, se: nn(se), lower: d.lower, upper: d.upper, p: nn(pooledProportionZ(x1, a.n, x2, b.n).p) };
  }
  if (a.kind === 'nps' && !weighted) {
    const counts = (k: KpiResult) => ({ detractors: Math.round((k.detractors ?? 0) * k.n), passives: Math.round((k.passives ?? 0) * k.n), promoters: Math.round((k.promoters ?? 0) * k.n) });
    const d = adjustedWaldNpsDifference(counts(a), counts(b), level);
    return { ...base, diff, se: 100 * d.se, lower: 100 * d.lower, upper: 100 * d.upper, p: d.p };
  }
  if (a.kind === 'ces') {
    const df = (seA * seA + seB * seB) ** 2 / (seA ** 4 / (a.n - 1) + seB ** 4 / (b.n - 1));
    const q = studentTQuantile(1 - (1 - level) / 2, df);
    return { ...base, diff, se: nn(se), lower: nn(diff - q * se), upper: nn(diff + q * se), p: se > 0 ? nn(studentTTwoSided(diff / se, df)) : null };
  }
  const z = normalQuantile(1 - (1 - level) / 2);
  return { ...base, diff, se: nn(se), lower: nn(diff - z * se), upper: nn(diff + z * se), p: se > 0 ? nn(2 * normalCdf(-Math.abs(diff / se))) : null };
}
