import { CsiError, type CsiWarning } from '../errors.js';
import { resolveSeed } from '../stats/index.js';
import { resampleCounts, type Uint32Source } from './rng.js';
import { countsFromIndices, type ResampleIndices } from './resamples.js';
import { jackknifeAcceleration } from './intervals.js';
import { summarizeColumns } from './summarize.js';
import type { StatisticSpec } from './statistics.js';
import type { BootstrapDropped, BootstrapEntry, BootstrapResultBase, IntervalMethod, ResampleOptions } from './types.js';

/** Why a resample was left out: an error code and a plain-words message. */
export interface DropInfo {
  reason: string;
  message: string;
}

/**
 * What the resampling loop needs from a statistic: n rows, K values per resample, and an evaluation of one resample
 * given its row counts (fills `out`, or returns why the resample is unusable). Internal contract shared by the
 * sequential core and the Node worker runner.
 */
export interface ResampleEvaluator {
  n: number;
  k: number;
  /** Names of the K statistics (for messages). */
  names?: readonly string[];
  /** `counts` is a buffer the loop reuses for every resample: read it during the call, never keep it. */
  evaluate(counts: Uint32Array, out: Float64Array): DropInfo | null;
  /** Jackknife estimates (G × K, NaN rows for failed groups) with row i left out in group i mod G. */
  jackknife?(groups: number): Float64Array;
}

/** Where resample r's row counts come from. */
export interface ResamplePlan {
  n: number;
  total: number;
  seed: number | null;
  indices?: ResampleIndices;
  rng?: (r: number) => Uint32Source;
}

const DEFAULT_RESAMPLES = 5000;

/**
 * Resolve the resample plan of the options: explicit indices, or `resamples` draws under `seed` (random when
 * absent). Throws INVALID_OPTION for a bad count or seed.
 *
 * @example
 * makePlan(250, { resamples: 1000, seed: 123 }) // { n: 250, total: 1000, seed: 123 }
 */
export function makePlan(n: number, options: ResampleOptions): ResamplePlan {
  if (options.indices) {
    if (options.indices.length === 0) throw new CsiError('INVALID_OPTION', 'indices: at least one resample is needed.');
    return { n, total: options.indices.length, seed: null, indices: options.indices };
  }
  const total = options.resamples ?? DEFAULT_RESAMPLES;
  if (!Number.isInteger(total) || total < 2) throw new CsiError('INVALID_OPTION', `resamples must be an integer ≥ 2, got ${total}.`);
  const seed = resolveSeed(options.seed);
  return { n, total, seed, rng: options.rng };
}

/**
 * Row counts of resample r (0-based) of a plan, written into `into` (length n, overwritten) when given — the
 * resampling loops pass one buffer for all their resamples — else into a new array.
 *
 * @example
 * planCounts({ n: 3, total: 1, seed: null, indices: [[0, 0, 2]] }, 0) // Uint32Array [2, 0, 1]
 */
export function planCounts(plan: ResamplePlan, r: number, into?: Uint32Array): Uint32Array {
  if (plan.indices) return countsFromIndices(plan.indices[r], plan.n, r, into);
  // Without an injected generator resampleCounts draws (seed, r)'s stream itself, its state in locals.
  return resampleCounts(plan.n, plan.seed ?? 0, r, plan.rng ? plan.rng(r) : undefined, into);
}

/** Hooks of {@link runResampleRange}. */
export interface RunHooks {
  signal?: AbortSignal;
  /** Called with the number of resamples finished in this range so far. */
  onStep?: (doneInRange: number) => void;
}

const YIELD_MS = 50;

/**
 * The error every bootstrap runner rejects with when its AbortSignal fires.
 *
 * @example
 * abortedError().code // 'ABORTED'
 */
export function abortedError(): CsiError {
  return new CsiError('ABORTED', 'The bootstrap was aborted.');
}

/**
 * Evaluate resample r into `draws` (row `at`·K…`at`·K+K−1, NaN when dropped) and `drops[at]`; `at` defaults to r
 * (a worker passes r − its chunk start). `counts` is the row-count buffer (length n) reused across resamples.
 * A thrown CsiError or a non-finite value drops the resample; ABORTED is rethrown.
 *
 * @example
 * evaluateResample(plan, evaluator, 0, new Float64Array(evaluator.k), draws, drops, new Uint32Array(plan.n))
 */
