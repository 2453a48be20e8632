/**
 * Node-only parallel bootstrap runner: the same resamples as the browser-safe `bootstrap`, spread over
 * worker_threads when the job is long enough to pay. Each resample depends only on (seed, r), so the result is
 * identical for any number of workers and any chunking.
 *
 * The worker runs this very module (its URL is `import.meta.url`): when loaded in a worker with csikit's worker
 * data, the module's top-level code starts the worker loop. That way the bundled `csikit/node` needs no separate
 * worker file. From TypeScript sources (tests, tsx) the worker registers tsx's loader first (resolved from the cwd).
 * In the CommonJS build there is no `import.meta.url`: the runner then stays in the calling thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CsiError, isCsiError, type CsiErrorCode } from '../../errors.js';
import type { Survey } from '../../data/index.js';
import type { ModelSpec } from '../../model/index.js';
import type { PlsResult } from '../../pls/index.js';
import { completeBootstrap } from '../bootstrap.js';
import { abortedError, allocate, evaluateResample, makePlan, runResampleRange, type DropInfo, type ResamplePlan } from '../engine.js';
import { createPlsJob } from '../pls-job.js';
import type { BootstrapOptions, BootstrapResult } from '../types.js';

/** Options of {@link bootstrapParallel}: those of `bootstrap`, plus how to go parallel. */
export interface ParallelBootstrapOptions<R = PlsResult> extends BootstrapOptions<R> {
  /**
   * Threads that compute resamples, the calling thread included (see `mainThread`). Default: available cores.
   * 1 = sequential.
   */
  workers?: number;
  /**
   * Start worker threads only when the work left after a short probe is estimated above this many milliseconds.
   * Default 2000: a worker needs 0.3–0.6 s of CPU to load the library, so on 2 cores a ~1 s job (mobi, 5000
   * resamples) is fastest in the calling thread alone (measured 0.90 s vs 1.15 s), a 39 s one gains 1.9×.
   * 0 always starts them.
   */
  minParallelMs?: number;
  /** Length of the sequential probe in milliseconds. Default 30. */
  probeMs?: number;
  /**
   * The calling thread computes resamples too while workers start and run (work is shared through one chunk queue,
   * so nothing waits for a worker to boot). Default true. With false, `workers` worker threads do all the work.
   */
  mainThread?: boolean;
  /** Resamples per chunk handed to a thread. Default: about 25 ms of work (at least 4). */
  chunkSize?: number;
  /**
   * Hand out work to workers only once all of them have started (the calling thread, if it computes, does not
   * wait). For benchmarks and tests of the split; default false (a ready worker starts at once).
   */
  waitForAllWorkers?: boolean;
  /**
   * Module the worker threads load: one that includes this runner with no other top-level effects (the library's
   * `csikit/node` bundle, or the worker-only `bootstrap-worker.js` next to it). Default {@link defaultWorkerUrl}; a
   * bundled application whose entry has top-level effects (a CLI) must point at the library. null = no workers.
   */
  workerUrl?: URL | null;
}

/** Marker in workerData that makes this module run as a bootstrap worker. */
const WORKER_TAG = '__csikitBootstrapWorker';

/** What a worker needs to rebuild the job: plain, structured-cloneable data only. */
interface WorkerInit {
  [WORKER_TAG]: true;
  survey: Survey;
  model: ModelSpec;
  options: BootstrapOptions;
  plan: ResamplePlan;
}

type ToWorker = { type: 'chunk'; from: number; to: number } | { type: 'stop' };
type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; from: number; to: number; draws: Float64Array; drops: [number, string, string][] }
  | { type: 'error'; code?: string; message: string };

/** The structured-cloneable part of the options (functions and signals stay in the main thread). */
function cloneableOptions<R>(options: ParallelBootstrapOptions<R>): BootstrapOptions {
  const { signal: _s, onProgress: _p, rng: _r, extraStatistics: _e, indices: _i, workerUrl: _w, ...rest } = options as ParallelBootstrapOptions<R>;
  return rest as BootstrapOptions;
}

function selfUrl(): URL | null {
  try {
    const u = import.meta.url;
    return u ? new URL(u) : null;
  } catch {
    return null;
  }
}

/** File name of the optional worker-only bundle next to the library bundle (loads in ~0.1 s instead of ~0.3 s). */
export const BOOTSTRAP_WORKER_FILE = 'bootstrap-worker.js';

/**
 * The module workers load by default: a worker-only bundle `bootstrap-worker.js` next to this module when the build
 * ships one (this module alone, without the data loaders and their schema library), else this module itself.
 *
 * @example
 * defaultWorkerUrl()?.pathname // '/…/dist/bootstrap-worker.js' or '/…/dist/node.js'
 */
