import { CsiError } from '../errors.js';
import { allocate, finalizeBootstrap, jackknifeByCounts, makePlan, runResampleRange, type ResampleEvaluator } from './engine.js';
import type { StatisticSpec } from './statistics.js';
import type { BootstrapStatisticResult, ResampleOptions } from './types.js';

/** Options of {@link bootstrapStatistic}. */
export interface BootstrapStatisticOptions extends ResampleOptions {
  /** Names of the statistic's values, in order. Default 'stat1', 'stat2', …. */
  names?: readonly string[];
}

/**
 * Bootstrap any statistic of n rows that can be computed from row counts (how often each row is in the resample):
 * `statistic(counts)` returns K numbers; resample r's counts depend only on (seed, r). Throwing a CsiError (or
 * returning a non-finite value) drops that resample with the error's code as the reason. Sequential; browser-safe.
 * The `counts` array is one buffer reused for every resample: copy it to keep it past the call.
 *
 * @example
 * const x = Float64Array.of(3, 1, 4, 1, 5, 9, 2, 6);
 * const mean = (c: Uint32Array) => { let s = 0, w = 0; c.forEach((k, i) => { s += k * x[i]; w += k; }); return [s / w]; };
 * const res = await bootstrapStatistic(x.length, mean, { resamples: 2000, seed: 1, names: ['mean'] });
 * res.statistics[0].se // ≈ sd(x) / √8
 */
export async function bootstrapStatistic(
  n: number,
  statistic: (counts: Uint32Array) => ArrayLike<number>,
  options: BootstrapStatisticOptions = {},
): Promise<BootstrapStatisticResult> {
  if (!Number.isInteger(n) || n < 1) throw new CsiError('INVALID_OPTION', `bootstrapStatistic: n must be a positive integer, got ${n}.`);
  const ones = new Uint32Array(n).fill(1);
  const original = Float64Array.from(statistic(ones));
  const k = original.length;
  const names = options.names ?? Array.from({ length: k }, (_, i) => `stat${i + 1}`);
  if (names.length !== k) throw new CsiError('INVALID_OPTION', `bootstrapStatistic: ${names.length} names for ${k} values.`);
  const evaluator: ResampleEvaluator = {
    n,
    k,
    names,
    evaluate(counts, out) {
      const v = statistic(counts);
      if (v.length !== k) return { reason: 'ERROR', message: `the statistic returned ${v.length} values, expected ${k}` };
      for (let q = 0; q < k; q++) out[q] = v[q];
      return null;
    },
  };
  const plan = makePlan(n, options);
  const { draws, drops } = allocate(plan, k);
  await runResampleRange(plan, evaluator, 0, plan.total, draws, drops, {
    signal: options.signal,
    onStep: options.onProgress ? (d) => options.onProgress!(d, plan.total) : undefined,
  });
  const ci = options.ci ?? 'percentile';
  const wantBca = options.bca ?? ci === 'bca';
  const groups = Math.min(n, options.jackknifeGroups ?? 1000);
  const jackknife = wantBca ? jackknifeByCounts(evaluator, groups) : undefined;
  const specs: StatisticSpec[] = names.map((name) => ({ group: 'extra', name }));
  const { entries, ...base } = finalizeBootstrap(specs, original, draws, drops, {
    level: options.level ?? 0.95,
    ci,
    jackknife,
    jackknifeGroups: jackknife ? groups : undefined,
    keepDraws: options.keepDraws,
    seed: plan.seed,
  });
  return { ...base, statistics: entries };
}
