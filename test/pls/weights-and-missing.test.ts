import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/parse.js';
import { estimate } from '../../src/inference/estimate.js';
import { estimateFromMoments } from '../../src/pls/estimateFromMoments.js';
import type { MissingRule, PlsResult } from '../../src/pls/types.js';
import { accumulateMoments } from '../../src/stats/accumulateMoments.js';
import { mergeMoments } from '../../src/stats/mergeMoments.js';
import type { Survey } from '../../src/data/survey.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE, surveyOf } from '../helpers/csvSurvey.js';
import { maxDiffNested } from '../helpers/moments.js';

/** Max |difference| over every estimated number two results share. */
function resultDiff(a: PlsResult, b: PlsResult): number {
  let mx = Math.max(
    maxDiffNested(a.outerWeights, b.outerWeights),
    maxDiffNested(a.loadings, b.loadings),
    maxDiffNested(a.crossLoadings, b.crossLoadings),
    maxDiffNested(a.constructCorrelations, b.constructCorrelations),
    maxDiffNested(a.rSquared as never, b.rSquared as never),
  );
  for (const key of ['paths', 'totalEffects', 'indirectEffects'] as const) {
    expect(a[key].length).toBe(b[key].length);
    a[key].forEach((e, i) => (mx = Math.max(mx, Math.abs(e.estimate - b[key][i].estimate))));
  }
  for (const [c, r] of Object.entries(b.quality!.reliability)) {
    const q = a.quality!.reliability[c];
    mx = Math.max(mx, Math.abs(q.alpha - r.alpha), Math.abs(q.rhoC - r.rhoC), Math.abs(q.rhoA - r.rhoA), Math.abs(q.ave - r.ave));
  }
  return mx;
}

/** Rows repeated w[r] times. */
function duplicateRows(s: Survey, w: Float64Array): Survey {
  const idx: number[] = [];
  for (let r = 0; r < s.n; r++) for (let k = 0; k < w[r]; k++) idx.push(r);
  return surveyOf(s.itemNames, s.items.map((c) => Float64Array.from(idx, (r) => c[r])));
}

const DATA = [
  { name: 'mobi (complete)', data: 'datasets/mobi.csv', model: 'reference/mobi-ecsi.model' },
  { name: 'corp_rep_data (missing values)', data: 'datasets/corp_rep_data.csv', model: 'reference/peer-fixtures/models/corp-rep-simple.model' },
];

describe.skipIf(!HAS_SHARED)(`sampling weights — ${HAS_SHARED ? 'shared data' : SKIP_MESSAGE}`, () => {
  for (const d of DATA) {
    for (const missing of ['mean', 'pairwise', 'casewise'] as MissingRule[]) {
      it(`integer weights = duplicated rows within 1e-12: ${d.name}, missing ${missing}`, () => {
        const base = sharedSurvey(d.data);
        const model = parseModel(sharedText(d.model));
        const w = Float64Array.from({ length: base.n }, (_, r) => 1 + ((r * 7) % 4));
        const weighted = estimate({ ...base, weights: w }, model, { missing, scores: true });
        const dup = estimate(duplicateRows(base, w), model, { missing, scores: true });
        expect(weighted.settings.weighted).toBe(true);
        expect(dup.settings.weighted).toBe(false);
        expect(resultDiff(weighted, dup)).toBeLessThan(1e-12);
        expect(weighted.sumWeights).toBe(dup.n);
        // the first row's score equals its duplicates' scores
        const c = weighted.constructs[0];
        const first = weighted.scores![c][0];
        if (!Number.isNaN(first)) for (let k = 0; k < w[0]; k++) expect(Math.abs(dup.scores![c][k] - first)).toBeLessThan(1e-12);
        // and the weights matter: unweighted differs
        const plain = estimate(base, model, { missing });
        expect(resultDiff(weighted, plain)).toBeGreaterThan(1e-6);
      });
    }
  }

  it('estimate uses the survey weight column by default and not with weights: false', () => {
    const base = sharedSurvey('datasets/mobi.csv');
    const model = parseModel(sharedText('reference/mobi-ecsi.model'));
    const w = Float64Array.from({ length: base.n }, (_, r) => 0.5 + (r % 5) / 3);
    const a = estimate({ ...base, weights: w }, model);
    const b = estimate({ ...base, weights: w }, model, { weights: false });
    const c = estimate(base, model, { weights: w });
    expect(a.settings.weighted).toBe(true);
    expect(b.settings.weighted).toBe(false);
    expect(resultDiff(a, c)).toBe(0);
    expect(resultDiff(a, b)).toBeGreaterThan(1e-6);
  });

  it('the scale of the weights does not matter (except adjusted R²); weights summing below 2 still work and warn', () => {
    const base = sharedSurvey('datasets/mobi.csv');
    const model = parseModel(sharedText('reference/mobi-ecsi.model'));
    const w = Float64Array.from({ length: base.n }, (_, r) => 1 + (r % 3));
    const total = w.reduce((a, v) => a + v, 0);
    const a = estimate({ ...base, weights: w }, model);
    const big = estimate({ ...base, weights: w.map((v) => v * 1000) }, model);
    const prob = estimate({ ...base, weights: w.map((v) => v / total) }, model); // probability weights, Σw = 1
    for (const other of [big, prob]) {
      expect(maxDiffNested(a.outerWeights, other.outerWeights)).toBeLessThan(1e-10);
      a.paths.forEach((p, i) => expect(Math.abs(p.estimate - other.paths[i].estimate)).toBeLessThan(1e-10));
      for (const [c, r] of Object.entries(a.rSquared)) expect(Math.abs(r.r2 - other.rSquared[c].r2)).toBeLessThan(1e-10);
    }
    expect(a.warnings.map((x) => x.code)).not.toContain('INVALID_WEIGHT');
    expect(prob.warnings.map((x) => x.code)).toContain('INVALID_WEIGHT');
    expect(Number.isNaN(prob.rSquared.Satisfaction.adjR2)).toBe(true); // Σw = 1 is no sample size
  });
});

