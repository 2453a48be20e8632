import type { CsiWarning } from '../errors.js';
import type { CompositeFit } from './types.js';
import type { ConsistentResult } from './consistentPls.js';
import { fSquared } from './fSquared.js';
import { fornellLarcker } from './fornellLarcker.js';
import { htmt } from './htmt.js';
import { innerVif } from './innerVif.js';
import { itemVif } from './itemVif.js';
import { reliability } from './reliability.js';
import type { QualityReport, QualityThresholds, ReestimateWithoutPath } from './types.js';

/** Default rule-of-thumb thresholds (Hair et al. 2019, *European Business Review* 31(1) 2–24; methodology §8.4). */
export const DEFAULT_QUALITY_THRESHOLDS: Readonly<QualityThresholds> = Object.freeze({
  loading: 0.708,
  reliabilityMin: 0.7,
  reliabilityMax: 0.95,
  ave: 0.5,
  htmt: 0.9,
  vif: 5,
});

/** Options of {@link assessQuality}. */
export interface QualityOptions {
  /** Thresholds for the warnings; each defaults to {@link DEFAULT_QUALITY_THRESHOLDS}. */
  thresholds?: Partial<QualityThresholds>;
  /**
   * The PLSc result when the model was estimated with `consistent: true`: its corrected loadings are then used for
   * ρ_C, AVE, the Fornell–Larcker diagonal and the loading warnings, as seminr does. Default: none (PLS loadings).
   */
  consistent?: Pick<ConsistentResult, 'loadings'>;
  /** Re-estimates the model without one path (see {@link fSquared}); when given, the report includes f². Default: none. */
  reestimate?: ReestimateWithoutPath;
}

/**
 * Measurement and structural quality of a PLS fit: reliability (alpha, ρ_C, ρ_A, AVE), HTMT, Fornell–Larcker,
 * item and inner VIF, and (with `options.reestimate`) f², plus rule-of-thumb warnings naming the construct:
 * LOW_LOADING (an item of a multi-item mode-A block loads below 0.708), LOW_RELIABILITY / HIGH_RELIABILITY
 * (alpha, ρ_C or ρ_A below 0.7 / above 0.95), LOW_AVE (below 0.5), DISCRIMINANT_VALIDITY (HTMT above 0.9) and
 * COLLINEARITY (an item or inner VIF above 5). Reliability, AVE and HTMT warnings are for multi-item mode-A
 * blocks only (they assume reflective measurement; single items are 1 by convention); VIF warnings apply to all.
 * Fornell–Larcker verdicts are reported in `fornellLarcker.pass`, not as warnings. Source: methodology §8.4–8.5.
 *
 * @example
 * const q = assessQuality(fit);
 * q.reliability.Image.rhoA; q.htmt[0]; q.warnings.filter((w) => w.code === 'LOW_AVE')
 */
export function assessQuality(fit: CompositeFit, options: QualityOptions = {}): QualityReport {
  const t: QualityThresholds = { ...DEFAULT_QUALITY_THRESHOLDS, ...options.thresholds };
  const loadings = options.consistent?.loadings ?? fit.crossLoadings;
  const m = fit.constructNames.length;
  const warnings: CsiWarning[] = [];
  const reflective = fit.constructNames.map((_, j) => fit.modes[j] === 'A' && fit.blocks[j].length > 1);

  const rel = reliability(fit, { loadings });
  fit.constructNames.forEach((name, j) => {
    if (!reflective[j]) return;
    for (const i of fit.blocks[j]) {
      const l = loadings[i * m + j];
      if (!(l >= t.loading)) {
        warnings.push({ code: 'LOW_LOADING', construct: name, column: fit.itemNames[i], message: `${name}: item ${fit.itemNames[i]} loads ${fmt(l)}, below ${t.loading}.` });
      }
    }
    const r = rel[name];
    const figures: [string, number][] = [['alpha', r.alpha], ['rhoC', r.rhoC], ['rhoA', r.rhoA]];
    const low = figures.filter(([, v]) => !(v >= t.reliabilityMin));
    const high = figures.filter(([, v]) => v > t.reliabilityMax);
    if (low.length > 0) warnings.push({ code: 'LOW_RELIABILITY', construct: name, message: `${name}: ${list(low)} below ${t.reliabilityMin}.` });
    if (high.length > 0) warnings.push({ code: 'HIGH_RELIABILITY', construct: name, message: `${name}: ${list(high)} above ${t.reliabilityMax} (redundant items?).` });
    if (!(r.ave >= t.ave)) warnings.push({ code: 'LOW_AVE', construct: name, message: `${name}: AVE ${fmt(r.ave)} below ${t.ave}.` });
  });

  const ht = htmt(fit);
  for (const h of ht) {
    const a = fit.constructNames.indexOf(h.a);
    const b = fit.constructNames.indexOf(h.b);
    if (!reflective[a] && !reflective[b]) continue;
    if (fit.modes[a] === 'B' || fit.modes[b] === 'B') continue;
    if (!(h.value <= t.htmt)) {
      warnings.push({ code: 'DISCRIMINANT_VALIDITY', construct: h.a, message: `HTMT of ${h.a} and ${h.b} is ${fmt(h.value)}, above ${t.htmt}.` });
    }
  }

  const iv = itemVif(fit);
  for (const [name, row] of Object.entries(iv)) {
    for (const [item, v] of Object.entries(row)) {
      if (v > t.vif) warnings.push({ code: 'COLLINEARITY', construct: name, column: item, message: `${name}: item ${item} has VIF ${fmt(v)}, above ${t.vif}.` });
    }
  }
  const inner = innerVif(fit);
  for (const [name, row] of Object.entries(inner)) {
    for (const [pred, v] of Object.entries(row)) {
      if (v > t.vif) warnings.push({ code: 'COLLINEARITY', construct: name, message: `${name}: predictor ${pred} has VIF ${fmt(v)}, above ${t.vif}.` });
    }
  }

  const report: QualityReport = {
    reliability: rel,
    htmt: ht,
    fornellLarcker: fornellLarcker(fit, { loadings }),
    itemVif: iv,
    innerVif: inner,
    warnings,
  };
  const reestimate = options.reestimate;
  if (reestimate) {
    report.fSquared = fSquared(fit, (path) => {
      try {
        return reestimate(path);
      } catch (e) {
        warnings.push({ code: 'SINGULAR', construct: path.to, message: `f² of ${path.from} → ${path.to}: re-estimation without the path failed (${e instanceof Error ? e.message : String(e)}).` });
        return Number.NaN;
      }
    });
  }
  return report;
}

function fmt(v: number): string {
  return Number.isFinite(v) ? v.toFixed(3) : String(v);
}

function list(figures: [string, number][]): string {
  return figures.map(([k, v]) => `${k} ${fmt(v)}`).join(', ');
}
