/** A p-value adjustment method: Holm (FWER), Benjamini–Hochberg (FDR) or none. */
export type AdjustMethod = 'holm' | 'bh' | 'none';

function order(p: readonly number[]): number[] {
  return p.map((_, i) => i).sort((a, b) => p[a] - p[b] || a - b);
}

/**
 * Holm (1979) step-down adjustment, as R `p.adjust(p, "holm")`: sorted p_(1) ≤ … ≤ p_(m),
 * p̃_(i) = min(1, max_{j ≤ i} (m − j + 1) p_(j)). Null entries stay null and are not counted in m.
 *
 * @example
 * holmAdjust([0.01, 0.04, 0.03]) // [0.03, 0.06, 0.06]
 */
export function holmAdjust(p: readonly (number | null)[]): (number | null)[] {
  const idx = p.map((v, i) => (v === null || Number.isNaN(v) ? -1 : i)).filter((i) => i >= 0);
  const vals = idx.map((i) => p[i] as number);
  const m = vals.length;
  const out: (number | null)[] = p.map(() => null);
  let run = 0;
  order(vals).forEach((k, j) => {
    run = Math.max(run, Math.min(1, (m - j) * vals[k]));
    out[idx[k]] = run;
  });
  return out;
}

/**
 * Benjamini & Hochberg (1995) step-up adjustment, as R `p.adjust(p, "BH")`:
 * p̃_(i) = min(1, min_{j ≥ i} m p_(j) / j). Null entries stay null and are not counted in m.
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03]) // [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(p: readonly (number | null)[]): (number | null)[] {
  const idx = p.map((v, i) => (v === null || Number.isNaN(v) ? -1 : i)).filter((i) => i >= 0);
  const vals = idx.map((i) => p[i] as number);
  const m = vals.length;
  const out: (number | null)[] = p.map(() => null);
  const o = order(vals);
  let run = 1;
  for (let j = m - 1; j >= 0; j--) {
    run = Math.min(run, (m * vals[o[j]]) / (j + 1));
    out[idx[o[j]]] = Math.min(1, run);
  }
  return out;
}

/**
 * Adjusts one family of p-values by `method` ('none' returns them unchanged).
 *
 * @example
 * adjustPValues([0.01, 0.04], 'holm') // [0.02, 0.04]
 */
export function adjustPValues(p: readonly (number | null)[], method: AdjustMethod): (number | null)[] {
  if (method === 'holm') return holmAdjust(p);
  if (method === 'bh') return benjaminiHochberg(p);
  return [...p];
}