describe.skipIf(!HAS_SHARED)(`missing-value rules — ${HAS_SHARED ? 'corp_rep_data' : SKIP_MESSAGE}`, () => {
  const survey = HAS_SHARED ? sharedSurvey('datasets/corp_rep_data.csv') : null;
  const model = HAS_SHARED ? parseModel(sharedText('reference/peer-fixtures/models/corp-rep-simple.model')) : null;
  const items = model ? model.constructs.flatMap((c) => c.items ?? []) : [];

  it('casewise = estimate on the complete rows; the report counts deleted rows', () => {
    const cols = items.map((i) => survey!.items[survey!.itemNames.indexOf(i)]);
    const keep = [...Array(survey!.n).keys()].filter((r) => cols.every((c) => !Number.isNaN(c[r])));
    expect(keep.length).toBeLessThan(survey!.n);
    const complete = surveyOf(items, cols.map((c) => Float64Array.from(keep, (r) => c[r])));
    const cw = estimate(survey!, model!, { missing: 'casewise' });
    const ref = estimate(complete, model!);
    expect(resultDiff(cw, ref)).toBeLessThan(1e-12);
    expect(cw.n).toBe(keep.length);
    expect(cw.missing).toMatchObject({ rule: 'casewise', rowsDeleted: survey!.n - keep.length, rowsUsed: keep.length, cellsReplaced: 0 });
  });

  it('mean replacement reports the cells it filled; = estimate on explicitly mean-filled rows', () => {
    const cols = items.map((i) => survey!.items[survey!.itemNames.indexOf(i)]);
    const nan = cols.reduce((s, c) => s + c.filter((v) => Number.isNaN(v)).length, 0);
    expect(nan).toBeGreaterThan(0);
    const res = estimate(survey!, model!, { missing: 'mean' });
    expect(res.missing).toMatchObject({ rule: 'mean', missingCells: nan, cellsReplaced: nan, rowsDeleted: 0, rowsUsed: survey!.n, minPairwiseN: null });
    const filled = cols.map((c) => {
      const obs = c.filter((v) => !Number.isNaN(v));
      const mean = obs.reduce((s, v) => s + v, 0) / obs.length;
      return Float64Array.from(c, (v) => (Number.isNaN(v) ? mean : v));
    });
    expect(resultDiff(res, estimate(surveyOf(items, filled), model!))).toBeLessThan(1e-12);
  });

  it('pairwise reports the smallest pairwise n and differs from the other rules', () => {
    const pw = estimate(survey!, model!, { missing: 'pairwise' });
    expect(pw.missing.rule).toBe('pairwise');
    expect(pw.missing.minPairwiseN).toBeLessThan(survey!.n);
    expect(resultDiff(pw, estimate(survey!, model!, { missing: 'mean' }))).toBeGreaterThan(1e-8);
  });

  it('moments merged from chunks give the same estimate as the whole, for all three rules', () => {
    for (const missing of ['mean', 'pairwise', 'casewise'] as MissingRule[]) {
      const cols = items.map((i) => survey!.items[survey!.itemNames.indexOf(i)]);
      const half = Math.floor(survey!.n / 2);
      const rowsA = Int32Array.from({ length: half }, (_, i) => i);
      const rowsB = Int32Array.from({ length: survey!.n - half }, (_, i) => half + i);
      const opts = { names: items, casewise: missing === 'casewise' };
      const merged = mergeMoments(accumulateMoments(cols, { ...opts, rows: rowsA }), accumulateMoments(cols, { ...opts, rows: rowsB }));
      expect(resultDiff(estimateFromMoments(merged, model!, { missing }), estimate(survey!, model!, { missing }))).toBeLessThan(1e-10);
    }
  });
});

describe.skipIf(!HAS_SHARED)(`complete data — ${HAS_SHARED ? 'mobi' : SKIP_MESSAGE}`, () => {
  it('all three missing rules agree exactly on complete data', () => {
    const survey = sharedSurvey('datasets/mobi.csv');
    const model = parseModel(sharedText('reference/mobi-ecsi.model'));
    const mean = estimate(survey, model, { missing: 'mean' });
    expect(resultDiff(estimate(survey, model, { missing: 'casewise' }), mean)).toBe(0);
    expect(resultDiff(estimate(survey, model, { missing: 'pairwise' }), mean)).toBe(0);
    expect(mean.missing.missingCells).toBe(0);
  });
});