export function evaluateResample(
  plan: ResamplePlan,
  evaluator: ResampleEvaluator,
  r: number,
  out: Float64Array,
  draws: Float64Array,
  drops: (DropInfo | null)[],
  counts: Uint32Array,
  at = r,
): void {
  let drop: DropInfo | null;
  try {
    drop = evaluator.evaluate(planCounts(plan, r, counts), out);
  } catch (e) {
    drop = dropFromError(e);
  }
  recordDraw(drop, evaluator, out, draws, drops, at);
}

/**
 * Record one evaluated resample at row `at`: the drop (or NON_FINITE when a value of `out` is not finite, see
 * {@link nonFinite}) into `drops[at]`, and `out` into `draws` row `at`·K…`at`·K+K−1 (NaN when dropped).
 *
 * @example
 * recordDraw(null, evaluator, out, draws, drops, 0) // draws row 0 = out, drops[0] = null (if out is finite)
 */
export function recordDraw(
  drop: DropInfo | null,
  evaluator: ResampleEvaluator,
  out: Float64Array,
  draws: Float64Array,
  drops: (DropInfo | null)[],
  at: number,
): void {
  const k = evaluator.k;
  drop ??= nonFinite(evaluator, out);
  drops[at] = drop;
  if (drop) draws.fill(NaN, at * k, at * k + k);
  else draws.set(out, at * k);
}

/**
 * Evaluate resamples [from, to) into `draws` (row r·K…r·K+K−1) and `drops[r]`. Yields to the event loop every
 * ~50 ms (so aborts and progress get through) and rejects with CsiError('ABORTED') when the signal fires.
 *
 * @example
 * await runResampleRange(plan, evaluator, 0, plan.total, draws, drops)
 */
export async function runResampleRange(
  plan: ResamplePlan,
  evaluator: ResampleEvaluator,
  from: number,
  to: number,
  draws: Float64Array,
  drops: (DropInfo | null)[],
  hooks: RunHooks = {},
): Promise<void> {
  const out = new Float64Array(evaluator.k);
  const counts = new Uint32Array(plan.n);
  let last = Date.now();
  for (let r = from; r < to; r++) {
    if (hooks.signal?.aborted) throw abortedError();
    evaluateResample(plan, evaluator, r, out, draws, drops, counts);
    const now = Date.now();
    if (now - last >= YIELD_MS || r === to - 1) {
      hooks.onStep?.(r - from + 1);
      last = now;
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (hooks.signal?.aborted) throw abortedError();
    }
  }
}

/**
 * NON_FINITE drop info when a value of `out` is NaN or infinite (naming the first such statistic), else null.
 *
 * @example
 * nonFinite({ n: 1, k: 1, names: ['x'], evaluate: () => null }, Float64Array.of(NaN)) // { reason: 'NON_FINITE', … }
 */
export function nonFinite(evaluator: ResampleEvaluator, out: Float64Array): DropInfo | null {
  for (let q = 0; q < evaluator.k; q++) {
    if (!Number.isFinite(out[q])) {
      const name = evaluator.names?.[q] ?? `statistic ${q + 1}`;
      return { reason: 'NON_FINITE', message: `${name} is not a finite number (${out[q]})` };
    }
  }
  return null;
}

/**
 * The drop reason of an exception thrown while estimating a resample: its CsiError code and message, else ERROR.
 *
 * @example
 * dropFromError(new CsiError('SINGULAR', 'x')) // { reason: 'SINGULAR', message: 'x' }
 */
export function dropFromError(e: unknown): DropInfo {
  if (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string') {
    const code = (e as { code: string }).code;
    if (code === 'ABORTED') throw e;
    return { reason: code, message: String((e as { message?: unknown }).message ?? code) };
  }
  return { reason: 'ERROR', message: e instanceof Error ? e.message : String(e) };
}

/** Most bytes of draws a run may hold (B × K × 8): 1 GiB, e.g. 1.24 million resamples of mobi's 108 statistics. */
export const MAX_DRAW_BYTES = 2 ** 30;

/**
 * The error for a run whose draws would not fit in {@link MAX_DRAW_BYTES}: the estimate, the cap, and the largest
 * number of resamples that fits — checked before anything is allocated.
 *
 * @example
 * checkDrawMemory(1e7, 108) // throws CsiError INVALID_OPTION: "10,000,000 resamples × 108 statistics would hold 8.6 GB …"
 */
