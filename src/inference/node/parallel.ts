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
import { abortedError, allocate, evaluateResample, makePlan, runResampleRange, type DropInfo, type ResampleEvaluator, type ResamplePlan } from '../engine.js';
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
   * Default {@link DEFAULT_MIN_PARALLEL_MS}. 0 always starts them.
   */
  minParallelMs?: number;
  /**
   * Length of each slice of the sequential probe in milliseconds (the rest of the job is estimated after each slice,
   * until it is short or the rate has settled). Default 30. 0: no probe (then only `minParallelMs: 0` starts workers).
   */
  probeMs?: number;
  /**
   * The calling thread computes resamples too while workers start and run (work is shared through one atomic counter,
   * so nothing waits for a worker to boot). Default true. With false, `workers` worker threads do all the work.
   */
  mainThread?: boolean;
  /** Resamples a thread claims at a time from the shared counter. Default 1 (a claim costs ~0.1 µs). */
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

/**
 * Default `minParallelMs`: 700 ms, from a measurement (bench/bootstrap.bench.ts, rows "worker cost"): on the 2-core
 * machine a worker thread's start and module load took 82–92 ms, and with the job's set-up and V8's warm-up it
 * finished a mobi run 0.30–0.38 s later than a warm thread would have (its "start-up loss" T; load average ~6).
 * Threads claim resamples from one counter and the calling thread finishes whatever a worker still holds, so a
 * worker never makes the run wait; it pays when the rest of the job R gives it more to do than it loses:
 * (R − T)/2 saved against ~T/3 taken from the calling thread while its compiler threads run, i.e. R > ~1.7·T ≈ 0.6 s.
 */
export const DEFAULT_MIN_PARALLEL_MS = 700;

/**
 * Probing time before the runner concludes that workers pay: about a worker's own warm-up (see
 * {@link DEFAULT_MIN_PARALLEL_MS}), after which the calling thread's rate is close to its warm rate.
 */
const SETTLE_MS = 300;

/** Marker in workerData that makes this module run as a bootstrap worker. */
const WORKER_TAG = '__csikitBootstrapWorker';

/** Slots of the shared control array. */
const NEXT = 0; // next resample index to claim (relative to the shared range's start)
const DONE = 1; // resamples finished (first finisher of each counts it)
const STOP = 2; // 1: stop claiming (abort, failure or end)
const GO = 3; // 1: workers may claim (set at once, or when all have started with waitForAllWorkers)
const CONTROL_SLOTS = 4;

/**
 * The memory all threads share for one run (SharedArrayBuffers): resamples start…total−1 are claimed one batch at
 * a time with an atomic counter; each thread writes its draws straight into `draws` and marks the resample in
 * `status` (1 = usable, 2 = dropped; the first finisher wins, later ones wrote the same bits). `perWorker[w]`
 * counts the resamples worker w finished.
 */
interface SharedRun {
  start: number;
  batch: number;
  control: Int32Array;
  status: Uint8Array;
  draws: Float64Array;
  perWorker: Int32Array;
}

/** What a worker needs to rebuild the job: plain, structured-cloneable data only. */
interface WorkerInit {
  [WORKER_TAG]: true;
  survey: Survey;
  model: ModelSpec;
  options: BootstrapOptions;
  plan: ResamplePlan;
  shared: SharedRun;
  index: number;
}

