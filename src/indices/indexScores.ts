import type { MissingRule } from '../pls/index.js';
import type { ItemMoments } from './itemMoments.js';
import type { LinearIndex } from './linearIndex.js';

/**
 * Per-respondent 0-100 indices: `I_i = constant + Σ_k coef_k x̃_ik` for each linear form (methodology §1.3: the mean of
 * these equals the mean index). x̃ is the item after the missing rule: a missing cell is the item's mean for 'mean'
 * (seminr's rule) and 'pairwise'; for 'casewise' a row with a missing item of the form gets NaN.
 *
 * @example
 * indexScores({ Sat: form }, { CUSA1: col1, CUSA2: col2 }, im, 'mean').Sat[0]
 */
export function indexScores(forms: Record<string, LinearIndex>, columns: Record<string, Float64Array>, im: ItemMoments, missing: MissingRule = 'mean'): Record<string, Float64Array> {
  const mean = new Map(im.items.map((k, i) => [k, im.means[i]] as const));
  const out: Record<string, Float64Array> = {};
  for (const [name, f] of Object.entries(forms)) {
    const cols = f.items.map((k) => columns[k]);
    const n = cols[0]?.length ?? 0;
    const fill = f.items.map((k) => mean.get(k) ?? NaN);
    const s = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      let v = f.constant;
      for (let a = 0; a < cols.length; a++) {
        let x = cols[a][r];
        if (Number.isNaN(x)) x = missing === 'casewise' ? NaN : fill[a];
        v += f.coef[a] * x;
      }
      s[r] = v;
    }
    out[name] = s;
  }
  return out;
}
