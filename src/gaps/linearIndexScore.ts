import { CsiError } from '../errors.js';

/** A respondent score linear in the items: score_i = Σ_k coefficients[k]·x_ik − offset. */
export interface LinearScore {
  name: string;
  coefficients: Record<string, number>;
  offset: number;
}

/**
 * The 0-100 index of a construct as a linear score (methodology.md §1.3): with w̃ the item weights normalized to sum 1
 * and [L_k, U_k] each item's scale, I = Σ_k a_k x_k − b, a_k = 100 w̃_k/(U_k − L_k), b = Σ_k a_k L_k. One item with
 * weight 1 gives the item on its own 0-100 scale. Errors: INVALID_OPTION for weights without a positive finite sum,
 * UNKNOWN_ITEM for an item without a scale, or an empty scale.
 *
 * @example
 * linearIndexScore('ATT1', { ATT1: 1 }, { ATT1: [1, 10] }) // { coefficients: { ATT1: 11.11 }, offset: 11.11 }
 */
export function linearIndexScore(name: string, weights: Record<string, number>, scales: Record<string, readonly [number, number]>): LinearScore {
  const items = Object.keys(weights);
  const total = items.reduce((s, k) => s + weights[k], 0);
  if (!(total > 0) || !Number.isFinite(total)) throw new CsiError('INVALID_OPTION', `Index weights of ${name} must be finite with a positive sum.`, { construct: name });
  const coefficients: Record<string, number> = {};
  let offset = 0;
  for (const k of items) {
    const scale = scales[k];
    if (!scale) throw new CsiError('UNKNOWN_ITEM', `Item ${k} of ${name} has no scale.`, { column: k, construct: name });
    const [lo, hi] = scale;
    if (!(hi > lo)) throw new CsiError('INVALID_OPTION', `Item ${k} has an empty scale ${lo}-${hi}.`, { column: k });
    const a = (100 * weights[k]) / total / (hi - lo);
    coefficients[k] = a;
    offset += a * lo;
  }
  return { name, coefficients, offset };
}

/**
 * Respondent values of a linear score from named columns; NaN when any item with a non-zero coefficient is missing.
 *
 * @example
 * scoreColumn(linearIndexScore('A', { A: 1 }, { A: [1, 10] }), (k) => Float64Array.of(1, 10)) // [0, 100]
 */
export function scoreColumn(score: LinearScore, column: (item: string) => Float64Array): Float64Array {
  const items = Object.keys(score.coefficients).filter((k) => score.coefficients[k] !== 0);
  const cols = items.map(column);
  const n = cols[0]?.length ?? 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = -score.offset;
    for (let k = 0; k < cols.length; k++) s += score.coefficients[items[k]] * cols[k][i];
    out[i] = s;
  }
  return out;
}
