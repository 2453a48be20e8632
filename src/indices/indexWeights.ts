import { CsiError } from '../errors.js';
import type { ModelSpec } from '../model/index.js';
import type { PlsResult } from '../pls/index.js';
import type { ItemMoments } from './itemMoments.js';

/** Where index weights come from: PLS (unstandardized outer weights), equal, or explicit numbers per construct. */
export type IndexWeightSource = 'pls' | 'equal' | Record<string, Record<string, number>>;

/** A construct's index recipe: either weights on raw items, or weights on its dimensions' indices (higher-order). */
export type IndexRecipe = { kind: 'items'; weights: Record<string, number> } | { kind: 'dimensions'; weights: Record<string, number> };

/**
 * Unstandardized outer weights of a block, normalised to sum 1 (methodology §1.3 convention 1; cSEM
 * `getConstructScores`): `u_k = w_k / s_k`, `w̃_k = u_k / Σ_k' u_k'`, w_k the standardized outer weight, s_k the
 * item's sample SD (divisor n − 1, as the estimator standardizes).
 *
 * @example
 * unstandardizedWeights({ a: 0.6, b: 0.5 }, { a: 2, b: 1 }) // { a: 0.375, b: 0.625 }
 */
export function unstandardizedWeights(std: Record<string, number>, sds: Record<string, number>): Record<string, number> {
  const u: Record<string, number> = {};
  let sum = 0;
  for (const [k, w] of Object.entries(std)) {
    u[k] = w / sds[k];
    sum += u[k];
  }
  for (const k of Object.keys(u)) u[k] /= sum;
  return u;
}

/**
 * How each construct's index is built from a weight source. First-order constructs: weights on raw items —
 * `pls` the normalised unstandardized outer weights ({@link unstandardizedWeights}), `equal` 1/m (constructIndices makes that 1/m on the items' 0-100 scores), explicit numbers
 * normalised to sum 1 (constructs not listed fall back to `pls`). Higher-order constructs (disjoint two-stage):
 * `pls` gives composite weights on raw items, u_Hk = Σ_d w_Hd · w_dk / s_k (stage 2 scores Y_H = Σ_d w_Hd Y_d and
 * Y_d = Σ_k (w_dk / s_k)(x_k − x̄_k), so the HOC's index is an exact positive linear transform of its PLS score,
 * which IPMA's sd-ratio needs); it equals Σ_d c_d I_d with c_d ∝ w_Hd / sd(I_d), i.e. the HOC's weights on its
 * dimensions' indices unstandardized exactly as item weights are. `equal` is 1/D on the dimensions' indices;
 * explicit numbers are keyed by dimension (weights on the dimensions' indices) or by item (raw items directly).
 *
 * @example
 * indexRecipes(result, model, im, 'pls').Satisfaction // { kind: 'items', weights: { CUSA1: 0.29, ... } }
 */
export function indexRecipes(result: PlsResult, model: ModelSpec, im: ItemMoments, source: IndexWeightSource): Record<string, IndexRecipe> {
  const sds: Record<string, number> = {};
  im.items.forEach((k, i) => (sds[k] = im.sds[i]));
  const out: Record<string, IndexRecipe> = {};
  if (typeof source === 'object') {
    const names = new Set(model.constructs.map((c) => c.name));
    for (const k of Object.keys(source)) if (!names.has(k)) throw new CsiError('UNKNOWN_CONSTRUCT', `Index weights for ${k}: not a construct of the model.`, { construct: k });
  }
  for (const c of model.constructs) {
    const explicit = typeof source === 'object' ? source[c.name] : undefined;
    const isHoc = (c.dimensions?.length ?? 0) > 0;
    const members = isHoc ? c.dimensions! : (c.items ?? []);
    if (explicit) {
      const keys = Object.keys(explicit);
      const onItems = isHoc && keys.every((k) => !members.includes(k));
      const allowed = onItems ? hocItems(model, c.name) : members;
      for (const k of keys) {
        if (!allowed.includes(k)) throw new CsiError('INVALID_OPTION', `Index weight for ${k}: not an indicator of ${c.name}.`, { construct: c.name });
        if (!(explicit[k] >= 0) || !Number.isFinite(explicit[k])) throw new CsiError('INVALID_OPTION', `Index weight ${explicit[k]} for ${k} in ${c.name} must be a finite number ≥ 0.`, { construct: c.name });
      }
      out[c.name] = { kind: isHoc && !onItems ? 'dimensions' : 'items', weights: normalise(Object.fromEntries(allowed.map((k) => [k, explicit[k] ?? 0])), c.name) };
      continue;
    }
    if (source === 'equal') {
      out[c.name] = { kind: isHoc ? 'dimensions' : 'items', weights: Object.fromEntries(members.map((k) => [k, 1 / members.length])) };
      continue;
    }
    const std = result.outerWeights[c.name];
    if (!std) throw new CsiError('UNKNOWN_CONSTRUCT', `No outer weights for ${c.name} in the estimation result.`, { construct: c.name });
    if (!isHoc) {
      out[c.name] = { kind: 'items', weights: unstandardizedWeights(std, sds) };
    } else {
      // Two-stage composite: Y_H = Σ_d w_Hd Y_d and Y_d = Σ_k u_dk (x_k − x̄_k), so u_Hk = Σ_d w_Hd u_dk.
      const u: Record<string, number> = {};
      for (const d of c.dimensions!) {
        const wd = result.outerWeights[d];
        if (!wd) throw new CsiError('UNKNOWN_CONSTRUCT', `No outer weights for dimension ${d} of ${c.name}.`, { construct: d });
        for (const [k, w] of Object.entries(wd)) u[k] = (u[k] ?? 0) + (std[d] * w) / sds[k];
      }
      out[c.name] = { kind: 'items', weights: normalise(u, c.name) };
    }
  }
  return out;
}

function hocItems(model: ModelSpec, name: string): string[] {
  const byName = new Map(model.constructs.map((c) => [c.name, c] as const));
  const walk = (n: string): string[] => {
    const c = byName.get(n);
    if (!c) return [];
    return (c.dimensions?.length ?? 0) > 0 ? c.dimensions!.flatMap(walk) : (c.items ?? []);
  };
  return walk(name);
}

function normalise(w: Record<string, number>, construct: string): Record<string, number> {
  const sum = Object.values(w).reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new CsiError('INVALID_OPTION', `Index weights of ${construct} must have a positive sum.`, { construct });
  return Object.fromEntries(Object.entries(w).map(([k, v]) => [k, v / sum]));
}
