import type { IndexEstimate } from './types.js';
import type { ItemMoments } from './itemMoments.js';
import { studentTQuantile } from './tQuantile.js';

/**
 * A 0-100 index as a linear form on raw item scores: I = constant + Σ_k coef_k · x_k. Every index csikit reports
 * (a construct, a higher-order construct, a hierarchy node) is one, so its mean and variance follow from item
 * moments: mean = constant + coef'x̄, variance = coef'Σ coef.
 */
export interface LinearIndex {
  items: string[];
  coef: Float64Array;
  constant: number;
}

/** An item's declared answer scale [min, max]. */
export type ItemScale = [number, number];

/**
 * The ACSI index of a block as a linear form (methodology §1.3, Fornell et al. 1996):
 * `I = 100 · (Σ w̃_k x_k − Σ w̃_k L_k) / (Σ w̃_k U_k − Σ w̃_k L_k)`, w̃ the weights on raw scores (any positive
 * scale; normalising to Σ w̃ = 1 is cosmetic). Items on different ranges are handled by the Min/Max form:
 * I = Σ_k v_k p_k with p_k = 100 (x_k − L_k)/(U_k − L_k) the item's 0-100 score and
 * v_k = w̃_k (U_k − L_k) / Σ w̃ (U − L) (see {@link rescaledItemWeights}).
 *
 * @example
 * acsiIndexForm({ a: 0.5, b: 0.5 }, { a: [1, 10], b: [1, 10] }) // { coef: [100/18, 100/18], constant: -100/9 }
 */
export function acsiIndexForm(weights: Record<string, number>, scales: Record<string, ItemScale>): LinearIndex {
  const items = Object.keys(weights);
  let lo = 0;
  let span = 0;
  for (const k of items) {
    lo += weights[k] * scales[k][0];
    span += weights[k] * (scales[k][1] - scales[k][0]);
  }
  const coef = Float64Array.from(items, (k) => (100 * weights[k]) / span);
  return { items, coef, constant: (-100 * lo) / span };
}

/**
 * Weights of the items' 0-100 scores in an ACSI index: `v_k = w̃_k (U_k − L_k) / Σ_k' w̃_k' (U_k' − L_k')` (sum 1).
 * Equal to cSEM's IPMA weights on rescaled items (`w_k / s*_k` normalised, s*_k the SD of the rescaled item), and to
 * w̃ when all items share one range.
 *
 * @example
 * rescaledItemWeights({ a: 0.5, b: 0.5 }, { a: [1, 5], b: [1, 10] }) // { a: 4/13, b: 9/13 }
 */
export function rescaledItemWeights(weights: Record<string, number>, scales: Record<string, ItemScale>): Record<string, number> {
  let span = 0;
  for (const k of Object.keys(weights)) span += weights[k] * (scales[k][1] - scales[k][0]);
  const out: Record<string, number> = {};
  for (const k of Object.keys(weights)) out[k] = (weights[k] * (scales[k][1] - scales[k][0])) / span;
  return out;
}

/**
 * Σ_c a_c · form_c: the linear form of a weighted combination of indices (a hierarchy parent from its children).
 *
 * @example
 * combineForms([f1, f2], [0.4, 0.6])
 */
export function combineForms(forms: readonly LinearIndex[], a: ArrayLike<number>): LinearIndex {
  const acc = new Map<string, number>();
  let constant = 0;
  forms.forEach((f, c) => {
    constant += a[c] * f.constant;
    f.items.forEach((k, i) => acc.set(k, (acc.get(k) ?? 0) + a[c] * f.coef[i]));
  });
  const items = [...acc.keys()];
  return { items, coef: Float64Array.from(items, (k) => acc.get(k)!), constant };
}

/** Mean and standard deviation of a linear index from item moments: mean = b + a'x̄, var = a'Σa (divisor Σw − 1). */
export function linearMoments(form: LinearIndex, im: ItemMoments): { mean: number; sd: number } {
  const pos = new Map(im.items.map((k, i) => [k, i] as const));
  const idx = form.items.map((k) => pos.get(k)!);
  const p = im.items.length;
  let mean = form.constant;
  let v = 0;
  for (let a = 0; a < idx.length; a++) {
    mean += form.coef[a] * im.means[idx[a]];
    for (let b = 0; b < idx.length; b++) v += form.coef[a] * form.coef[b] * im.cov[idx[a] * p + idx[b]];
  }
  return { mean, sd: Math.sqrt(Math.max(v, 0)) };
}

/**
 * The mean of a linear index with its SD, SE and two-sided 95 % t interval, from item moments (no pass over rows):
 * mean = b + a'x̄, sd = √(a'Σa), se = sd / √n_eff, interval mean ± t_{0.975, n_eff − 1} · se, where n_eff is the
 * number of rows without weights and Kish's effective n (Σw)²/Σw² with sampling weights (methodology §1.3, §9).
 *
 * @example
 * indexEstimate(acsiIndexForm(w, scales), itemMoments(moments, items)) // { n, mean, sd, se, lower, upper, nEff }
 */
export function indexEstimate(form: LinearIndex, im: ItemMoments, level = 0.95): IndexEstimate {
  const { mean, sd } = linearMoments(form, im);
  const nEff = im.nEff;
  const fin = (v: number): number | null => (Number.isFinite(v) ? v : null);
  const se = nEff > 0 ? sd / Math.sqrt(nEff) : NaN;
  const t = nEff > 1 ? studentTQuantile(1 - (1 - level) / 2, nEff - 1) : NaN;
  return {
    n: im.n,
    mean: fin(mean),
    sd: fin(sd),
    se: fin(se),
    lower: fin(mean - t * se),
    upper: fin(mean + t * se),
    nEff,
  };
}
