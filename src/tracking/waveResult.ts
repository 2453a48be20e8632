import type { Estimate, WaveResult } from './types.js';
import { waveChanges, type ChangeFunction } from './waveChanges.js';
import { wlsTrend } from './wlsTrend.js';

/** Input of {@link waveResult}: the wave column, its order (and how it was decided), and each wave's estimates. */
export interface WaveResultInput {
  column: string;
  order: string[];
  orderSource: 'codebook' | 'natural';
  /** Base wave for the from-base changes (default: the first wave). */
  base?: string | null;
  levels: Record<string, { n: number; indices: Record<string, Estimate> }>;
  /**
   * More measures per wave (KPIs as `kpi:KEY`): compared and trended like the indices, but not stored in
   * `levels[w].indices`.
   */
  measures?: Record<string, Record<string, Estimate>>;
  /** Difference function per measure (Newcombe, adjusted Wald, …); default Welch. */
  changeFor?: (measure: string) => ChangeFunction | undefined;
}

/**
 * The `waves` block of a Study (issue 14): changes from the previous wave and from the base (later − earlier), and
 * for three or more waves the known-SE WLS trend of each measure on time scores 1..k (tracking.md §2.10; a measure
 * missing an SE in any wave has no trend; when Q = 0 the scaled SE and p are the known-SE ones).
 *
 * @example
 * waveResult({ column: 'quarter', order: ['Q1', 'Q2', 'Q3'], orderSource: 'natural', levels }).trend.Satisfaction.slope
 */
export function waveResult(input: WaveResultInput): WaveResult {
  const base = input.base ?? input.order[0] ?? null;
  const waves = input.order.filter((w) => input.levels[w]).map((w) => ({ wave: w, estimates: { ...input.levels[w].indices, ...(input.measures?.[w] ?? {}) } }));
  const changes = waveChanges(waves, { base, changeFor: input.changeFor });
  const trend: WaveResult['trend'] = {};
  if (waves.length >= 3) {
    const measures = [...new Set(waves.flatMap((w) => Object.keys(w.estimates)))];
    for (const m of measures) {
      const est = waves.map((w) => w.estimates[m]);
      if (est.some((e) => !e || e.mean === null || e.se === null || !(e.se > 0))) continue;
      const tr = wlsTrend(est.map((e) => e.mean as number), est.map((e) => e.se as number));
      // Q = 0 (estimates exactly on a line, e.g. a share equal in every wave): no scaled p; the known-SE figures stand in
      const flat = !Number.isFinite(tr?.scaledP ?? NaN);
      if (tr) trend[m] = { slope: tr.slope, se: tr.se, p: tr.p, q: tr.q, df: tr.df, scaledSe: flat ? tr.se : tr.scaledSe, scaledP: flat ? tr.p : tr.scaledP };
    }
  }
  return { column: input.column, order: input.order, orderSource: input.orderSource, base, levels: input.levels, changes, trend };
}