type FromWorker = { type: 'ready' } | { type: 'tick' } | { type: 'error'; code?: string; message: string };

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
 * A sequential probe estimates the cost (slice by slice, until the estimate is short or the rate has settled in a
 * cold process). When the rest would take less than `minParallelMs`, with
 * `workers: 1`, `extraStatistics` or an injected `rng` (functions cannot cross threads), it finishes sequentially.
 * Otherwise it starts worker threads and, while they load, keeps computing in the calling thread: all threads take
 * resamples from one atomic counter and write their draws into shared memory; when none is left to claim, the calling
 * thread also computes those a worker holds but has not finished (a worker still loading or compiling), so the run
 * never waits for a slow worker: it costs nothing but its CPU time. Results are identical whatever the number of
 * threads or who finishes a resample first: resample r depends only on (seed, r). `workersUsed` in the result
 * counts the worker threads that finished at least one resample.
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
  // the draws live in shared memory: worker threads write their resamples' rows straight into them
  const { draws, drops } = allocate(plan, job.evaluator.k, (bytes) => new SharedArrayBuffer(bytes));
  const total = plan.total;
  const report = (done: number): void => options.onProgress?.(done, total);

  const threads = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const mainThread = options.mainThread !== false;
  const nWorkers = mainThread ? threads - 1 : threads;
  const url = options.workerUrl === undefined ? defaultWorkerUrl() : options.workerUrl;
  const canParallel = nWorkers > 0 && !options.extraStatistics && !options.rng && url !== null;
  const minMs = options.minParallelMs ?? DEFAULT_MIN_PARALLEL_MS;

  // Sequential probe, in slices of probeMs: after each slice the rest of the job is estimated from that slice's
  // rate. The rates of a cold process fall for a while (V8 compiles the code as it runs: mobi's first resamples in a
  // fresh `csi` process ran at 1.5–3.7 ms, warm ones at ~0.07 ms), so "the rest is short" is decided at once (an
  // overestimate that is still short is short), "parallel pays" only after SETTLE_MS of probing.
  const probeMs = options.probeMs ?? 30;
  const out = new Float64Array(job.evaluator.k);
  const counts = new Uint32Array(plan.n);
  let done = 0;
  let parallel = canParallel && minMs <= 0;
  if (canParallel && !parallel && probeMs > 0) {
    // rates in CPU time of this process (load from other processes does not inflate them; V8's compiler and GC
    // threads, which a worker would compete with, do count)
    const cpuMs = (): number => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const t0 = performance.now();
    let sliceStart = t0;
    let sliceCpu = cpuMs();
    let sliceFrom = 0;
    while (done < total) {
      if (options.signal?.aborted) throw abortedError();
      evaluateResample(plan, job.evaluator, done, out, draws, drops, counts);
      done++;
      const now = performance.now();
      if (now - sliceStart < probeMs) continue;
      const cpu = cpuMs();
      const rate = (cpu - sliceCpu) / (done - sliceFrom);
      if (rate * (total - done) < minMs) break; // short: finish here
      if (now - t0 >= SETTLE_MS) {
        parallel = true;
        break;
      }
      report(done);
      await new Promise<void>((resolve) => setImmediate(resolve)); // let an abort in
      sliceStart = performance.now();
      sliceCpu = cpuMs();
      sliceFrom = done;
    }
  }
  if (done > 0) report(done);
  let used = 0;
  if (done < total) {
    if (!parallel) {
      await runResampleRange(plan, job.evaluator, done, total, draws, drops, {
        signal: options.signal,
        onStep: (d) => report(done + d),
      });
    } else {
      used = await runShared(url!, survey, model, options, plan, done, nWorkers, mainThread, draws, drops, job.evaluator, report);
    }
  }
  const result = completeBootstrap(job, plan, draws, drops, options);
  if (result.draws) result.draws = new Float64Array(result.draws); // kept draws: a plain (unshared) copy
  if (used > 0) result.workersUsed = used;
  return result;
}

/**
 * Evaluate resample `start + j` into the shared draws and mark it finished (status 1 usable, 2 dropped) unless
 * another thread finished it first; returns its drop info. `out` and `one` are scratch buffers of length K and 1.
 */
