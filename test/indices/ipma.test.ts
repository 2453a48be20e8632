import { describe, expect, it } from 'vitest';
import { constructIndices, impacts, ipma, indexScales } from '../../src/indices/index.js';
import { parseModel } from '../../src/model/parse.js';
import { estimate } from '../../src/inference/estimate.js';
import { momentsFromSurvey } from '../../src/stats/momentsFromSurvey.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';

/** The IPMA line of methodology.md Appendix A ([V-run], 3–4 decimals), read at run time: "Image 73.528/0.4147, …". */
function appendixIpma(): Record<string, { performance: number; importance: number }> {
  const text = sharedText('docs/methodology.md');
  const at = text.indexOf('IPMA performance/importance');
  const line = text.slice(at, text.indexOf('\n\n', at));
  const out: Record<string, { performance: number; importance: number }> = {};
  for (const m of line.matchAll(/(\w+) (\d+\.\d+)\/(\d+\.\d+)/g)) out[m[1]] = { performance: Number(m[2]), importance: Number(m[3]) };
  return out;
}

describe.skipIf(!HAS_SHARED)(`IPMA on mobi, target Satisfaction — ${HAS_SHARED ? 'methodology.md Appendix A' : SKIP_MESSAGE}`, () => {
  const survey = HAS_SHARED ? sharedSurvey('datasets/mobi.csv') : null;
  const model = HAS_SHARED ? parseModel(sharedText('reference/mobi-ecsi.model')) : null;
  const res = HAS_SHARED ? estimate(survey!, model!) : null;
  const scales = HAS_SHARED ? indexScales(survey!.itemNames, { scale: [1, 10] }) : {};
  const ci = HAS_SHARED ? constructIndices(res!, momentsFromSurvey(survey!, { items: survey!.itemNames }), { model: model!, scales }) : null;

  it('construct importance and performance match Appendix A (to its printed decimals)', () => {
    const ref = appendixIpma();
    expect(Object.keys(ref)).toEqual(['Image', 'Expectation', 'Quality', 'Value']);
    const out = ipma(res!, ci!, 'Satisfaction', { model: model!, scales });
    for (const [c, v] of Object.entries(ref)) {
      expect(Math.abs(out.constructs[c].performance! - v.performance)).toBeLessThan(5e-4);
      expect(Math.abs(out.constructs[c].importance - v.importance)).toBeLessThan(5e-5);
    }
    // Downstream constructs have no path to the target: importance 0, no quadrant.
    expect(out.constructs.Loyalty.importance).toBe(0);
    expect(out.quadrants.Loyalty).toBeUndefined();
    // Impacts are 5 × importance.
    const imp = impacts(res!, ci!, 'Satisfaction');
    for (const c of Object.keys(out.constructs)) expect(imp[c]).toBeCloseTo(5 * out.constructs[c].importance, 12);
  });

  it('importance = standardized total effect × sd(I_T)/sd(I_j) (cSEM doIPMA)', () => {
    const out = ipma(res!, ci!, 'Satisfaction', { model: model!, scales });
    const te = res!.totalEffects.find((e) => e.from === 'Quality' && e.to === 'Satisfaction')!.estimate;
    expect(out.constructs.Quality.importance).toBeCloseTo((te * ci!.indices.Satisfaction.sd!) / ci!.indices.Quality.sd!, 12);
    // Item level: the target's own items have importance = their normalised weight (equal ranges: w̃).
    for (const [k, w] of Object.entries(ci!.indexWeights.Satisfaction)) expect(out.items[k].importance).toBeCloseTo(w, 12);
    // Other items: weight × the construct's importance; performance = rescaled item mean.
    const w1 = ci!.indexWeights.Quality.PERQ1;
    expect(out.items.PERQ1.importance).toBeCloseTo(w1 * out.constructs.Quality.importance, 12);
    const col = survey!.items[survey!.itemNames.indexOf('PERQ1')];
    const mean = col.reduce((a, b) => a + b, 0) / col.length;
    expect(out.items.PERQ1.performance).toBeCloseTo((100 * (mean - 1)) / 9, 10);
  });

  it('quadrants from the drivers’ mean thresholds, fix first', () => {
    const out = ipma(res!, ci!, 'Satisfaction', { model: model!, scales });
    const drivers = ['Image', 'Expectation', 'Quality', 'Value'];
    const mI = drivers.reduce((a, c) => a + out.constructs[c].importance, 0) / 4;
    const mP = drivers.reduce((a, c) => a + out.constructs[c].performance!, 0) / 4;
    expect(out.thresholds.importance).toBeCloseTo(mI, 12);
    expect(out.thresholds.performance).toBeCloseTo(mP, 12);
    // Quality: importance 0.64 > mean 0.40, performance 74.98 > mean 70.83 → strength; Value: 0.14, 62.35 → opportunity.
    expect(out.quadrants.Quality).toBe('strength');
    expect(out.quadrants.Value).toBe('opportunity');
    expect(out.quadrantNames!.fix).toBe('修补区');
    expect([...out.priorities].sort()).toEqual([...drivers].sort());
  });

  it('a target that is not endogenous is refused', () => {
    expect(() => ipma(res!, ci!, 'Image', { model: model!, scales })).toThrow(/not endogenous/);
  });
});

