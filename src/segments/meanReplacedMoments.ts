import { fillCompleteForm, type Moments } from '../stats/index.js';

/**
 * The moments of the same rows after every missing item value is replaced by a given mean μ (e.g. the whole file's,
 * so a level's index follows the whole-file mean-replacement convention), from pairwise-form moments alone — no pass
 * over rows, so it works on engine GROUP BY cells. With o the observed indicator and x̃ = o·x + (1 − o)·μ:
 * Σw x̃_i = s_i + (Σw − m_ii) μ_i;
 * Σw x̃_i x̃_j = c_ij + μ_j (s_i − p_ij) + μ_i (s_j − p_ji) + μ_i μ_j (Σw − m_ii − m_jj + m_ij).
 * Returns complete-form moments (m = Σw, p_ij = s̃_i, q_ij = c̃_ii). Moments already complete are returned as they are.
 *
 * @example
 * meanReplacedMoments(levelMoments, fileMeans).complete // true
 */
export function meanReplacedMoments(moments: Moments, means: ArrayLike<number>): Moments {
  if (moments.complete) return moments;
  const mo = fillCompleteForm(moments);
  const k = mo.items.length;
  const sw = mo.sw;
  const s = mo.s.map((si, i) => si + (sw - mo.m[i * k + i]) * means[i]);
  const c = new Array<number>(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const ij = i * k + j;
      c[ij] =
        mo.c[ij] +
        means[j] * (mo.s[i] - mo.p[ij]) +
        means[i] * (mo.s[j] - mo.p[j * k + i]) +
        means[i] * means[j] * (sw - mo.m[i * k + i] - mo.m[j * k + j] + mo.m[ij]);
    }
  }
  const m = new Array<number>(k * k).fill(sw);
  const p = new Array<number>(k * k);
  const q = new Array<number>(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
    p[i * k + j] = s[i];
    q[i * k + j] = c[i * k + i];
  }
  return { ...mo, nObs: mo.items.map(() => mo.n), s, c, m, p, q, complete: true };
}