function evaluateShared(
  plan: ResamplePlan,
  evaluator: ResampleEvaluator,
  run: SharedRun,
  j: number,
  out: Float64Array,
  row: Float64Array,
  one: (DropInfo | null)[],
  counts: Uint32Array,
): { drop: DropInfo | null; first: boolean } {
  const k = evaluator.k;
  evaluateResample(plan, evaluator, run.start + j, out, row, one, counts, 0);
  const drop = one[0];
  run.draws.set(row, j * k);
  // Atomics order the plain writes above before the status a reader loads with Atomics
  const first = Atomics.compareExchange(run.status, j, 0, drop ? 2 : 1) === 0;
  if (first) Atomics.add(run.control, DONE, 1);
  return { drop, first };
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
  draws: Float64Array,
  drops: (DropInfo | null)[],
  evaluator: ResampleEvaluator,
  report: (done: number) => void,
): Promise<number> {
  const k = evaluator.k;
  const total = plan.total;
  const left = total - start;
  const run: SharedRun = {
    start,
    batch: options.chunkSize !== undefined && options.chunkSize >= 1 ? Math.floor(options.chunkSize) : 1,
    control: new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4)),
    status: new Uint8Array(new SharedArrayBuffer(left)),
    draws: draws.subarray(start * k),
    perWorker: new Int32Array(new SharedArrayBuffer(nWorkers * 4)),
  };
  if (!options.waitForAllWorkers) Atomics.store(run.control, GO, 1);
  const cloneable = cloneableOptions(options);
  const planData: ResamplePlan = { n: plan.n, total: plan.total, seed: plan.seed, ...(plan.indices ? { indices: plan.indices } : {}) };
  // From TypeScript sources (tests, tsx), register tsx's loader in the worker first (resolved from the cwd).
  const fromSource = url.pathname.endsWith('.ts');
  const spawn = (index: number): Worker => {
    const init: WorkerInit = { [WORKER_TAG]: true, survey, model, options: cloneable, plan: planData, shared: run, index };
    return fromSource
      ? new Worker(
          `import(require('node:url').pathToFileURL(require('node:path').join(require('node:path').dirname(` +
            `require.resolve('tsx/package.json', { paths: [process.cwd()] })), 'dist/esm/api/index.mjs')).href)` +
            `.then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`,
          { eval: true, workerData: init },
        )
      : new Worker(url, { workerData: init });
  };
  const pool: Worker[] = [];
  const spawned: Worker[] = [];
  const readySet = new Set<Worker>();
  let failure: unknown = null;
  let lostCount = 0;
  let wake: (() => void) | null = null;
  const poke = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const fail = (e: unknown): void => {
    failure ??= e;
    Atomics.store(run.control, STOP, 1);
    poke();
  };
  const releaseIfAllReady = (): void => {
    if (Atomics.load(run.control, GO) === 1 || !pool.every((x) => readySet.has(x))) return;
    Atomics.store(run.control, GO, 1);
    Atomics.notify(run.control, GO);
  };
  const onAbort = (): void => fail(abortedError());
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const doneCount = (): number => start + Atomics.load(run.control, DONE);
  try {
    for (let i = 0; i < nWorkers; i++) {
      const w = spawn(i);
      pool.push(w);
      spawned.push(w);
      w.on('message', (msg: FromWorker) => {
        if (msg.type === 'ready') {
          readySet.add(w);
          releaseIfAllReady();
        } else if (msg.type === 'tick') {
          report(doneCount());
          poke();
        } else if (msg.type === 'error') {
          lost(new CsiError((msg.code as CsiErrorCode) ?? 'ENGINE', msg.message));
        }
      });
      // A worker that fails or never starts (e.g. no loader for the sources) costs nothing but its CPU time: what it
      // claimed and did not finish is taken over below. Only with no thread left to compute does the run fail.
      const lost = (e: unknown): void => {
        if (!pool.includes(w)) return;
        pool.splice(pool.indexOf(w), 1);
        lostCount++;
        if (!mainThread && pool.length === 0 && Atomics.load(run.control, DONE) < left) {
          fail(isCsiError(e) ? e : new CsiError('ENGINE', `A bootstrap worker failed: ${e instanceof Error ? e.message : String(e)}`));
        } else releaseIfAllReady();
        poke();
      };
      w.on('error', lost);
      w.on('exit', (code) => {
        if (failure === null && code !== 0) lost(new CsiError('ENGINE', `A bootstrap worker exited with code ${code}.`));
      });
    }
    const out = new Float64Array(k);
    const row = new Float64Array(k);
    const one: (DropInfo | null)[] = [null];
    const counts = new Uint32Array(plan.n);
    const yieldNow = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
    const own = (j: number): void => {
      const { drop } = evaluateShared(plan, evaluator, run, j, out, row, one, counts);
      drops[start + j] = drop;
    };
    let last = performance.now();
    const maybeYield = async (): Promise<void> => {
      if (performance.now() - last < 25) return;
      report(doneCount());
      await yieldNow(); // let worker messages and aborts in
      last = performance.now();
    };
    if (mainThread) {
      // claim resamples like any worker; then take over whatever is claimed but unfinished (a worker still starting
      // or compiling): the same resample computed twice gives the same bits, the first finisher counts
      while (failure === null) {
        const j0 = Atomics.add(run.control, NEXT, run.batch);
        if (j0 >= left) break;
        for (let j = j0; j < Math.min(left, j0 + run.batch); j++) own(j);
        await maybeYield();
      }
      for (let j = left - 1; j >= 0 && failure === null; j--) {
        if (Atomics.load(run.status, j) === 0) own(j);
        await maybeYield();
      }
    } else {
      while (failure === null && Atomics.load(run.control, DONE) < left) {
        if (lostCount > 0 && Atomics.load(run.control, NEXT) >= left) {
          // a worker was lost holding claimed resamples: finish them here
          for (let j = left - 1; j >= 0 && failure === null; j--) if (Atomics.load(run.status, j) === 0) own(j);
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(poke, 50); // ticks also wake us; this bounds the wait for the last one
        });
      }
    }
    if (failure !== null) throw failure;
    Atomics.store(run.control, STOP, 1);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    Atomics.store(run.control, STOP, 1);
    await Promise.all(spawned.map((w) => w.terminate()));
  }
  // Dropped resamples finished by a worker: their reason is recomputed here (the same resample, the same reason).
  const out = new Float64Array(k);
  const row = new Float64Array(k);
  const one: (DropInfo | null)[] = [null];
  const counts = new Uint32Array(plan.n);
  for (let j = 0; j < left; j++) {
    if (run.status[j] === 2 && !drops[start + j]) {
      evaluateResample(plan, evaluator, start + j, out, row, one, counts, 0);
      drops[start + j] = one[0] ?? { reason: 'ERROR', message: 'the resample failed in a worker thread' };
    } else if (run.status[j] === 1) drops[start + j] = null;
  }
  report(total);
  let used = 0;
  for (let i = 0; i < nWorkers; i++) if (run.perWorker[i] > 0) used++;
  return used;
}

