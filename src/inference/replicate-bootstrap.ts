import { CsiError } from '../errors.js';
import type { ModelSpec } from '../model/index.js';
import { estimateFromMoments, leanEstimator, type EstimateOptions, type PlsFit, type PlsResult } from '../pls/index.js';
import type { Moments } from '../stats/index.js';
import { dropFromError, finalizeBootstrap, recordDraw, type DropInfo, type ResampleEvaluator } from './engine.js';
import { FATAL_WARNINGS } from './pls-job.js';
import { readNamedStatistics, readStatistics, statisticLayout, type StatisticSpec } from './statistics.js';
import type { BootstrapEntry, BootstrapResult, IntervalMethod, SignCorrection } from './types.js';

/** Options of {@link bootstrapFromReplicates}. */
export interface ReplicateBootstrapOptions {
  /** Estimation options of the full fit and every replicate (scheme, missing, maxIterations, …; weights are in the moments). */
  estimateOptions?: EstimateOptions;
  /**
   * Interval reported as lower/upper: 'percentile' (default) or 'bc'. 'bca' is refused (INVALID_OPTION): its
   * acceleration needs a jackknife over rows, which replicate moments alone cannot give.
   */
  ci?: IntervalMethod;
  /** Confidence level. Default 0.95. */
  level?: number;
  /** The seed the replicates were drawn with (reported as `seed`); null when unknown. */
  seed?: number | null;
  /** As `bootstrap`: 'none' (default) or 'individual'. */
  signCorrection?: SignCorrection;
  /** Bootstrap HTMT too. Default true. */
  htmt?: boolean;
  /** Drop replicates whose iteration did not converge. Default true (as `bootstrap`). */
  dropNonConverged?: boolean;
  /** Keep the R × K matrix of draws in the result. Default false. */
  keepDraws?: boolean;
}

/**
 * The bootstrap summary of a model from replicate moments — e.g. the Poisson-bootstrap replicates an engine computed
 * where the data live (`computeReplicateMoments`) — with exactly the summaries and result shape of the in-memory
 * {@link bootstrap}: each replicate is estimated from its moments (the lean estimator when it applies), degenerate
 * replicates are dropped by reason, and every statistic gets estimate, mean, SE, t, p, pT, percentile and BC
 * intervals (`finalizeBootstrap`). `requested` is the number of replicates; `seed` is the given one.
 * No BCa: the acceleration needs a jackknife over rows (INVALID_OPTION when `ci: 'bca'`).
 *
 * @example
 * const { full, replicates, seed } = await duckdbPoissonBootstrap({ file: 'big.parquet', items, rowKey: 'id', replicates: 1000 });
 * const boot = bootstrapFromReplicates(full.moments, replicates, model, { seed, estimateOptions: { missing: 'mean' } });
 * boot.paths[0] // { from, to, estimate, mean, se, t, p, lower, upper, … }
 */
export function bootstrapFromReplicates(full: Moments, replicates: readonly Moments[], model: ModelSpec, options: ReplicateBootstrapOptions = {}): BootstrapResult {
  const ci = options.ci ?? 'percentile';
  if (ci === 'bca') throw new CsiError('INVALID_OPTION', 'BCa intervals need a jackknife over rows, which replicate moments cannot give: use ci percentile or bc.');
  if (ci !== 'percentile' && ci !== 'bc') throw new CsiError('INVALID_OPTION', `ci must be percentile or bc (got ${String(ci)}).`);
  if (replicates.length === 0) throw new CsiError('INVALID_OPTION', 'At least one replicate is needed.');
  const estOptions: EstimateOptions = { ...(options.estimateOptions ?? {}), scores: false };
  const originalResult = estimateFromMoments(full, model, estOptions);
  const layout = statisticLayout(originalResult, { htmt: options.htmt });
  const lean0 = layout.direct ? leanEstimator(model, estOptions) : null;
  // The lean form reads the moments by position: use it only when they hold its items in its order.
  const lean = lean0 && sameNames(lean0.items, full.items) ? lean0 : null;
  const specs: StatisticSpec[] = layout.specs;
  const k = specs.length;
  const dropNonConverged = options.dropNonConverged !== false;

  const fill = (fit: PlsFit, res: PlsResult | null, out: Float64Array): DropInfo | null => {
    if (!fit.converged && dropNonConverged) return { reason: 'NOT_CONVERGED', message: `the PLS iteration did not converge in ${fit.iterations} iterations` };
    const bad = (res ? [...fit.warnings, ...res.warnings] : fit.warnings).find((w) => FATAL_WARNINGS.has(w.code) && (w.code !== 'NOT_CONVERGED' || dropNonConverged));
    if (bad) return { reason: bad.code, message: bad.message };
    if (res) readNamedStatistics(res, layout, out);
    else readStatistics(fit, layout, out);
    return null;
  };
  const evaluate = (mo: Moments, out: Float64Array): DropInfo | null => {
    if (lean) return fill(lean.fitShared(mo), null, out); // read before the next fit overwrites it
    const res = estimateFromMoments(mo, model, estOptions);
    return fill(res.fit, res, out);
  };
  const names: ResampleEvaluator = { n: full.n, k, names: specs.map((s) => `${s.group} ${s.name}`), evaluate: () => null };

  const original = new Float64Array(k);
  if (lean) readStatistics(originalResult.fit, layout, original);
  else readNamedStatistics(originalResult, layout, original);
  const total = replicates.length;
  const draws = new Float64Array(total * k);
  const drops: (DropInfo | null)[] = new Array<DropInfo | null>(total).fill(null);
  const out = new Float64Array(k);
  for (let r = 0; r < total; r++) {
    let drop: DropInfo | null;
    try {
      drop = replicates[r].n > 0 ? evaluate(replicates[r], out) : { reason: 'EMPTY', message: 'the replicate drew no rows' };
    } catch (e) {
      drop = dropFromError(e);
    }
    recordDraw(drop, names, out, draws, drops, r);
  }
  const signCorrection = options.signCorrection ?? 'none';
  const signed = new Uint8Array(k);
  specs.forEach((s, q) => {
    if (s.group === 'outerWeights' || s.group === 'loadings' || s.group === 'paths' || s.group === 'totalEffects') signed[q] = 1;
  });
  const { entries, ...base } = finalizeBootstrap(specs, original, draws, drops, {
    level: options.level ?? 0.95,
    ci,
    signed: signCorrection === 'individual' ? signed : undefined,
    keepDraws: options.keepDraws,
    seed: options.seed ?? null,
  });
  const own = originalResult.warnings.filter((w) => w.code === 'NOT_CONVERGED' || w.code === 'INADMISSIBLE');
  base.warnings = [...own.map((w) => ({ ...w, message: `Full-data estimate: ${w.message}` })), ...base.warnings];
  const result: BootstrapResult = { ...base, signCorrection, outerWeights: [], loadings: [], paths: [], totalEffects: [], rSquared: [], htmt: [], extra: [] };
  entries.forEach((e: BootstrapEntry, q) => result[specs[q].group].push(e));
  return result;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