export function defaultWorkerUrl(): URL | null {
  const self = selfUrl();
  if (!self || self.protocol !== 'file:' || self.pathname.endsWith('.ts')) return self;
  const lean = new URL(`./${BOOTSTRAP_WORKER_FILE}`, self);
  try {
    if (existsSync(fileURLToPath(lean))) return lean;
  } catch {
    // not a file URL we can check: use this module
  }
  return self;
}

/**
 * Bootstrap in parallel on Node worker_threads (see `bootstrap` for the statistics, intervals and options).
 *
 * A short sequential probe estimates the cost. When the rest would take less than `minParallelMs`, with
 * `workers: 1`, `extraStatistics` or an injected `rng` (functions cannot cross threads), it finishes sequentially.
 * Otherwise it starts worker threads and, while they load, keeps computing in the calling thread: all threads take
 * chunks of resamples from one queue, so a slow worker start costs nothing but its CPU time. Results are identical
 * whatever the number of threads or the chunking: resample r depends only on (seed, r). `workersUsed` in the
 * result counts the worker threads that computed at least one chunk.
 *
 * @example
 * import { bootstrapParallel } from 'csikit/node';
 * const boot = await bootstrapParallel(survey, model, { resamples: 5000, seed: 1, workers: 2 });
 */
export async function bootstrapParallel<R = PlsResult>(
  survey: Survey,
  model: ModelSpec,
  options: ParallelBootstrapOptions<R> = {},
): Promise<BootstrapResult> {
  if (options.signal?.aborted) throw abortedError();
  const job = createPlsJob(survey, model, options);
  const plan = makePlan(survey.n, options);
  const { draws, drops } = allocate(plan, job.evaluator.k);
  const total = plan.total;
  const report = (done: number): void => options.onProgress?.(done, total);

  // Sequential probe.
  const probeMs = options.probeMs ?? 30;
  const t0 = performance.now();
  let done = 0;
  const out = new Float64Array(job.evaluator.k);
  const counts = new Uint32Array(plan.n);
  while (done < total && performance.now() - t0 < probeMs) {
    if (options.signal?.aborted) throw abortedError();
    evaluateResample(plan, job.evaluator, done, out, draws, drops, counts);
    done++;
  }
  if (done > 0) report(done);
  const perResample = (performance.now() - t0) / Math.max(done, 1);
  const remainingMs = perResample * (total - done);
  const threads = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const mainThread = options.mainThread !== false;
  const nWorkers = mainThread ? threads - 1 : threads;
  const url = options.workerUrl === undefined ? defaultWorkerUrl() : options.workerUrl;
  let used = 0;
  const canParallel = nWorkers > 0 && !options.extraStatistics && !options.rng && url !== null;
  if (done < total) {
    if (!canParallel || remainingMs < (options.minParallelMs ?? 2000)) {
      await runResampleRange(plan, job.evaluator, done, total, draws, drops, {
        signal: options.signal,
        onStep: (d) => report(done + d),
      });
    } else {
      used = await runShared(url, survey, model, options, plan, done, nWorkers, mainThread, perResample, draws, drops, job.evaluator, report);
    }
  }
  const result = completeBootstrap(job, plan, draws, drops, options);
  if (used > 0) result.workersUsed = used;
  return result;
}

