import { shownList, type CsiWarning } from '../errors.js';
import type { CompositeFit } from './types.js';
import { blockColumn, blockCorrelation } from './blocks.js';
import { adjustedRSquared as adjustedR2 } from '../stats/index.js';
import { isPositiveDefinite, regressionCoefficients } from './linalg.js';
import { rhoA } from './rhoA.js';

/** Options of {@link consistentPls}. */
export interface ConsistentOptions {
  /**
   * The constructs treated as common factors (seminr `reflective()`; csikit `=~` under `consistent: true`). Their
   * loadings are corrected. Mode-B constructs are never common factors. Default: every mode-A construct.
   */
  commonFactors?: readonly string[];
  /**
   * seminr 2.3.1's mixed-model quirk: when true, mode-A constructs that are NOT common factors (composites) are
   * disattenuated by their ρ_A as well, as seminr 2.3.1's `PLSc` does whenever a model mixes `reflective()` and
   * `composite(mode_A)` (methodology §8.3). When false, only common factors are disattenuated (cSEM's behaviour,
   * and what seminr PR #100 intends). Default true (match seminr). Has no effect when every mode-A construct is a
   * common factor (the default of `commonFactors`).
   */
  disattenuateComposites?: boolean;
}

/** PLSc results; outer weights and scores are those of the PLS fit (PLSc does not change them). */
export interface ConsistentResult {
  /** The ρ_A each construct was disattenuated by (1 for single items, mode B, and composites when not disattenuated). */
  rhoA: Record<string, number>;
  /** The constructs treated as common factors. */
  commonFactors: string[];
  /** Disattenuated construct correlations (m × m). */
  constructCorrelation: Float64Array;
  /** Consistent path coefficients B̃ (m × m), B̃[from * m + to]. */
  paths: Float64Array;
  /** Consistent R² per construct; NaN for exogenous constructs. */
  rSquared: Float64Array;
  /** Adjusted R², 1 − (1 − R²)(n − 1)/(n − |P| − 1). */
  adjustedRSquared: Float64Array;
  /** Loadings (p × m, in-block): corrected for common factors, the PLS loadings for the others. */
  loadings: Float64Array;
  /** False when ρ_A ≤ 0, |r̃| > 1, the corrected matrix is not positive definite, or a loading exceeds 1. */
  admissible: boolean;
  warnings: CsiWarning[];
}

/**
 * Consistent PLS (PLSc; Dijkstra & Henseler 2015, *MIS Quarterly* 39(2) 297–316) on a PLS fit, as seminr 2.3.1's
 * `PLSc` (R/feature_consistent.R) does it (methodology §8.3):
 *
 *   ρ_A,j  from the block's item correlations and final outer weights ŵ_j (see {@link rhoA}; 1 for single items, mode B)
 *   r̃_ab  = r_ab / sqrt(ρ_A,a · ρ_A,b)   (a ≠ b; diagonal 1)
 *   B̃[P,t] = R̃_PP⁻¹ r̃_Pt,   R̃²_t = r̃_Pt' B̃[P,t]   (= 1 − 1/[(R̃_{P∪t})⁻¹]_tt)
 *   λ̃_j   = ŵ_j · sqrt(ρ_A,j) / (ŵ_j'ŵ_j)          (common factors only; ŵ scaled to a unit-variance composite)
 *
 * Never throws on numerical trouble: ρ_A ≤ 0 (or not a number), a corrected correlation above 1 in absolute value,
 * a corrected matrix that is not positive definite, or a corrected loading above 1 give an INADMISSIBLE warning and
 * `admissible: false` (values that cannot be computed are NaN); collinear predictors give a SINGULAR warning.
 * Called only when asked (`consistent: true`): it is never switched on silently.
 *
 * @example
 * const c = consistentPls(fit);
 * c.paths[fit.constructNames.indexOf('Quality') * fit.constructNames.length + fit.constructNames.indexOf('Satisfaction')]
 * // 0.669… on mobi's ECSI model (methodology Appendix A)
 */
