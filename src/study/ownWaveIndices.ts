import type { CsiWarning } from '../errors.js';
import { constructIndices, rescaledItemWeights, type ConstructIndices, type IndexWeightSource, type ItemScale } from '../indices/index.js';
import type { ModelSpec } from '../model/index.js';
import { estimateFromMoments, type EstimateOptions, type MissingRule } from '../pls/index.js';
import type { Moments } from '../stats/index.js';
import { weightChangeDecomposition } from '../tracking/index.js';
import type { WaveResult } from './types.js';

/**
 * Own-wave indices beside the pooled ones (tracking.md §2.1, §2.4 item 2): the model re-estimated on each wave's
 * moments (its own mean replacement), that wave's index weights, and every consecutive change split exactly into item means
 * (0-100 item means at the earlier wave's weights) and weights. A wave the model cannot be estimated on is left out
 * with a warning.
 */
export function ownWaveIndices(
  model: ModelSpec,
  momentsByWave: Map<string, Moments>,
  order: readonly string[],
  opts: { scales: Record<string, ItemScale>; missing: MissingRule; options: EstimateOptions; weights?: IndexWeightSource; column: string },
): { own: NonNullable<WaveResult['own']>; warnings: CsiWarning[] } {
  const warnings: CsiWarning[] = [];
  const perWave = new Map<string, ConstructIndices>();
  for (const w of order) {
    const m = momentsByWave.get(w);
    if (!m || m.n < 2) continue;
    try {
      const r = estimateFromMoments(m, model, { ...opts.options, missing: opts.missing, quality: false, fSquared: false });
      perWave.set(w, constructIndices(r, m, { model, scales: opts.scales, ...(opts.weights ? { weights: opts.weights } : {}) }));
    } catch (e) {
      warnings.push({ code: 'NOT_CONVERGED', message: `Own-wave indices: the model could not be estimated on wave "${w}" of ${opts.column} (${(e as Error).message}).`, column: opts.column });
    }
  }
  const levels: Record<string, Record<string, number | null>> = {};
  for (const [w, ci] of perWave) levels[w] = Object.fromEntries(Object.entries(ci.indices).map(([c, e]) => [c, e.mean]));
  const changes: NonNullable<WaveResult['own']>['changes'] = [];
  const waves = order.filter((w) => perWave.has(w));
  for (let k = 1; k < waves.length; k++) {
    const [a, b] = [perWave.get(waves[k - 1])!, perWave.get(waves[k])!];
    for (const c of Object.keys(a.indexWeights)) {
      if (!b.indexWeights[c]) continue;
      const its = Object.keys(a.indexWeights[c]);
      const v1 = rescaledItemWeights(a.indexWeights[c], opts.scales);
      const v2 = rescaledItemWeights(b.indexWeights[c], opts.scales);
      const p100 = (ci: ConstructIndices, k2: string): number => {
        const j = ci.itemMoments.items.indexOf(k2);
        const [lo, hi] = opts.scales[k2];
        return (100 * (ci.itemMoments.means[j] - lo)) / (hi - lo);
      };
      const d = weightChangeDecomposition(its.map((i) => p100(a, i)), its.map((i) => p100(b, i)), its.map((i) => v1[i]), its.map((i) => v2[i] ?? 0));
      changes.push({ measure: c, from: waves[k - 1], to: waves[k], diff: d.change, itemMeans: d.itemMeans, weights: d.weights });
    }
  }
  return { own: { levels, changes }, warnings };
}
