/**
 * `csi estimate --engine … --boot N [--seed S] [--ci percentile|bc] [--row-key COLUMN]`: the Poisson-bootstrap
 * replicates are computed by the engine where the data live (`computeReplicateMoments`: one GROUP BY replicate
 * statement, chunked when large) and summarized by the inference layer (`bootstrapFromReplicates`) into the same
 * `bootstrap` JSON key and text table as the in-memory `--boot`. The CLI only wires the two.
 */
import type { Codebook } from '../data/index.js';
import { CsiError } from '../errors.js';
import { bootstrapFromReplicates } from '../inference/index.js';
import type { ModelSpec } from '../model/index.js';
import type { EstimateOptions } from '../pls/index.js';
import { resolveSeed, type Moments } from '../stats/index.js';
import { attachBootstrap, parseBootstrapFlags, type BootstrapFlagValues } from './bootstrap-flags.js';

/** What the engine needs to draw the replicates. */
export interface EngineBootPlan {
  replicates: number;
  seed: number;
  ci: 'percentile' | 'bc';
  /** The row key column hashed for the Poisson counts. */
  rowKey: string;
}

/**
 * Checks the bootstrap flags for an engine run: null without --boot; INVALID_OPTION for --resamples (explicit row
 * indices need the rows in memory), for --ci bca (no jackknife over rows) and without a row key (--row-key, else
 * the codebook's id column). The seed is resolved here (random when absent) so it can be reported.
 *
 * @example
 * engineBootPlan({ boot: '1000', seed: '7', 'row-key': 'id' }) // { replicates: 1000, seed: 7, ci: 'percentile', rowKey: 'id' }
 */
export function engineBootPlan(flags: BootstrapFlagValues & { 'row-key'?: string }, codebook?: Codebook): EngineBootPlan | null {
  if (flags.resamples !== undefined) throw new CsiError('INVALID_OPTION', '--resamples lists rows of an in-memory file: not available with --engine (use --boot N --seed S).');
  const parsed = parseBootstrapFlags(flags);
  if (!parsed) {
    if (flags['row-key'] !== undefined) throw new CsiError('INVALID_OPTION', '--row-key needs --boot N.');
    return null;
  }
  if (parsed.ci === 'bca') {
    throw new CsiError('INVALID_OPTION', '--ci bca needs a jackknife over the rows, which an engine bootstrap does not compute: use --ci percentile or --ci bc with --engine.');
  }
  const rowKey = flags['row-key'] ?? codebook?.id;
  if (!rowKey) throw new CsiError('INVALID_OPTION', '--boot with --engine needs a row key column that identifies each row (hashed for its Poisson counts): --row-key COLUMN, or a codebook with an id column.');
  return { replicates: parsed.resamples!, seed: resolveSeed(parsed.seed), ci: parsed.ci, rowKey };
}

/**
 * Summarizes the engine's replicate moments (`bootstrapFromReplicates`) and adds them to the JSON document as its
 * `bootstrap` key; returns the text table of the paths.
 *
 * @example
 * const text = addEngineBootstrap(study, full, replicates, model, plan, { scheme: 'path', missing: 'mean' });
 */
export function addEngineBootstrap(json: object, full: Moments, replicates: readonly Moments[], model: ModelSpec, plan: EngineBootPlan, estimateOptions: EstimateOptions): string {
  const boot = bootstrapFromReplicates(full, replicates, model, { seed: plan.seed, ci: plan.ci, estimateOptions });
  return attachBootstrap(json, boot);
}
