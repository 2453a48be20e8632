import type { Estimate, WaveChange } from './types.js';
import { welchTest } from '../segments/index.js';

/** One wave's estimates, by measure name (an index construct, `kpi:csat`, …). */
export interface WaveEstimates {
  wave: string;
  estimates: Record<string, Estimate>;
}

/**
 * A difference function for one measure between two waves: later − earlier with SE, 95 % interval and p. The
 * default is {@link welchChange}; a KPI plugs in Newcombe (proportions) or adjusted Wald (NPS) here.
 */
export type ChangeFunction = (later: Estimate, earlier: Estimate, measure: string) => Omit<WaveChange, 'measure' | 'from' | 'to'> | null;

/**
 * Welch change between two wave estimates of a mean-type measure: later − earlier, SE = √(se_l² + se_e²), Welch df
 * from the waves' n (tracking.md §2.5). Null when either mean is missing.
 *
 * @example
 * welchChange({ n: 260, mean: 74.6, sd: 13.8, se: null, lower: null, upper: null }, { n: 250, mean: 72.45, sd: 14.41, se: null, lower: null, upper: null })?.p // ≈ 0.0861
 */
export function welchChange(later: Estimate, earlier: Estimate): Omit<WaveChange, 'measure' | 'from' | 'to'> | null {
  if (later.mean === null || earlier.mean === null) return null;
  const w = welchTest(
    { mean: later.mean, n: later.n, sd: later.sd, se: later.se },
    { mean: earlier.mean, n: earlier.n, sd: earlier.sd, se: earlier.se },
  );
  return { diff: w.diff, se: Number.isFinite(w.se) ? w.se : null, lower: w.lower, upper: w.upper, p: w.p };
}

/**
 * Every change between waves of every measure, always later − earlier: each wave against the previous one, then
 * each wave after the base against the base (pairs already listed as consecutive are not repeated). `waves` must
 * be in wave order. Per-measure difference functions come from `changeFor` (default {@link welchChange}).
 *
 * @example
 * waveChanges([{ wave: 'Q1', estimates: { S: e1 } }, { wave: 'Q2', estimates: { S: e2 } }]) // [{ measure: 'S', from: 'Q1', to: 'Q2', … }]
 */
export function waveChanges(
  waves: readonly WaveEstimates[],
  options: { base?: string | null; changeFor?: (measure: string) => ChangeFunction | undefined } = {},
): WaveChange[] {
  const out: WaveChange[] = [];
  const measures = [...new Set(waves.flatMap((w) => Object.keys(w.estimates)))];
  const pair = (from: WaveEstimates, to: WaveEstimates): void => {
    for (const m of measures) {
      const a = from.estimates[m];
      const b = to.estimates[m];
      if (!a || !b) continue;
      const fn = options.changeFor?.(m) ?? welchChange;
      const c = fn(b, a, m);
      if (c) out.push({ measure: m, from: from.wave, to: to.wave, ...c });
    }
  };
  for (let i = 1; i < waves.length; i++) pair(waves[i - 1], waves[i]);
  const bi = options.base ? waves.findIndex((w) => w.wave === options.base) : -1;
  if (bi >= 0) for (let i = bi + 2; i < waves.length; i++) pair(waves[bi], waves[i]);
  return out;
}
