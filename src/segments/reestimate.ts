import type { Survey } from '../data/index.js';
import { permutationTest } from '../inference/index.js';
import type { ModelSpec } from '../model/index.js';
import { estimateFromMoments, type EstimateOptions } from '../pls/index.js';
import { momentsFromSurvey } from '../stats/index.js';

/** A model fitted on a subset of rows: n, paths and R². */
export interface LevelFitResult {
  n: number;
  paths: { from: string; to: string; estimate: number }[];
  rSquared: Record<string, { r2: number; adjR2: number }>;
}

/** Fits the model on the given 0-based rows. */
export type LevelFit = (rows: Int32Array) => LevelFitResult;

/**
 * A {@link LevelFit} that estimates the PLS model on the given rows only, with their own mean replacement (seminr run
 * on the subset): moments of those rows (`momentsFromSurvey` with `rows`), then `estimateFromMoments` without the
 * quality block.
 *
 * @example
 * const fit = plsLevelFit(survey, model);
 * fit(levelRows(segmentColumn(survey, 'region')).get('North')!).paths
 */
export function plsLevelFit(survey: Survey, model: ModelSpec, options: EstimateOptions = {}): LevelFit {
  const items = [...new Set(model.constructs.flatMap((c) => c.items ?? []))];
  const missing = options.missing ?? 'mean';
  const weights = options.weights === undefined ? true : options.weights;
  return (rows) => {
    const moments = momentsFromSurvey(survey, { items, missing, weights, rows });
    const r = estimateFromMoments(moments, model, { ...options, missing, quality: false, scores: false, fSquared: false });
    return { n: rows.length, paths: r.paths.map((p) => ({ from: p.from, to: p.to, estimate: p.estimate })), rSquared: r.rSquared };
  };
}

/**
 * Re-estimates the model per level (multi-group, methodology.md §8.7): `fit` on each level's rows, in `order`.
 *
 * @example
 * reestimateLevels(levelRows(seg), plsLevelFit(survey, model), ['North', 'South']).North.rSquared
 */
export function reestimateLevels(rows: Map<string, Int32Array>, fit: LevelFit, order: readonly string[]): Record<string, LevelFitResult> {
  const out: Record<string, LevelFitResult> = {};
  for (const level of order) {
    const r = rows.get(level);
    if (r && r.length > 0) out[level] = fit(r);
  }
  return out;
}

/**
 * Permutation test of every path's difference between levels a and b (Chin & Dibbern 2010; methodology.md §8.7):
 * the pooled rows' group labels are permuted R times (seeded, counter-based: identical for any worker/chunk count),
 * the model re-estimated in both permuted groups, and p = share of |Δβ*| ≥ |Δβ|. diff = β(a) − β(b).
 *
 * @example
 * permutationPathTest(rowsNorth, rowsSouth, fit, { a: 'North', b: 'South', permutations: 1000, seed: 1 })[0].p
 */
export function permutationPathTest(
  rowsA: Int32Array,
  rowsB: Int32Array,
  fit: LevelFit,
  options: { a: string; b: string; permutations: number; seed: number; chunks?: number },
): { from: string; to: string; a: string; b: string; diff: number; p: number }[] {
  const pooled = new Int32Array(rowsA.length + rowsB.length);
  pooled.set(rowsA, 0);
  pooled.set(rowsB, rowsA.length);
  const labels = new Int32Array(pooled.length);
  labels.fill(1, rowsA.length);
  let names: { from: string; to: string }[] = [];
  const statistic = (g: Int32Array): number[] => {
    const ra: number[] = [];
    const rb: number[] = [];
    g.forEach((v, i) => (v === 0 ? ra : rb).push(pooled[i]));
    let fa: LevelFitResult;
    let fb: LevelFitResult;
    try {
      fa = fit(Int32Array.from(ra).sort());
      fb = fit(Int32Array.from(rb).sort());
    } catch {
      return names.map(() => NaN);
    }
    if (names.length === 0) names = fa.paths.map((p) => ({ from: p.from, to: p.to }));
    return names.map((n) => {
      const x = fa.paths.find((p) => p.from === n.from && p.to === n.to)?.estimate ?? NaN;
      const y = fb.paths.find((p) => p.from === n.from && p.to === n.to)?.estimate ?? NaN;
      return x - y;
    });
  };
  const r = permutationTest(labels, statistic, { permutations: options.permutations, seed: options.seed, chunks: options.chunks });
  return names.map((n, k) => ({ ...n, a: options.a, b: options.b, diff: r.observed[k], p: r.p[k] as number }));
}
