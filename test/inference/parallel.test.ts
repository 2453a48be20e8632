import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/index.js';
import { bootstrap } from '../../src/inference/index.js';
import { bootstrapParallel, defaultWorkerUrl } from '../../src/inference/node/index.js';
import { SMALL_MODEL, smallSurvey, surveyOf } from './helpers.js';

const model = parseModel(SMALL_MODEL);
const { names, columns } = smallSurvey(150, 3);
const survey = surveyOf(names, columns);

describe('Node parallel runner: determinism across worker counts', () => {
  it('same seed → identical results sequentially, with 1 worker and with 2 worker threads', async () => {
    const options = { resamples: 1200, seed: 77, ci: 'bca' as const };
    const seq = await bootstrap(survey, model, options);
    const one = await bootstrapParallel(survey, model, { ...options, workers: 1 });
    const progress: number[] = [];
    const two = await bootstrapParallel(survey, model, { ...options, workers: 2, mainThread: false, waitForAllWorkers: true, chunkSize: 3, minParallelMs: 0, probeMs: 0, onProgress: (d) => progress.push(d) });
    const shared = await bootstrapParallel(survey, model, { ...options, workers: 2, minParallelMs: 0, probeMs: 0 });
    delete shared.workersUsed;
    expect(shared).toEqual(seq);
    expect(one).toEqual(seq);
    expect(one.workersUsed).toBeUndefined();
    expect(two.workersUsed).toBe(2);
    delete two.workersUsed;
    expect(two).toEqual(seq);
    expect(progress.at(-1)).toBe(1200);
  });

  it('explicit resamples give the same result in workers', async () => {
    const indices = Array.from({ length: 600 }, (_, r) => Array.from({ length: survey.n }, (_, i) => (i * (r + 3) + r) % survey.n));
    const seq = await bootstrap(survey, model, { indices });
    const two = await bootstrapParallel(survey, model, { indices, workers: 2, mainThread: false, waitForAllWorkers: true, chunkSize: 3, minParallelMs: 0, probeMs: 0 });
    expect(two.workersUsed).toBe(2);
    delete two.workersUsed;
    expect(two).toEqual(seq);
  });

  it('resamples dropped in worker threads keep their reasons, messages and draws (NaN rows) as sequentially', async () => {
    const n = 40;
    const small = smallSurvey(n, 8);
    small.columns[7] = new Float64Array(n).fill(4); // c2 varies only in rows 5 and 17: some resamples drop
    small.columns[7][5] = 6;
    small.columns[7][17] = 2;
    const s2 = surveyOf(small.names, small.columns);
    const options = { resamples: 300, seed: 21, keepDraws: true };
    const seq = await bootstrap(s2, model, options);
    expect(seq.dropped.count).toBeGreaterThan(5);
    for (const mainThread of [false, true]) {
      const par = await bootstrapParallel(s2, model, { ...options, workers: 2, mainThread, chunkSize: 2, minParallelMs: 0, probeMs: 0 });
      delete par.workersUsed;
      expect(par).toEqual(seq);
    }
  });

  it('workers load the runner module itself from sources (a worker-only bundle when one is shipped)', () => {
    expect(defaultWorkerUrl()?.pathname.endsWith('/src/inference/node/parallel.ts')).toBe(true);
  });

  it('stays sequential when the job is short (no thread start-up)', async () => {
    const a = await bootstrapParallel(survey, model, { resamples: 20, seed: 1, workers: 2 });
    expect(a).toEqual(await bootstrap(survey, model, { resamples: 20, seed: 1 }));
  });

  it('a worker that cannot start does not stop the calling thread; without it, the run fails with ENGINE', async () => {
    const bogus = new URL('file:///nonexistent/csikit-worker.mjs');
    const seq = await bootstrap(survey, model, { resamples: 80, seed: 9 });
    const shared = await bootstrapParallel(survey, model, { resamples: 80, seed: 9, workers: 2, minParallelMs: 0, probeMs: 0, workerUrl: bogus });
    expect(shared.workersUsed).toBeUndefined();
    expect(shared).toEqual(seq);
    await expect(
      bootstrapParallel(survey, model, { resamples: 80, seed: 9, workers: 1, mainThread: false, minParallelMs: 0, probeMs: 0, workerUrl: bogus }),
    ).rejects.toMatchObject({ code: 'ENGINE' });
  });

  it('aborts while workers run', async () => {
    const ctl = new AbortController();
    const p = bootstrapParallel(survey, model, {
      resamples: 200000,
      seed: 1,
      workers: 2,
      mainThread: false,
      minParallelMs: 0,
      probeMs: 0,
      signal: ctl.signal,
      onProgress: (d) => {
        if (d > 0) ctl.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
