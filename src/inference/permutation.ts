import { CsiError } from '../errors.js';
import { createResampleRng, uniformInt } from './rng.js';

/**
 * Permutation r of a label vector under `seed`: a Fisher–Yates shuffle (Durstenfeld 1964) driven by the
 * counter-based generator {@link createResampleRng}(seed, r), so permutation r depends on (seed, r) only — the same
 * on any worker, in any order, for any worker count.
 *
 * @example
 * permuteLabels(Int32Array.from([0, 0, 1, 1]), 7, 0).reduce((a, b) => a + b, 0) // 2 (a permutation keeps the counts)
 */
export function permuteLabels(labels: ArrayLike<number>, seed: number, r: number, into?: Int32Array): Int32Array {
  const out = into ?? new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = labels[i];
  const next = createResampleRng(seed, r);
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformInt(next, i + 1);
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

/** Options of {@link permutationTest}. */
export interface PermutationTestOptions {
  /** Number of permutations R (≥ 1). */
  permutations: number;
  /** Seed of the counter-based generator (integer in [0, 2^53)). */
  seed: number;
  /**
   * How many chunks the R permutations are split into (a stand-in for the worker count: chunk c takes permutations
   * c, c + chunks, …, computed last chunk first). The result does not depend on it. Default 1.
   */
  chunks?: number;
}

/** What {@link permutationTest} returns: observed statistics, two-sided p per statistic, and the draws used. */
export interface PermutationTestResult {
  observed: number[];
  /** p_k = #{r : |T*_rk| ≥ |T_k|} / R_k over the usable permutations (Chin & Dibbern 2010; cSEM counts both tails). */
  p: (number | null)[];
  /** Usable permutations per statistic (a permutation whose statistic is not finite is dropped). */
  used: number[];
}

/**
 * Two-sided permutation test of group differences (Chin & Dibbern 2010; docs/methodology.md §8.7): the group labels
 * are permuted R times, `statistic(labels)` is recomputed on each permuted labelling (e.g. re-estimating a PLS model
 * in each group and returning the path differences), and p_k = share of |T*_k| ≥ |T_k|.
 *
 * @example
 * const labels = Int32Array.from([0, 0, 0, 1, 1, 1]);
 * const y = [1, 2, 3, 7, 8, 9];
 * const diff = (g: ArrayLike<number>) => { let a = 0, b = 0; for (let i = 0; i < 6; i++) (g[i] ? (b += y[i]) : (a += y[i])); return [b / 3 - a / 3]; };
 * permutationTest(labels, diff, { permutations: 200, seed: 1 }).p[0] // ≈ 0.1 (2 of the 20 labellings are as extreme)
 */
export function permutationTest(
  labels: ArrayLike<number>,
  statistic: (labels: Int32Array) => number[],
  options: PermutationTestOptions,
): PermutationTestResult {
  const R = options.permutations;
  if (!(Number.isInteger(R) && R >= 1)) throw new CsiError('INVALID_OPTION', `The number of permutations must be a whole number ≥ 1 (got ${R}).`);
  const chunks = Math.max(1, Math.floor(options.chunks ?? 1));
  const observed = statistic(Int32Array.from(labels));
  const k = observed.length;
  const hits = new Array<number>(k).fill(0);
  const used = new Array<number>(k).fill(0);
  const buf = new Int32Array(labels.length);
  for (let c = chunks - 1; c >= 0; c--) {
    for (let r = c; r < R; r += chunks) {
      const t = statistic(permuteLabels(labels, options.seed, r, buf));
      for (let j = 0; j < k; j++) {
        if (!Number.isFinite(t[j])) continue;
        used[j]++;
        if (Math.abs(t[j]) >= Math.abs(observed[j])) hits[j]++;
      }
    }
  }
  return { observed, p: hits.map((h, j) => (used[j] > 0 && Number.isFinite(observed[j]) ? h / used[j] : null)), used };
}