describe('IPMA by hand: one driver item on 1-5, one target item on 1-10', async () => {
  const { surveyOf } = await import('../helpers/csvSurvey.js');
  // a = 1..5, y = (2, 4, 5, 4, 5): OLS slope of y on a = Σ(a−3)(y−4)/Σ(a−3)² = 6/10 = 0.6.
  // I_X = 100(a − 1)/4, I_Y = 100(y − 1)/9, so a 1-point gain of I_X moves I_Y by 0.6 · (4/9) = 0.2667.
  const survey = surveyOf(['a', 'y'], [Float64Array.of(1, 2, 3, 4, 5), Float64Array.of(2, 4, 5, 4, 5)]);
  const model = parseModel('X =~ a\nY =~ y\nY ~ X');
  const res = estimate(survey, model);
  const scales = indexScales(['a', 'y'], { codebook: { items: [{ id: 'a', scale: { min: 1, max: 5 } }, { id: 'y', scale: { min: 1, max: 10 } }] } });
  const ci = constructIndices(res, momentsFromSurvey(survey), { model, scales });
  it('importance = unstandardized slope on the 0-100 scales, performance = rescaled means', () => {
    const out = ipma(res, ci, 'Y', { model, scales });
    expect(out.constructs.X.importance).toBeCloseTo((0.6 * 4) / 9, 12);
    expect(out.constructs.X.performance).toBeCloseTo(50, 12);
    expect(ci.indices.Y.mean).toBeCloseTo(100 / 3, 12);
    expect(out.items.a).toEqual({ importance: out.constructs.X.importance, performance: 50 });
    expect(out.items.y.importance).toBeCloseTo(1, 12);
    expect(out.quadrants).toEqual({ X: 'strength' });
    expect(impacts(res, ci, 'Y').X).toBeCloseTo((5 * 0.6 * 4) / 9, 12);
  });
});

describe.skipIf(!HAS_SHARED)(`IPMA on mobi with mixed item ranges, target Loyalty, recomputed as cSEM doIPMA — ${HAS_SHARED ? 'mobi' : SKIP_MESSAGE}`, () => {
  it('construct and item importance/performance equal cSEM’s recipe on items rescaled by their declared ranges', () => {
    const survey = sharedSurvey('datasets/mobi.csv');
    const model = parseModel(sharedText('reference/mobi-ecsi.model'));
    const res = estimate(survey, model);
    // Declared ranges that differ within blocks (all observed values, 1-10, lie within them).
    const range = (k: string): [number, number] => ({ '1': [0, 10], '2': [1, 12], '3': [-2, 10] } as Record<string, [number, number]>)[k.slice(-1)] ?? [1, 10];
    const scales = Object.fromEntries(survey.itemNames.map((k) => [k, range(k)]));
    const ci = constructIndices(res, momentsFromSurvey(survey, { items: survey.itemNames }), { model, scales });
    const out = ipma(res, ci, 'Loyalty', { model, scales });
    // cSEM (postestimate_doIPMA.R, getConstructScores(.standardized = FALSE)) on data the user rescaled to 0-100:
    // W_normed = (w / sd(x*)) normalised per block, scores = x* W', importance = TE_std · sd(score_T)/sd(score_j),
    // item importance = W_normed · importance of its construct (the target's own items: W_normed), performance = means.
    const n = survey.items[0].length;
    const xs: Record<string, number[]> = {};
    survey.itemNames.forEach((k, i) => (xs[k] = Array.from(survey.items[i], (v) => (100 * (v - range(k)[0])) / (range(k)[1] - range(k)[0]))));
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const sd = (v: number[]) => Math.sqrt(v.reduce((a, b) => a + (b - mean(v)) ** 2, 0) / (v.length - 1));
    const wn: Record<string, Record<string, number>> = {};
    const score: Record<string, number[]> = {};
    for (const c of res.constructs) {
      const u = Object.fromEntries(Object.entries(res.outerWeights[c]).map(([k, w]) => [k, w / sd(xs[k])]));
      const s = Object.values(u).reduce((a, b) => a + b, 0);
      wn[c] = Object.fromEntries(Object.entries(u).map(([k, v]) => [k, v / s]));
      score[c] = Array.from({ length: n }, (_, r) => Object.entries(wn[c]).reduce((a, [k, w]) => a + w * xs[k][r], 0));
    }
    const te = (c: string) => res.totalEffects.find((e) => e.from === c && e.to === 'Loyalty')?.estimate ?? 0;
    for (const c of res.constructs) {
      if (c === 'Loyalty') continue;
      const imp = (te(c) * sd(score.Loyalty)) / sd(score[c]);
      expect(out.constructs[c].importance, c).toBeCloseTo(imp, 10);
      expect(out.constructs[c].performance!, c).toBeCloseTo(mean(score[c]), 10);
      for (const [k, w] of Object.entries(wn[c])) {
        expect(out.items[k].importance, k).toBeCloseTo(w * imp, 10);
        expect(out.items[k].performance!, k).toBeCloseTo(mean(xs[k]), 10);
      }
    }
    for (const [k, w] of Object.entries(wn.Loyalty)) expect(out.items[k].importance, k).toBeCloseTo(w, 10);
  });
});
