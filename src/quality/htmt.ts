import type { HtmtEntry, MeasurementFit } from './types.js';

/**
 * Heterotrait–monotrait ratio of every construct pair, in construct order (a before b):
 *
 *   HTMT_ab = mean_{g∈a, h∈b} |r_gh| / sqrt( mean_{g<g'∈a} |r_gg'| · mean_{h<h'∈b} |r_hh'| )
 *
 * with the monotrait mean of a single-item block := 1. Absolute correlations, as seminr 2.3.1 (`HTMT`,
 * R/evaluate_validity.R) and cSEM's default; the original (Henseler, Ringle & Sarstedt 2015, *JAMS* 43(1)
 * 115–135) averages raw correlations. Source: methodology §8.4. Reads item correlations only (no weights).
 *
 * @returns one entry per pair; NaN where a block's monotrait mean is 0.
 *
 * @example
 * htmt(fit) // [{ a: 'Image', b: 'Expectation', value: 0.888… }, …]
 */
export function htmt(fit: Pick<MeasurementFit, 'itemNames' | 'constructNames' | 'blocks' | 'itemCorrelation'>): HtmtEntry[] {
  const p = fit.itemNames.length;
  const r = fit.itemCorrelation;
  const m = fit.constructNames.length;
  const mono = fit.blocks.map((block) => {
    const k = block.length;
    if (k <= 1) return 1;
    let s = 0;
    for (let x = 0; x < k; x++) for (let y = x + 1; y < k; y++) s += Math.abs(r[block[x] * p + block[y]]);
    return s / ((k * (k - 1)) / 2);
  });
  const out: HtmtEntry[] = [];
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const ba = fit.blocks[a];
      const bb = fit.blocks[b];
      let s = 0;
      for (const g of ba) for (const h of bb) s += Math.abs(r[g * p + h]);
      const hetero = s / (ba.length * bb.length);
      const denom = Math.sqrt(mono[a] * mono[b]);
      out.push({ a: fit.constructNames[a], b: fit.constructNames[b], value: denom > 0 ? hetero / denom : Number.NaN });
    }
  }
  return out;
}
