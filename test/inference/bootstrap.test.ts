import { describe, expect, it } from 'vitest';
import { CsiError } from '../../src/errors.js';
import { parseModel } from '../../src/model/index.js';
import { estimate } from '../../src/inference/index.js';
import { bootstrap, bootstrapStatistic, resampleCounts } from '../../src/inference/index.js';
import { finalizeBootstrap } from '../../src/inference/engine.js';
import { createPlsJob } from '../../src/inference/pls-job.js';
import { jackknifeByCounts } from '../../src/inference/engine.js';
import { SMALL_MODEL, smallSurvey, surveyOf } from './helpers.js';

const model = parseModel(SMALL_MODEL);

describe('bootstrapStatistic (generic)', () => {
  const x = Float64Array.from({ length: 30 }, (_, i) => ((i * 37) % 11) + (i % 3) * 0.5);
  const mean = (c: Uint32Array): number[] => {
    let s = 0;
    let w = 0;
    c.forEach((k, i) => {
      s += k * x[i];
      w += k;
    });
    return [s / w];
  };

  it('SE of the mean ≈ plug-in SD/√n (theory: sd·√((n−1)/n)/√n), within 6% at B = 4000', async () => {
    const res = await bootstrapStatistic(x.length, mean, { resamples: 4000, seed: 42, names: ['mean'] });
    const n = x.length;
    const m = x.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
    const theory = (sd * Math.sqrt((n - 1) / n)) / Math.sqrt(n);
    expect(res.statistics[0].estimate).toBeCloseTo(m, 12);
    expect(Math.abs(res.statistics[0].se / theory - 1)).toBeLessThan(0.06);
    expect(res.nboot).toBe(4000);
    expect(res.seed).toBe(42);
  });

  it('is reproducible for a seed and changes with it', async () => {
    const a = await bootstrapStatistic(x.length, mean, { resamples: 300, seed: 7 });
    const b = await bootstrapStatistic(x.length, mean, { resamples: 300, seed: 7 });
    const c = await bootstrapStatistic(x.length, mean, { resamples: 300, seed: 8 });
    expect(a).toEqual(b);
    expect(c.statistics[0].se).not.toBe(a.statistics[0].se);
  });

  it('draws a random seed when none is given, and reports it', async () => {
    const a = await bootstrapStatistic(x.length, mean, { resamples: 50 });
    expect(Number.isInteger(a.seed)).toBe(true);
    const b = await bootstrapStatistic(x.length, mean, { resamples: 50, seed: a.seed! });
    expect(b.statistics).toEqual(a.statistics);
  });

  it('BCa acceleration of the mean equals Σd³ / (6 (Σd²)^{3/2}), d = x − x̄ (leave-one-out means)', async () => {
    const res = await bootstrapStatistic(x.length, mean, { resamples: 500, seed: 1, ci: 'bca' });
    const n = x.length;
    const m = x.reduce((a, b) => a + b, 0) / n;
    let s2 = 0;
    let s3 = 0;
    for (const v of x) {
      s2 += (v - m) ** 2;
      s3 += (v - m) ** 3;
    }
    expect(res.statistics[0].acceleration).toBeCloseTo(s3 / (6 * Math.pow(s2, 1.5)), 12);
    expect(res.statistics[0].lower).toBe(res.statistics[0].bca![0]);
    expect(res.jackknifeGroups).toBe(n);
  });

  it('uses explicit 0-based resamples as given', async () => {
    const res = await bootstrapStatistic(4, (c) => [c[0]], { indices: [[0, 0, 1, 2], [1, 1, 2, 3], [0, 1, 2, 3]] });
    expect(res.nboot).toBe(3);
    expect(res.seed).toBeNull();
    expect(res.statistics[0].mean).toBe(1); // counts of row 0: 2, 0, 1
  });

  it('drops resamples whose statistic throws, by error code, and keeps going', async () => {
    const n = 20;
    const stat = (c: Uint32Array): number[] => {
      if (c[0] === 0) throw new CsiError('ZERO_VARIANCE', 'row 1 missing');
      return [c[0]];
    };
    const res = await bootstrapStatistic(n, stat, { resamples: 200, seed: 3 });
    let expected = 0;
    for (let r = 0; r < 200; r++) if (resampleCounts(n, 3, r)[0] === 0) expected++;
    expect(expected).toBeGreaterThan(0);
    expect(res.dropped.count).toBe(expected);
    expect(res.dropped.reasons[0].reason).toBe('ZERO_VARIANCE');
    expect(res.nboot).toBe(200 - expected);
    expect(res.warnings.some((w) => w.code === 'RESAMPLE_DROPPED' && w.count === expected)).toBe(true);
  });

  it('rejects with ABORTED when the signal fires, promptly', async () => {
    const ctl = new AbortController();
    const slow = (c: Uint32Array): number[] => {
      const t = Date.now();
      while (Date.now() - t < 2);
      return [c[0]];
    };
    const started = Date.now();
    const p = bootstrapStatistic(10, slow, { resamples: 100000, seed: 1, signal: ctl.signal, onProgress: () => ctl.abort() });
    await expect(p).rejects.toMatchObject({ code: 'ABORTED' });
    expect(Date.now() - started).toBeLessThan(5000);
    const pre = new AbortController();
    pre.abort();
    await expect(bootstrap(surveyOf(...(Object.values(smallSurvey(50)) as [string[], Float64Array[]])), model, { signal: pre.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('reports progress up to the total', async () => {
    const seen: number[] = [];
    await bootstrapStatistic(10, (c) => [c[1]], { resamples: 500, seed: 1, onProgress: (d, t) => { expect(t).toBe(500); seen.push(d); } });
    expect(seen.at(-1)).toBe(500);
  });
});

describe('finalizeBootstrap: individual sign correction', () => {
  it('flips draws whose sign differs from the estimate, only for signed statistics', () => {
    const specs = [{ group: 'paths' as const, name: 'A -> B' }, { group: 'rSquared' as const, name: 'B' }];
    const draws = Float64Array.of(0.5, -0.2, -0.4, 0.3, 0.6, 0.1);
    const drops = [null, null, null];
    const none = finalizeBootstrap(specs, Float64Array.of(0.5, 0.2), draws, drops, { level: 0.95, ci: 'percentile', seed: 1 });
    const ind = finalizeBootstrap(specs, Float64Array.of(0.5, 0.2), draws, drops, { level: 0.95, ci: 'percentile', seed: 1, signed: Uint8Array.of(1, 0) });
    expect(none.entries[0].mean).toBeCloseTo((0.5 - 0.4 + 0.6) / 3, 15);
    expect(ind.entries[0].mean).toBeCloseTo((0.5 + 0.4 + 0.6) / 3, 15);
    expect(ind.entries[1].mean).toBeCloseTo(none.entries[1].mean, 15);
  });
});

describe('bootstrap of a PLS model', () => {
  const { names, columns } = smallSurvey(120, 5);
  const survey = surveyOf(names, columns);

  it('returns every family of statistics with consistent summaries', async () => {
    const b = await bootstrap(survey, model, { resamples: 200, seed: 11 });
    expect(b.paths.map((e) => `${e.from}->${e.to}`).sort()).toEqual(['A->B', 'A->C', 'B->C']);
    expect(b.totalEffects.length).toBe(3);
    expect(b.outerWeights.length).toBe(8);
    expect(b.loadings.length).toBe(8);
    expect(b.rSquared.map((e) => e.construct)).toEqual(['B', 'C']);
    expect(b.htmt.length).toBe(3);
    const full = estimate(survey, model);
    const ab = b.paths.find((e) => e.from === 'A' && e.to === 'B')!;
    expect(ab.estimate).toBeCloseTo(full.paths.find((p) => p.from === 'A' && p.to === 'B')!.estimate, 12);
    for (const e of [...b.paths, ...b.loadings]) {
      expect(e.lower).toBeLessThanOrEqual(e.upper);
      expect(e.se).toBeGreaterThan(0);
    }
  });

  it('lean and full estimators give the same draws', async () => {
    expect(createPlsJob(survey, model, {}).lean).toBe(true);
    expect(createPlsJob(survey, model, { lean: false }).lean).toBe(false);
    expect(createPlsJob(survey, model, { estimateOptions: { consistent: true } }).lean).toBe(false);
    const a = await bootstrap(survey, model, { resamples: 40, seed: 2, keepDraws: true });
    const b = await bootstrap(survey, model, { resamples: 40, seed: 2, keepDraws: true, lean: false });
    let d = 0;
    for (let i = 0; i < a.draws!.length; i++) d = Math.max(d, Math.abs(a.draws![i] - b.draws![i]));
    expect(d).toBeLessThan(1e-12);
  });

  it('jackknife by moment subtraction equals re-estimation with a zero count, row by row', () => {
    const job = createPlsJob(survey, model, {});
    const fast = job.evaluator.jackknife!(survey.n);
    const slow = jackknifeByCounts(job.evaluator, survey.n);
    let d = 0;
    for (let i = 0; i < fast.length; i++) d = Math.max(d, Math.abs(fast[i] - slow[i]));
    expect(d).toBeLessThan(1e-9);
  });

  it('BCa intervals with the leave-one-out jackknife when ci = bca', async () => {
    const b = await bootstrap(survey, model, { resamples: 300, seed: 4, ci: 'bca' });
    expect(b.jackknifeGroups).toBe(120);
    for (const e of b.paths) {
      expect(e.bca).toBeDefined();
      expect([e.lower, e.upper]).toEqual(e.bca);
    }
  });

  it('redoes mean replacement inside each resample, as estimating the materialized resample does', async () => {
    const cols = columns.map((c) => Float64Array.from(c));
    cols[1][3] = NaN;
    cols[1][10] = NaN;
    cols[4][7] = NaN;
    cols[6][3] = NaN;
    const s = surveyOf(names, cols);
    const n = s.n;
    const indices = [0, 1, 2].map((r) => Array.from(resampleCounts(n, 9, r)).flatMap((k, i) => new Array<number>(k).fill(i)));
    const b = await bootstrap(s, model, { indices, keepDraws: true });
    const k = b.draws!.length / 3;
    indices.forEach((idx, r) => {
      const rows = surveyOf(names, cols.map((c) => Float64Array.from(idx, (i) => c[i])));
      const fit = estimate(rows, model);
      const ab = fit.paths.find((p) => p.from === 'A' && p.to === 'B')!.estimate;
      const specIndex = b.outerWeights.length + b.loadings.length + b.paths.findIndex((e) => e.from === 'A' && e.to === 'B');
      expect(b.draws![r * k + specIndex]).toBeCloseTo(ab, 10);
      const w = fit.outerWeights.A.a2;
      expect(b.draws![r * k + 1]).toBeCloseTo(w, 10); // a2 -> A is the second weight
    });
  });
});

describe('weights and extra statistics', () => {
  const { names, columns } = smallSurvey(90, 12);

  it('a resample of a weighted survey carries its rows\' weights (= estimating the materialized weighted resample)', async () => {
    const weights = Float64Array.from({ length: 90 }, (_, i) => 0.5 + (i % 5) * 0.3);
    const s = surveyOf(names, columns, weights);
    const idx = Array.from(resampleCounts(90, 4, 0)).flatMap((k, i) => new Array<number>(k).fill(i));
    const b = await bootstrap(s, model, { indices: [idx, idx], keepDraws: true });
    const rows = surveyOf(names, columns.map((c) => Float64Array.from(idx, (i) => c[i])), Float64Array.from(idx, (i) => weights[i]));
    const fit = estimate(rows, model);
    const at = b.outerWeights.length + b.loadings.length + b.paths.findIndex((e) => e.from === 'B' && e.to === 'C');
    expect(b.draws![at]).toBeCloseTo(fit.paths.find((p) => p.from === 'B' && p.to === 'C')!.estimate, 10);
    const unweighted = await bootstrap(surveyOf(names, columns), model, { indices: [idx, idx], keepDraws: true });
    expect(Math.abs(unweighted.draws![at] - b.draws![at])).toBeGreaterThan(1e-6); // the weights matter
  });

  it('bootstraps extra statistics computed from each resample\'s result', async () => {
    const s = surveyOf(names, columns);
    const b = await bootstrap(s, model, {
      resamples: 50,
      seed: 3,
      extraStatistics: (r) => ({ 'R2 sum': Object.values(r.rSquared).reduce((a, x) => a + x.r2, 0) }),
    });
    expect(b.extra.map((e) => e.name)).toEqual(['R2 sum']);
    const r2 = b.rSquared.reduce((a, e) => a + e.estimate, 0);
    expect(b.extra[0].estimate).toBeCloseTo(r2, 12);
    expect(b.extra[0].mean).toBeCloseTo(b.rSquared.reduce((a, e) => a + e.mean, 0), 10);
  });
});

describe('PLSc and higher-order models (full estimator per resample)', () => {
  const { names, columns } = smallSurvey(150, 2);
  const survey = surveyOf(names, columns);

  it('bootstraps the consistent (PLSc) paths and loadings, not the uncorrected fit', async () => {
    const full = estimate(survey, model, { consistent: true });
    const b = await bootstrap(survey, model, { resamples: 40, seed: 1, estimateOptions: { consistent: true } });
    for (const e of b.paths) expect(e.estimate).toBeCloseTo(full.paths.find((p) => p.from === e.from && p.to === e.to)!.estimate, 12);
    expect(b.loadings.find((e) => e.from === 'a1')!.estimate).toBeCloseTo(full.loadings.A.a1, 12);
    expect(b.rSquared.find((e) => e.construct === 'C')!.estimate).toBeCloseTo(full.rSquared.C.r2, 12);
    for (const g of b.dropped.reasons) expect(['INADMISSIBLE', 'SINGULAR', 'NON_FINITE']).toContain(g.reason);
  });

  it('bootstraps a higher-order model: dimensions as indicators of the higher-order construct, and their own items', async () => {
    const hoc = parseModel('A =~ a1 + a2 + a3\nB =~ b1 + b2 + b3\nC =~ c1 + c2\nH =~ A + B\nC ~ H\n');
    const b = await bootstrap(survey, hoc, { resamples: 30, seed: 2 });
    const names2 = b.outerWeights.map((e) => e.name);
    expect(names2).toContain('A -> H');
    expect(names2).toContain('a1 -> A');
    expect(b.paths.map((e) => `${e.from}->${e.to}`)).toEqual(['H->C']);
    expect(b.nboot).toBe(30);
  });
});

describe('degenerate resamples (constructed data)', () => {
  it('drops resamples where an item has zero variance, counting exactly those, never failing', async () => {
    const n = 40;
    const { names, columns } = smallSurvey(n, 8);
    // c2 is constant except in rows 5 and 17: resamples that miss both rows give it zero variance
    columns[7] = new Float64Array(n).fill(4);
    columns[7][5] = 6;
    columns[7][17] = 2;
    const survey = surveyOf(names, columns);
    const b = await bootstrap(survey, model, { resamples: 300, seed: 21 });
    let expected = 0;
    for (let r = 0; r < 300; r++) {
      const c = resampleCounts(n, 21, r);
      if (c[5] === 0 && c[17] === 0) expected++;
    }
    expect(expected).toBeGreaterThan(5);
    const zero = b.dropped.reasons.find((g) => g.reason === 'ZERO_VARIANCE');
    expect(zero?.count).toBe(expected);
    expect(zero?.message).toMatch(/c2/);
    expect(zero?.resamples.every((r) => { const c = resampleCounts(n, 21, r - 1); return c[5] === 0 && c[17] === 0; })).toBe(true);
    // with only one of the two rows drawn, c2 may be uncorrelated with c1 (HTMT of C undefined): reported, not fatal
    for (const g of b.dropped.reasons) expect(['ZERO_VARIANCE', 'NON_FINITE']).toContain(g.reason);
    expect(b.nboot).toBe(300 - b.dropped.count);
    expect(b.warnings.find((w) => w.code === 'RESAMPLE_DROPPED' && w.message.includes('ZERO_VARIANCE'))?.count).toBe(expected);
    expect(Number.isFinite(b.paths[0].se)).toBe(true);
  });

  it('drops resamples where a mode-B block is singular (two items equal except in two rows)', async () => {
    const n = 40;
    const { names, columns } = smallSurvey(n, 9);
    columns[4] = Float64Array.from(columns[3]); // b2 = b1 …
    columns[4][3] = columns[3][3] === 7 ? 1 : 7; // … except in rows 3 and 30
    columns[4][30] = columns[3][30] === 1 ? 7 : 1;
    const modeB = parseModel('A =~ a1 + a2 + a3\nB <~ b1 + b2 + b3\nC =~ c1 + c2\nB ~ A\nC ~ A + B\n');
    const b = await bootstrap(surveyOf(names, columns), modeB, { resamples: 300, seed: 5 });
    let expected = 0;
    for (let r = 0; r < 300; r++) {
      const c = resampleCounts(n, 5, r);
      if (c[3] === 0 && c[30] === 0) expected++;
    }
    expect(expected).toBeGreaterThan(5);
    expect(b.dropped.reasons.find((g) => g.reason === 'SINGULAR')?.count).toBe(expected);
    expect(b.nboot).toBe(300 - b.dropped.count);
  });

  it('drops non-converged resamples (maxIterations 1) with reason NOT_CONVERGED', async () => {
    const { names, columns } = smallSurvey(60, 2);
    const b = await bootstrap(surveyOf(names, columns), model, { resamples: 20, seed: 1, estimateOptions: { maxIterations: 1 } }).catch((e) => e);
    // the full-data fit itself may not converge: that is a warning there, and every resample is dropped
    if (b instanceof Error) throw b;
    expect(b.dropped.reasons.some((g: { reason: string }) => g.reason === 'NOT_CONVERGED')).toBe(true);
  });
});