export function consistentPls(
  fit: Pick<CompositeFit, 'itemNames' | 'constructNames' | 'blocks' | 'modes' | 'n' | 'itemCorrelation' | 'weights' | 'crossLoadings' | 'constructCorrelation' | 'adjacency'>,
  options: ConsistentOptions = {},
): ConsistentResult {
  const names = fit.constructNames;
  const m = names.length;
  const p = fit.itemNames.length;
  const warnings: CsiWarning[] = [];
  let admissible = true;
  const inadmissible = (message: string, construct?: string) => {
    admissible = false;
    warnings.push(construct === undefined ? { code: 'INADMISSIBLE', message } : { code: 'INADMISSIBLE', message, construct });
  };

  const factorSet = new Set(options.commonFactors ?? names.filter((_, j) => fit.modes[j] === 'A'));
  const isFactor = names.map((nm, j) => factorSet.has(nm) && fit.modes[j] === 'A');
  const adjustComposites = options.disattenuateComposites ?? true;

  // ρ_A used for the correction, and each construct's normalized weights.
  const rho = new Float64Array(m);
  const rhoRecord: Record<string, number> = {};
  for (let j = 0; j < m; j++) {
    const block = fit.blocks[j];
    const corrected = isFactor[j] || (adjustComposites && fit.modes[j] === 'A');
    let value = 1;
    if (corrected && block.length > 1) value = rhoA(blockCorrelation(fit, j), blockColumn(fit.weights, m, block, j));
    rho[j] = value;
    rhoRecord[names[j]] = value;
    if (!(value > 0)) inadmissible(`PLSc is inadmissible: rho_A of ${names[j]} is ${fmt(value)} (not positive).`, names[j]);
  }

  // Disattenuated construct correlations.
  const r = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      if (a === b) {
        r[a * m + b] = 1;
        continue;
      }
      const denom = rho[a] > 0 && rho[b] > 0 ? Math.sqrt(rho[a] * rho[b]) : Number.NaN;
      r[a * m + b] = fit.constructCorrelation[a * m + b] / denom;
    }
  }
  let finite = true;
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const v = r[a * m + b];
      if (!Number.isFinite(v)) finite = false;
      else if (Math.abs(v) > 1) inadmissible(`PLSc is inadmissible: the corrected correlation of ${names[a]} and ${names[b]} is ${fmt(v)} (above 1 in absolute value).`, names[a]);
    }
  }
  if (finite && !isPositiveDefinite(r, m)) inadmissible('PLSc is inadmissible: the corrected construct correlation matrix is not positive definite.');

  // Consistent paths and R².
  const paths = new Float64Array(m * m);
  const rSquared = new Float64Array(m).fill(Number.NaN);
  const adjustedRSquared = new Float64Array(m).fill(Number.NaN);
  for (let t = 0; t < m; t++) {
    const preds: number[] = [];
    for (let f = 0; f < m; f++) if (fit.adjacency[f * m + t]) preds.push(f);
    if (preds.length === 0) continue;
    const beta = regressionCoefficients(r, m, preds, t);
    let r2 = Number.NaN;
    if (beta === null) {
      for (const f of preds) paths[f * m + t] = Number.NaN;
      if (preds.every((f) => preds.every((g) => Number.isFinite(r[f * m + g])))) {
        warnings.push({ code: 'SINGULAR', message: `PLSc: the corrected correlations of ${names[t]}'s predictors ${shownList(preds.map((f) => names[f]))} are collinear.`, construct: names[t] });
      }
    } else {
      r2 = 0;
      preds.forEach((f, i) => {
        paths[f * m + t] = beta[i];
        r2 += beta[i] * r[f * m + t];
      });
    }
    rSquared[t] = r2;
    adjustedRSquared[t] = adjustedR2(r2, fit.n, preds.length);
  }

  // Loadings: corrected for common factors, PLS loadings (in-block) for the rest.
  const loadings = new Float64Array(p * m);
  for (let j = 0; j < m; j++) {
    const block = fit.blocks[j];
    if (!isFactor[j] || block.length <= 1) {
      for (const i of block) loadings[i * m + j] = fit.crossLoadings[i * m + j];
      continue;
    }
    const w = blockColumn(fit.weights, m, block, j);
    const s = blockCorrelation(fit, j);
    let wSw = 0;
    for (let a = 0; a < block.length; a++) for (let b = 0; b < block.length; b++) wSw += w[a] * s[a * block.length + b] * w[b];
    const scale = 1 / Math.sqrt(wSw);
    let ww = 0;
    for (let a = 0; a < block.length; a++) ww += w[a] * scale * (w[a] * scale);
    const f = Math.sqrt(rho[j]) / ww;
    let heywood = false;
    block.forEach((i, a) => {
      const v = w[a] * scale * f;
      loadings[i * m + j] = v;
      if (Math.abs(v) > 1) heywood = true;
    });
    if (heywood) inadmissible(`PLSc is inadmissible: a corrected loading of ${names[j]} exceeds 1 (Heywood case).`, names[j]);
  }

  return {
    rhoA: rhoRecord,
    commonFactors: names.filter((_, j) => isFactor[j]),
    constructCorrelation: r,
    paths,
    rSquared,
    adjustedRSquared,
    loadings,
    admissible,
    warnings,
  };
}

function fmt(v: number): string {
  return Number.isFinite(v) ? v.toFixed(4) : String(v);
}