export function checkDrawMemory(total: number, k: number): void {
  const bytes = total * k * 8;
  if (bytes <= MAX_DRAW_BYTES) return;
  const most = Math.max(0, Math.floor(MAX_DRAW_BYTES / (Math.max(1, k) * 8)));
  const gb = (x: number) => `${(x / 1e9).toFixed(1)} GB`;
  throw new CsiError(
    'INVALID_OPTION',
    `${total.toLocaleString('en-US')} resamples × ${k} statistics would hold ${gb(bytes)} of draws (at most ${gb(MAX_DRAW_BYTES)}): ask for at most ${most.toLocaleString('en-US')} resamples.`,
  );
}

/**
 * Storage for a run: the draws (B × K, resample-major) and one drop slot per resample. Refuses (CsiError
 * INVALID_OPTION, see {@link checkDrawMemory}) a run whose draws would exceed {@link MAX_DRAW_BYTES}. `memory`
 * provides the draws' buffer (the Node runner passes a SharedArrayBuffer that its worker threads write into).
 *
 * @example
 * allocate({ n: 250, total: 1000, seed: 1 }, 148).draws.length // 148000
 */
export function allocate(plan: ResamplePlan, k: number, memory?: (bytes: number) => ArrayBufferLike): { draws: Float64Array; drops: (DropInfo | null)[] } {
  checkDrawMemory(plan.total, k);
  const draws = memory ? new Float64Array(memory(plan.total * k * 8)) : new Float64Array(plan.total * k);
  return { draws, drops: new Array<DropInfo | null>(plan.total).fill(null) };
}

/** Doubles of statistic columns {@link finalizeBootstrap} gathers at a time (16 MB). */
const COLUMN_BUFFER = 1 << 21;

/**
 * Columns q0…q1−1 of the usable draws into `out` (column q − q0 at (q − q0)·B, B = ok.length), one pass over the
 * resample-major rows; statistics flagged in `signed` are sign-corrected as they are copied (a draw whose sign
 * differs from a non-zero estimate is negated).
 */
function gatherColumns(
  draws: Float64Array,
  k: number,
  ok: Int32Array,
  q0: number,
  q1: number,
  original: Float64Array,
  signed: Uint8Array | undefined,
  out: Float64Array,
): void {
  const b = ok.length;
  for (let i = 0; i < b; i++) {
    const row = ok[i] * k;
    for (let q = q0, at = i; q < q1; q++, at += b) out[at] = draws[row + q];
  }
  if (!signed) return;
  for (let q = q0; q < q1; q++) {
    if (signed[q] !== 1) continue;
    const est = original[q];
    if (est === 0) continue;
    const sign = Math.sign(est);
    for (let i = (q - q0) * b, end = i + b; i < end; i++) {
      const v = out[i];
      if (Math.sign(v) !== sign) out[i] = -v;
    }
  }
}

/** Options of {@link finalizeBootstrap}. */
export interface FinalizeOptions {
  level: number;
  ci: IntervalMethod;
  /** Apply individual sign correction to these statistics (indices into specs). */
  signed?: Uint8Array;
  /** Jackknife matrix (G × K) for BCa. */
  jackknife?: Float64Array;
  jackknifeGroups?: number;
  keepDraws?: boolean;
  seed: number | null;
}

/**
 * Summaries of every statistic from the draws: drops NaN resamples, applies sign correction, computes mean, SE, t,
 * p, percentile/BC (and BCa with a jackknife) intervals, and reports dropped resamples by reason (with a
 * RESAMPLE_DROPPED warning).
 *
 * @example
 * finalizeBootstrap(specs, original, draws, drops, { level: 0.95, ci: 'percentile', seed: 1 })
 */
