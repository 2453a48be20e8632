import { assertSurvey, type Survey } from '../data/index.js';
import type { ModelSpec } from '../model/index.js';
import type { PlsResult } from '../pls/index.js';
import { abortedError, allocate, finalizeBootstrap, makePlan, runResampleRange, type DropInfo, type ResamplePlan } from './engine.js';
import { createPlsJob, type PlsJob } from './pls-job.js';
import type { BootstrapEntry, BootstrapOptions, BootstrapResult, BootstrapResultBase } from './types.js';

/**
 * Bootstrap a PLS path model the way seminr's `bootstrap_model` does, but on moments: resample r draws n rows with
 * replacement (or takes the r-th explicit resample), its moments are one weighted pass with the row counts, and the
 * model is re-estimated from them — missing-value handling included, so mean replacement uses the resample's means
 * as seminr does. Outer weights, loadings, paths, total effects, R², HTMT (and `extraStatistics`) get: estimate,
 * bootstrap mean, SE (SD with B − 1), t = estimate / SE, seminr's bootstrap p and the t(B − 1) p, percentile
 * (R type 7), BC and — with `ci: 'bca'` or `bca: true` — BCa intervals (Efron 1987, jackknife acceleration).
 * Methodology §8.6.
 *
 * Reproducible: resample r depends only on (seed, r) (see `createResampleRng`); explicit resamples (`indices`, e.g.
 * R's from `parseResamples`) replay another program's draws — seminr's 1000 mobi resamples reproduce its bootstrap
 * means, SDs and percentile CIs to ~1e-15. Unlike seminr 2.3.1, whose resamples always use its default missing rule,
 * iteration cap and stop criterion, `estimateOptions` apply to every resample.
 *
 * p values: `p` is seminr's bootstrap p (`parse_boot_array`), 2·min(share of draws ≤ 0, share > 0) — the draws
 * themselves are the reference distribution; `pT` = 2·P(T ≥ |t|) under Student's t with B − 1 df. HTMT is tested
 * against 1, as seminr does. Signs: no correction by default (seminr, cSEM); `signCorrection: 'individual'` flips
 * each weight/loading/path/total-effect draw whose sign differs from the full-data estimate.
 *
 * Degenerate resamples (zero variance, singular blocks or regressions, non-convergence, non-finite values) are
 * dropped, counted by reason in `dropped` and reported as a RESAMPLE_DROPPED warning; never fatal.
 * Sequential and browser-safe; `workers` is ignored here (see `bootstrapParallel` in `csikit/node`).
 *
 * @example
 * const boot = await bootstrap(survey, model, { resamples: 5000, seed: 123 });
 * boot.paths.find((e) => e.from === 'Image' && e.to === 'Satisfaction') // { estimate, mean, se, t, p, lower, upper, … }
 */
export async function bootstrap<R = PlsResult>(survey: Survey, model: ModelSpec, options: BootstrapOptions<R> = {}): Promise<BootstrapResult> {
  if (options.signal?.aborted) throw abortedError();
  assertSurvey(survey, 'bootstrap');
  const job = createPlsJob(survey, model, options);
  const plan = makePlan(survey.n, options);
  const { draws, drops } = allocate(plan, job.evaluator.k);
  await runResampleRange(plan, job.evaluator, 0, plan.total, draws, drops, {
    signal: options.signal,
    onStep: options.onProgress ? (d) => options.onProgress!(d, plan.total) : undefined,
  });
  return completeBootstrap(job, plan, draws, drops, options);
}

/**
 * Finish a PLS bootstrap from its draws: jackknife for BCa when asked, summaries, grouping by statistic family.
 * Shared by {@link bootstrap} and the Node parallel runner.
 *
 * @example
 * const result = completeBootstrap(job, plan, draws, drops, options);
 */
export function completeBootstrap<R>(
  job: PlsJob,
  plan: ResamplePlan,
  draws: Float64Array,
  drops: (DropInfo | null)[],
  options: BootstrapOptions<R>,
): BootstrapResult {
  const ci = options.ci ?? 'percentile';
  const wantBca = options.bca ?? ci === 'bca';
  const groups = Math.min(job.evaluator.n, options.jackknifeGroups ?? 1000);
  const jackknife = wantBca && job.evaluator.jackknife ? job.evaluator.jackknife(groups) : undefined;
  const signCorrection = options.signCorrection ?? 'none';
  const { entries, ...base } = finalizeBootstrap(job.specs, job.original, draws, drops, {
    level: options.level ?? 0.95,
    ci,
    signed: signCorrection === 'individual' ? job.signed : undefined,
    jackknife,
    jackknifeGroups: jackknife ? groups : undefined,
    keepDraws: options.keepDraws,
    seed: plan.seed,
  });
  const own = job.originalResult.warnings.filter((w) => w.code === 'NOT_CONVERGED' || w.code === 'INADMISSIBLE');
  base.warnings = [...own.map((w) => ({ ...w, message: `Full-data estimate: ${w.message}` })), ...base.warnings];
  return groupEntries(base, entries, job, signCorrection);
}

function groupEntries(base: BootstrapResultBase, entries: BootstrapEntry[], job: PlsJob, signCorrection: BootstrapResult['signCorrection']): BootstrapResult {
  const out: BootstrapResult = {
    ...base,
    signCorrection,
    outerWeights: [],
    loadings: [],
    paths: [],
    totalEffects: [],
    rSquared: [],
    htmt: [],
    extra: [],
  };
  entries.forEach((e, q) => out[job.specs[q].group].push(e));
  return out;
}