async function runShared<R>(
  url: URL,
  survey: Survey,
  model: ModelSpec,
  options: ParallelBootstrapOptions<R>,
  plan: ResamplePlan,
  start: number,
  nWorkers: number,
  mainThread: boolean,
  perResampleMs: number,
  draws: Float64Array,
  drops: (DropInfo | null)[],
  evaluator: ReturnType<typeof createPlsJob>['evaluator'],
  report: (done: number) => void,
): Promise<number> {
  const k = evaluator.k;
  const total = plan.total;
  // chunks of ~25 ms of work (at least 4 resamples): balanced, and the calling thread yields often enough
  const chunk =
    options.chunkSize !== undefined && options.chunkSize >= 1
      ? Math.floor(options.chunkSize)
      : Math.max(4, Math.min(Math.ceil((total - start) / ((nWorkers + 1) * 4)), Math.ceil(25 / Math.max(perResampleMs, 1e-3))));
  let next = start;
  let finished = start;
  const init: WorkerInit = {
    [WORKER_TAG]: true,
    survey,
    model,
    options: cloneableOptions(options),
    plan: { n: plan.n, total: plan.total, seed: plan.seed, ...(plan.indices ? { indices: plan.indices } : {}) },
  };
  // From TypeScript sources (tests, tsx), register tsx's loader in the worker first (resolved from the cwd).
  const fromSource = url.pathname.endsWith('.ts');
  const spawn = (): Worker =>
    fromSource
      ? new Worker(
          `import(require('node:url').pathToFileURL(require('node:path').join(require('node:path').dirname(` +
            `require.resolve('tsx/package.json', { paths: [process.cwd()] })), 'dist/esm/api/index.mjs')).href)` +
            `.then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`,
          { eval: true, workerData: init },
        )
      : new Worker(url, { workerData: init });
  const pool: Worker[] = [];
  const spawned: Worker[] = [];
  const busy = new Set<Worker>();
  const readySet = new Set<Worker>();
  let released = false;
  const releaseIfAllReady = (): void => {
    if (released || !pool.every((x) => readySet.has(x))) return;
    released = true;
    for (const x of pool) assign(x);
  };
  const contributed = new Set<Worker>();
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const poke = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const fail = (e: unknown): void => {
    failure ??= e;
    poke();
  };
  const onAbort = (): void => fail(abortedError());
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const assign = (w: Worker): void => {
    if (failure !== null || next >= total) return;
    const from = next;
    const to = Math.min(total, from + chunk);
    next = to;
    busy.add(w);
    w.postMessage({ type: 'chunk', from, to } satisfies ToWorker);
  };
  try {
    for (let i = 0; i < nWorkers; i++) {
      const w = spawn();
      pool.push(w);
      spawned.push(w);
      w.on('message', (msg: FromWorker) => {
        if (msg.type === 'ready') {
          readySet.add(w);
          if (!options.waitForAllWorkers) assign(w);
          else releaseIfAllReady();
        }
        else if (msg.type === 'result') {
          busy.delete(w);
          contributed.add(w);
          draws.set(msg.draws, msg.from * k);
          for (const [r, reason, message] of msg.drops) drops[r] = { reason, message };
          finished += msg.to - msg.from;
          report(finished);
          assign(w);
          poke();
        } else if (msg.type === 'error') {
          fail(new CsiError((msg.code as CsiErrorCode) ?? 'ENGINE', msg.message));
        }
      });
      // A worker that dies while holding a chunk fails the run; one that never starts (e.g. no loader for the
      // sources) is only fatal when no other thread can do the work.
      const lost = (e: unknown): void => {
        if (!pool.includes(w)) return;
        pool.splice(pool.indexOf(w), 1);
        if (busy.has(w) || (!mainThread && pool.length === 0)) {
          fail(isCsiError(e) ? e : new CsiError('ENGINE', `A bootstrap worker failed: ${e instanceof Error ? e.message : String(e)}`));
        }
        else if (options.waitForAllWorkers) releaseIfAllReady();
        poke();
      };
      w.on('error', lost);
      w.on('exit', (code) => {
        if (failure === null && code !== 0) lost(new CsiError('ENGINE', `A bootstrap worker exited with code ${code}.`));
      });
    }
    const out = new Float64Array(k);
    const counts = new Uint32Array(plan.n);
    const yieldNow = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
    while (failure === null && (finished < total)) {
      if (mainThread && next < total) {
        const from = next;
        const to = Math.min(total, from + chunk);
        next = to;
        for (let r = from; r < to; r++) evaluateResample(plan, evaluator, r, out, draws, drops, counts);
        finished += to - from;
        report(finished);
        await yieldNow(); // let worker messages in
      } else {
        // wait for workers to finish what they hold
        await new Promise<void>((resolve) => {
          wake = resolve;
          if (failure !== null || finished >= total) poke();
        });
      }
    }
    if (failure !== null) throw failure;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await Promise.all(spawned.map((w) => w.terminate()));
  }
  return contributed.size;
}

/** Worker side: rebuild the job, then evaluate the chunks the main thread sends. */
function workerMain(init: WorkerInit): void {
  const port = parentPort!;
  let job: ReturnType<typeof createPlsJob>;
  try {
    job = createPlsJob(init.survey, init.model, init.options);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    port.postMessage({ type: 'error', code: err.code, message: String(err.message ?? e) } satisfies FromWorker);
    return;
  }
  const k = job.evaluator.k;
  const out = new Float64Array(k);
  const counts = new Uint32Array(init.plan.n);
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'stop') {
      port.close();
      return;
    }
    const n = msg.to - msg.from;
    const draws = new Float64Array(n * k);
    const dropList: [number, string, string][] = [];
    const local: (DropInfo | null)[] = new Array(n).fill(null);
    try {
      for (let r = msg.from; r < msg.to; r++) evaluateResample(init.plan, job.evaluator, r, out, draws, local, counts, r - msg.from);
    } catch (e) {
      const err = e as { code?: string; message?: string };
      port.postMessage({ type: 'error', code: err.code, message: String(err.message ?? e) } satisfies FromWorker);
      return;
    }
    for (let i = 0; i < n; i++) {
      const d = local[i];
      if (d) dropList.push([msg.from + i, d.reason, d.message]);
    }
    port.postMessage({ type: 'result', from: msg.from, to: msg.to, draws, drops: dropList } satisfies FromWorker, [draws.buffer]);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

if (!isMainThread && (workerData as Partial<WorkerInit> | null)?.[WORKER_TAG] === true) {
  workerMain(workerData as WorkerInit);
}
