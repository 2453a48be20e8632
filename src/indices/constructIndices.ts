import type { CsiWarning } from '../errors.js';
import type { ModelSpec } from '../model/index.js';
import type { MissingRule, PlsResult } from '../pls/index.js';
import type { Moments } from '../stats/index.js';
import { indexRecipes, type IndexWeightSource } from './indexWeights.js';
import { itemMoments, type ItemMoments } from './itemMoments.js';
import { acsiIndexForm, combineForms, indexEstimate, type ItemScale, type LinearIndex } from './linearIndex.js';
import type { IndexEstimate } from './types.js';

/** Options of {@link constructIndices}. */
export interface ConstructIndicesOptions {
  /** The model the result was estimated with. */
  model: ModelSpec;
  /** Declared scale of each item ({@link indexScales}); constructs with an item without one get no index. */
  scales: Record<string, ItemScale>;
  /** Weight source. Default 'pls'. */
  weights?: IndexWeightSource;
  /** Missing-value rule. Default: the result's (`settings.missing`). */
  missing?: MissingRule;
}

/** The indices of every construct, with the pieces later steps (IPMA, hierarchy, segments, scores) reuse. */
export interface ConstructIndices {
  /** Construct → mean index with SD, SE, 95 % t interval, n (and Kish's n_eff). */
  indices: Record<string, IndexEstimate>;
  /** Construct → item → weight on the raw item score (sums to 1; a higher-order construct's composite item weights). */
  indexWeights: Record<string, Record<string, number>>;
  /** Construct → its index as a linear form on raw items. */
  forms: Record<string, LinearIndex>;
  /** 'pls' | 'equal' | 'explicit'. */
  source: string;
  /** The item moments the indices were computed from. */
  itemMoments: ItemMoments;
  warnings: CsiWarning[];
}

/**
 * The ACSI 0-100 index of every construct, higher-order ones included, from moments only (methodology §1.3):
 * `I_j = 100 (Σ w̃_k x̄_k − Σ w̃_k L_k)/(Σ w̃_k U_k − Σ w̃_k L_k)` with w̃ from the weight source
 * ({@link indexRecipes}: `pls` = standardized outer weight ÷ item SD, normalised; `equal` = 1/m on the items' 0-100 scores), SD = √(a'Σa) of the linear form,
 * SE = SD/√n_eff and a t interval with n_eff − 1 df (n_eff = rows, or Kish's effective n with sampling weights).
 * The mean index is linear in item means, so engines and segments get indices with no pass over rows.
 * A construct with an item lacking a declared scale gets no index (one warning names them).
 *
 * @example
 * const res = estimate(survey, model);
 * constructIndices(res, momentsFromSurvey(survey), { model, scales: indexScales(survey.itemNames, { scale: [1, 10] }) })
 *   .indices.Satisfaction.mean // 72.45 on mobi
 */
export function constructIndices(result: PlsResult, moments: Moments, options: ConstructIndicesOptions): ConstructIndices {
  const { model, scales } = options;
  const source = options.weights ?? 'pls';
  const missing = options.missing ?? result.settings.missing;
  const items = [...new Set(model.constructs.flatMap((c) => c.items ?? []))];
  const im = itemMoments(moments, items, missing);
  const recipes = indexRecipes(result, model, im, source);
  const forms: Record<string, LinearIndex> = {};
  const unscaled: string[] = [];
  const negative: string[] = [];
  const pending = [...model.constructs];
  // First-order constructs first, then higher-order ones from their dimensions' forms.
  for (let pass = 0; pass < 3 && pending.length > 0; pass++) {
    for (let i = 0; i < pending.length; i++) {
      const c = pending[i];
      const r = recipes[c.name];
      let form: LinearIndex | null | undefined;
      if (r.kind === 'items') {
        const ks = Object.keys(r.weights);
        const missingScale = ks.filter((k) => !scales[k]);
        if (missingScale.length > 0) {
          unscaled.push(...missingScale);
          form = null;
        } else form = acsiIndexForm(source === 'equal' ? equalOnRescaled(r.weights, scales) : r.weights, scales);
      } else {
        const dims = Object.keys(r.weights);
        if (dims.some((d) => forms[d] === undefined && pending.some((p) => p.name === d))) continue;
        form = dims.every((d) => forms[d]) ? combineForms(dims.map((d) => forms[d]), dims.map((d) => r.weights[d])) : null;
      }
      if (form) {
        forms[c.name] = form;
        if (Object.values(r.weights).some((w) => w < 0)) negative.push(c.name);
      }
      pending.splice(i--, 1);
    }
  }
  const indices: Record<string, IndexEstimate> = {};
  const indexWeights: Record<string, Record<string, number>> = {};
  const order = [...result.constructs, ...model.constructs.map((c) => c.name).filter((n) => !result.constructs.includes(n))];
  for (const name of order) {
    const f = forms[name];
    if (!f) continue;
    indices[name] = indexEstimate(f, im);
    const sum = f.coef.reduce((a, b) => a + b, 0);
    indexWeights[name] = Object.fromEntries(f.items.map((k, i) => [k, f.coef[i] / sum]));
  }
  const warnings: CsiWarning[] = [];
  if (unscaled.length > 0) {
    const list = [...new Set(unscaled)];
    warnings.push({ code: 'NO_SCALE', message: `No declared scale for ${list.slice(0, 10).join(', ')}${list.length > 10 ? ' …' : ''}: their constructs get no 0-100 index (give a codebook or --scale MIN:MAX).`, count: list.length });
  }
  for (const c of negative) {
    warnings.push({ code: 'NEGATIVE_WEIGHT', construct: c, message: `${c} has a negative index weight: its index may leave 0-100 (IPMA assumes non-negative weights).` });
  }
  return { indices, indexWeights, forms, source: typeof source === 'string' ? source : 'explicit', itemMoments: im, warnings };
}

/** Equal weights mean equal weights of the items' 0-100 scores: raw-score weights ∝ 1/(U_k − L_k), normalised. */
function equalOnRescaled(weights: Record<string, number>, scales: Record<string, ItemScale>): Record<string, number> {
  const u = Object.fromEntries(Object.keys(weights).map((k) => [k, weights[k] / (scales[k][1] - scales[k][0])]));
  const sum = Object.values(u).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(u).map(([k, v]) => [k, v / sum]));
}
