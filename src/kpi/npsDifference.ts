import { normalCdf, normalQuantile } from '../inference/index.js';
import { npsVariance } from './npsVariance.js';

/** NPS answer counts: detractors (0-6), passives (7-8), promoters (9-10). */
export interface NpsCounts {
  detractors: number;
  passives: number;
  promoters: number;
}

/** A difference of two NPS on the unit scale with its SE, interval, z and two-sided p. */
export interface NpsDifference {
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  z: number;
  p: number;
}

function npsOf(c: NpsCounts): { nps: number; variance: number; n: number } {
  const n = c.detractors + c.passives + c.promoters;
  const pP = c.promoters / n;
  const pD = c.detractors / n;
  return { nps: pP - pD, variance: npsVariance(pP, pD) / n, n };
}

/**
 * Wald difference of two independent NPS (tracking.md §3.4, B3w): Δ̂ = NPS₂ − NPS₁,
 * SE_Δ = √(σ₁²/n₁ + σ₂²/n₂) with the plug-in σ² of {@link npsVariance}, CI Δ̂ ± z·SE_Δ, z = Δ̂/SE_Δ. Unit scale.
 *
 * @example
 * waldNpsDifference({ detractors: 80, passives: 140, promoters: 180 }, { detractors: 76, passives: 136, promoters: 208 })
 * // { estimate: 0.06428571429, se: 0.05332492417, ... }
 */
export function waldNpsDifference(first: NpsCounts, second: NpsCounts, level = 0.95): NpsDifference {
  const a = npsOf(first);
  const b = npsOf(second);
  const estimate = b.nps - a.nps;
  const se = Math.sqrt(a.variance + b.variance);
  const zc = normalQuantile(1 - (1 - level) / 2);
  const z = estimate / se;
  return { estimate, se, lower: estimate - zc * se, upper: estimate + zc * se, z, p: 2 * normalCdf(-Math.abs(z)) };
}

/**
 * Adjusted-Wald difference of two independent NPS (tracking.md §3.4; NPS package pseudo-observations, MeasuringU):
 * add (0.75, 1.5, 0.75) to each sample's (detractors, passives, promoters), then {@link waldNpsDifference}. The
 * default interval for a change or segment difference of the NPS.
 *
 * @example
 * adjustedWaldNpsDifference({ detractors: 80, passives: 140, promoters: 180 }, { detractors: 76, passives: 136, promoters: 208 })
 * // { estimate: 0.06391777977, se: 0.05312946058, ... }
 */
export function adjustedWaldNpsDifference(first: NpsCounts, second: NpsCounts, level = 0.95): NpsDifference {
  const adj = (c: NpsCounts): NpsCounts => ({ detractors: c.detractors + 0.75, passives: c.passives + 1.5, promoters: c.promoters + 0.75 });
  return waldNpsDifference(adj(first), adj(second), level);
}

/**
 * Adjusted-Wald interval for one NPS (unit scale): counts + (0.75, 1.5, 0.75), then centre ± z·√(σ²/(n + 3)).
 *
 * @example
 * adjustedWaldNpsInterval({ detractors: 80, passives: 140, promoters: 180 }) // { centre: 0.2481389578, lower: 0.1733169384, upper: 0.3229609773 }
 */
export function adjustedWaldNpsInterval(counts: NpsCounts, level = 0.95): { centre: number; se: number; lower: number; upper: number } {
  const { nps, variance } = npsOf({ detractors: counts.detractors + 0.75, passives: counts.passives + 1.5, promoters: counts.promoters + 0.75 });
  const se = Math.sqrt(variance);
  const z = normalQuantile(1 - (1 - level) / 2);
  return { centre: nps, se, lower: nps - z * se, upper: nps + z * se };
}