/** Worker side: rebuild the job, then claim and evaluate resamples until none is left. */
function workerMain(init: WorkerInit): void {
  const port = parentPort!;
  const run = init.shared;
  let job: ReturnType<typeof createPlsJob>;
  try {
    job = createPlsJob(init.survey, init.model, init.options);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    port.postMessage({ type: 'error', code: err.code, message: String(err.message ?? e) } satisfies FromWorker);
    return;
  }
  port.postMessage({ type: 'ready' } satisfies FromWorker);
  const { control, status } = run;
  // wait (in slices, so a stop is seen) until the calling thread lets workers claim
  while (Atomics.load(control, GO) === 0 && Atomics.load(control, STOP) === 0) Atomics.wait(control, GO, 0, 20);
  const k = job.evaluator.k;
  const out = new Float64Array(k);
  const row = new Float64Array(k);
  const one: (DropInfo | null)[] = [null];
  const counts = new Uint32Array(init.plan.n);
  const left = status.length;
  let last = performance.now();
  try {
    while (Atomics.load(control, STOP) === 0) {
      const j0 = Atomics.add(control, NEXT, run.batch);
      if (j0 >= left) break;
      for (let j = j0; j < Math.min(left, j0 + run.batch); j++) {
        if (Atomics.load(status, j) !== 0) continue;
        if (evaluateShared(init.plan, job.evaluator, run, j, out, row, one, counts).first) Atomics.add(run.perWorker, init.index, 1);
      }
      const now = performance.now();
      if (now - last >= 50) {
        last = now;
        port.postMessage({ type: 'tick' } satisfies FromWorker);
      }
    }
  } catch (e) {
    const err = e as { code?: string; message?: string };
    port.postMessage({ type: 'error', code: err.code, message: String(err.message ?? e) } satisfies FromWorker);
    return;
  }
  port.postMessage({ type: 'tick' } satisfies FromWorker);
}

if (!isMainThread && (workerData as Partial<WorkerInit> | null)?.[WORKER_TAG] === true) {
  workerMain(workerData as WorkerInit);
}