export function finalizeBootstrap(
  specs: readonly StatisticSpec[],
  original: Float64Array,
  draws: Float64Array,
  drops: readonly (DropInfo | null)[],
  options: FinalizeOptions,
): BootstrapResultBase & { entries: BootstrapEntry[] } {
  const k = specs.length;
  const total = drops.length;
  const okList = new Int32Array(total);
  let b = 0;
  const byReason = new Map<string, { count: number; resamples: number[]; message: string }>();
  for (let r = 0; r < total; r++) {
    const d = drops[r];
    if (!d) {
      okList[b++] = r;
      continue;
    }
    let g = byReason.get(d.reason);
    if (!g) byReason.set(d.reason, (g = { count: 0, resamples: [], message: d.message }));
    g.count++;
    if (g.resamples.length < 50) g.resamples.push(r + 1);
  }
  const ok = okList.subarray(0, b);
  const dropped: BootstrapDropped = {
    count: total - b,
    reasons: [...byReason].map(([reason, g]) => ({ reason, count: g.count, resamples: g.resamples, message: g.message })),
  };
  const warnings: CsiWarning[] = dropped.reasons.map((g) => ({
    code: 'RESAMPLE_DROPPED',
    count: g.count,
    message: `${g.count} of ${total} resamples were left out (${g.reason}: ${g.message}); the summaries use the other ${b}.`,
  }));
  const entries: BootstrapEntry[] = [];
  const groups = options.jackknife ? options.jackknife.length / k : 0;
  const jk = new Float64Array(groups);
  // Statistics a few at a time: their columns gathered from the resample-major draws in one pass (sign-corrected),
  // then each summarized in place.
  const chunk = Math.max(1, Math.min(k, Math.floor(COLUMN_BUFFER / Math.max(1, b))));
  const columns = new Float64Array(chunk * b);
  for (let q0 = 0; q0 < k; q0 += chunk) {
    const q1 = Math.min(k, q0 + chunk);
    gatherColumns(draws, k, ok, q0, q1, original, options.signed, columns);
    const nq = q1 - q0;
    let accelerations: Float64Array | null = null;
    if (options.jackknife && b > 0) {
      accelerations = new Float64Array(nq);
      for (let q = q0; q < q1; q++) {
        let g = 0;
        for (let i = 0; i < groups; i++) {
          const v = options.jackknife[i * k + q];
          if (Number.isFinite(v)) jk[g++] = v;
        }
        accelerations[q - q0] = jackknifeAcceleration(jk.subarray(0, g));
      }
    }
    const nullValues = new Uint8Array(nq);
    for (let q = q0; q < q1; q++) if (b > 0 && specs[q].group === 'htmt') nullValues[q - q0] = 1;
    const summaries = summarizeColumns(original.subarray(q0, q1), columns, b, options.level, nullValues, accelerations);
    for (let q = q0; q < q1; q++) {
      const s = summaries[q - q0];
      const chosen = options.ci === 'bca' && s.bca ? s.bca : options.ci === 'bc' ? s.bc : s.percentile;
      const spec = specs[q];
      const entry: BootstrapEntry = { name: spec.name, ...s, lower: chosen[0], upper: chosen[1] };
      if (spec.from !== undefined) entry.from = spec.from;
      if (spec.to !== undefined) entry.to = spec.to;
      if (spec.construct !== undefined) entry.construct = spec.construct;
      entries.push(entry);
    }
  }
  if (b < 2) warnings.push({ code: 'RESAMPLE_DROPPED', message: `Only ${b} usable resample(s): standard errors and intervals are undefined.` });
  const result: BootstrapResultBase & { entries: BootstrapEntry[] } = {
    nboot: b,
    requested: total,
    seed: options.seed,
    level: options.level,
    ci: options.ci,
    dropped,
    warnings,
    entries,
  };
  if (options.jackknife) result.jackknifeGroups = options.jackknifeGroups ?? groups;
  if (options.keepDraws) result.draws = draws;
  return result;
}

/**
 * Generic jackknife through counts: group g's estimate uses every row except rows i with i mod G = g (counts 0).
 * O(G · n) evaluations' worth of work; evaluators with a cheaper path (moments minus a group's moments) override it.
 *
 * @example
 * jackknifeByCounts(evaluator, 250) // 250 × K leave-one-out estimates
 */
export function jackknifeByCounts(evaluator: ResampleEvaluator, groups: number): Float64Array {
  const { n, k } = evaluator;
  const out = new Float64Array(groups * k);
  const row = new Float64Array(k);
  const counts = new Uint32Array(n);
  for (let g = 0; g < groups; g++) {
    counts.fill(1);
    for (let i = g; i < n; i += groups) counts[i] = 0;
    let drop: DropInfo | null;
    try {
      drop = evaluator.evaluate(counts, row);
    } catch (e) {
      drop = dropFromError(e);
    }
    if (drop) out.fill(NaN, g * k, g * k + k);
    else out.set(row, g * k);
  }
  return out;
}
