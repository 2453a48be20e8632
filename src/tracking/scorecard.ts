import { CsiError } from '../errors.js';
import { studentTQuantile } from '../inference/index.js';
import type { Estimate, ScorecardRow } from './types.js';
import { pMetNormal } from './pMet.js';
import { powerTTestDelta } from './powerTTest.js';
import type { Target } from './targets.js';
import type { WaveEstimates } from './waveChanges.js';
import { welchTest } from '../segments/index.js';

/** Options of {@link scorecard}. */
export interface ScorecardOptions {
  /** One-sided level α of the bounds (default 0.05: 95 % one-sided). */
  alpha?: number;
  /** Power for the minimum detectable change (default 0.8). */
  power?: number;
}

type Comparator = Target['comparator'];

const upward = (c: Comparator): boolean => c === '>=' || c === '>';

/**
 * Status of a target from the one-sided (1 − α) bounds (tracking.md §4.4): for '>=' met when lower ≥ T, not met when
 * upper < T ('>' uses strict/loose the other way round); mirrored for '<=' / '<'; else not yet distinguishable.
 *
 * @example
 * targetStatus(80.76, 86.79, 80, '>=') // 'met'
 */
export function targetStatus(lower: number, upper: number, target: number, comparator: Comparator): ScorecardRow['status'] {
  switch (comparator) {
    case '>=':
      return lower >= target ? 'met' : upper < target ? 'not met' : 'not yet distinguishable';
    case '>':
      return lower > target ? 'met' : upper <= target ? 'not met' : 'not yet distinguishable';
    case '<=':
      return upper <= target ? 'met' : lower > target ? 'not met' : 'not yet distinguishable';
    default:
      return upper < target ? 'met' : lower >= target ? 'not met' : 'not yet distinguishable';
  }
}

function sdOf(e: Estimate): number | null {
  if (e.sd !== null && e.sd !== undefined) return e.sd;
  if (e.se !== null && e.se !== undefined) return e.se * Math.sqrt(e.nEff ?? e.n);
  return null;
}

/** Minimum detectable two-wave change at this estimate's n_eff per wave (two-sided α = 0.05, power 0.8), or null. */
function minDetectable(e: Estimate, power: number): number | null {
  const sd = sdOf(e);
  const n = e.nEff ?? e.n;
  if (sd === null || !(sd > 0) || !(n >= 2)) return null;
  const d = powerTTestDelta(n, power, { sd });
  return Number.isFinite(d) ? d : null;
}

function row(
  t: Target,
  wave: string | null,
  goal: number,
  est: number | null,
  se: number | null,
  df: number | null,
  e: Estimate,
  alpha: number,
  power: number,
): ScorecardRow {
  const base = { measure: t.measure, wave, comparator: t.comparator, value: t.value, change: t.change, n: e.n, nEff: e.nEff ?? e.n, minDetectable: minDetectable(e, power) };
  if (est === null || se === null || !(se > 0) || df === null || !(df > 0)) {
    return { ...base, estimate: est, bound: null, status: 'not yet distinguishable', pMet: null };
  }
  const q = studentTQuantile(1 - alpha, df);
  const lower = est - q * se;
  const upper = est + q * se;
  return {
    ...base,
    estimate: est,
    bound: upward(t.comparator) ? lower : upper,
    status: targetStatus(lower, upper, goal, t.comparator),
    pMet: pMetNormal(est, se, goal, t.comparator),
  };
}

/**
 * The target scorecard (tracking.md §4): one row per target (whole sample when `per` is null, else per wave; a
 * change target has rows for waves 2..k, later − earlier by Welch). The bound is one-sided t: t_{1−α, n−1} for a
 * level, t_{1−α, ν} (Welch ν) for a change; status from {@link targetStatus}; P(met) the normal form of §4.2;
 * `minDetectable` the two-wave change detectable at the row's n_eff (power 0.8, two-sided α 0.05).
 * Throws CsiError INVALID_OPTION for a measure that is not among the estimates, and for a per-wave or change target
 * without waves.
 *
 * @example
 * scorecard([{ measure: 'S', comparator: '>=', value: 75, per: null, change: null }], { S: est }).at(0)?.status
 */
export function scorecard(
  targets: readonly Target[],
  overall: Record<string, Estimate>,
  waves: readonly WaveEstimates[] | null = null,
  options: ScorecardOptions = {},
): ScorecardRow[] {
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const known = new Set([...Object.keys(overall), ...(waves ?? []).flatMap((w) => Object.keys(w.estimates))]);
  const rows: ScorecardRow[] = [];
  targets.forEach((t, i) => {
    if (!known.has(t.measure)) {
      throw new CsiError('INVALID_OPTION', `Target ${i + 1} names an unknown measure "${t.measure}" (known: ${[...known].join(', ')}).`);
    }
    if (t.change !== null) {
      if (!waves || waves.length < 2) throw new CsiError('INVALID_OPTION', `Target ${i + 1} ("${t.measure}") is a change target and needs a wave column (--wave) with two or more waves.`);
      for (let k = 1; k < waves.length; k++) {
        const a = waves[k - 1].estimates[t.measure];
        const b = waves[k].estimates[t.measure];
        if (!a || !b) continue;
        if (a.mean === null || b.mean === null) {
          rows.push(row(t, waves[k].wave, t.change, null, null, null, b, alpha, power));
          continue;
        }
        const w = welchTest({ mean: b.mean, n: b.n, sd: b.sd, se: b.se }, { mean: a.mean, n: a.n, sd: a.sd, se: a.se });
        rows.push(row(t, waves[k].wave, t.change, w.diff, Number.isFinite(w.se) ? w.se : null, w.df, b, alpha, power));
      }
      return;
    }
    const goal = t.value as number;
    if (t.per === 'wave') {
      if (!waves || waves.length === 0) throw new CsiError('INVALID_OPTION', `Target ${i + 1} ("${t.measure}") is per wave and needs a wave column (--wave).`);
      for (const w of waves) {
        const e = w.estimates[t.measure];
        if (e) rows.push(row(t, w.wave, goal, e.mean, e.se, e.n - 1, e, alpha, power));
      }
      return;
    }
    const e = overall[t.measure];
    if (!e) throw new CsiError('INVALID_OPTION', `Target ${i + 1} names "${t.measure}", which has no whole-sample estimate.`);
    rows.push(row(t, null, goal, e.mean, e.se, e.n - 1, e, alpha, power));
  });
  return rows;
}
