import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/parse.js';
import { estimate } from '../../src/inference/estimate.js';
import { resultToJson } from '../../src/pls/result-json.js';
import { momentsFromSurvey } from '../../src/stats/momentsFromSurvey.js';
import { analyze, parseStudySpec, studyJsonSchema } from '../../src/study/index.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE, surveyOf } from '../helpers/csvSurvey.js';

describe.skipIf(!HAS_SHARED)(`analyze on mobi — ${HAS_SHARED ? 'mobi-ecsi.json' : SKIP_MESSAGE}`, () => {
  const ref = HAS_SHARED ? JSON.parse(sharedText('reference/mobi-ecsi.json')).acsi_index : null;
  const survey = HAS_SHARED ? sharedSurvey('datasets/mobi.csv') : null;
  const modelText = HAS_SHARED ? sharedText('reference/mobi-ecsi.model') : '';

  it('the estimate keys are resultToJson’s; indices match acsi_index; the JSON passes studyJsonSchema', () => {
    const study = analyze(survey!, { model: modelText, scale: [1, 10], ipma: ['Satisfaction', 'Loyalty'] });
    const base = resultToJson(estimate(survey!, parseModel(modelText)));
    for (const k of Object.keys(base)) if (k !== 'warnings') expect((study as unknown as Record<string, unknown>)[k]).toEqual((base as Record<string, unknown>)[k]);
    for (const [c, v] of Object.entries(ref.mean_index) as [string, number][]) expect(Math.abs(study.indices![c].mean! - v)).toBeLessThan(1e-6);
    expect(study.indexWeightSource).toBe('pls');
    expect(study.indexScales!.CUSA1).toEqual([1, 10]);
    expect(study.impacts!.Loyalty.Satisfaction).toBeCloseTo(5 * study.ipma!.Loyalty.constructs.Satisfaction.importance, 12);
    const json = JSON.parse(JSON.stringify(study));
    expect(studyJsonSchema.safeParse(json).success).toBe(true);
  });

  it('from moments: the same indices as in memory within 1e-10', () => {
    const model = parseModel(modelText);
    const items = [...new Set(model.constructs.flatMap((c) => c.items ?? []))];
    const a = analyze(survey!, { model: modelText, scale: [1, 10], ipma: ['Satisfaction'] });
    const b = analyze(momentsFromSurvey(survey!, { items }), { model, scale: [1, 10], ipma: ['Satisfaction'] });
    // Both carry every construct of acsi_index, so the comparison below is not over an empty set.
    expect(Object.keys(a.indices!).sort()).toEqual(Object.keys(ref.mean_index).sort());
    expect(Object.keys(b.indices!).sort()).toEqual(Object.keys(ref.mean_index).sort());
    for (const c of Object.keys(a.indices!)) {
      for (const k of ['mean', 'sd', 'se', 'lower', 'upper'] as const) expect(Math.abs(a.indices![c][k]! - b.indices![c][k]!)).toBeLessThan(1e-10);
    }
    expect(b.ipma!.Satisfaction.priorities).toEqual(a.ipma!.Satisfaction.priorities);
  });

  it('indexWeights equal gives equal weights; explicit weights are echoed as explicit', () => {
    const eq = analyze(survey!, { model: modelText, scale: [1, 10], indexWeights: 'equal' });
    expect(eq.indexWeights!.Satisfaction.CUSA1).toBeCloseTo(1 / 3, 12);
    // methodology.md Appendix A, read at run time: "…, 71.9704\n  (equal weights)".
    const appA = /([0-9.]+)\s*\(equal weights\)/.exec(sharedText('docs/methodology.md'))!;
    expect(appA, 'Appendix A equal-weights index').not.toBeNull();
    expect(eq.indices!.Satisfaction.mean).toBeCloseTo(Number(appA[1]), 4);
    const ex = analyze(survey!, { model: modelText, scale: [1, 10], indexWeights: { Satisfaction: { CUSA1: 2, CUSA2: 1, CUSA3: 1 } } });
    expect(ex.indexWeightSource).toBe('explicit');
    expect(ex.indexWeights!.Satisfaction.CUSA1).toBeCloseTo(0.5, 12);
  });
});

describe('weighted indices', () => {
  // Hand-made data: rows repeated w times give the same mean as the weighted rows; the weighted SD uses the
  // weights-sum-to-n divisor (n − 1)/n · Σw (sampling weights: independent of the weights' scale), so it is the
  // repeated rows' SD (divisor Σw − 1) times √((Σw − 1)/((n − 1)/n · Σw)); the SE uses Kish's n_eff = (Σw)²/Σw².
  const a = [3, 5, 7, 6, 9, 4, 8, 2];
  const b = [4, 6, 6, 7, 9, 3, 8, 3];
  const y = [2, 6, 7, 5, 10, 4, 9, 3];
  const w = [1, 2, 3, 1, 2, 1, 1, 2];
  const rep = (x: number[]) => Float64Array.from(x.flatMap((v, i) => Array(w[i]).fill(v)));
  const weighted = surveyOf(['a', 'b', 'y'], [Float64Array.from(a), Float64Array.from(b), Float64Array.from(y)], Float64Array.from(w));
  const repeated = surveyOf(['a', 'b', 'y'], [rep(a), rep(b), rep(y)]);
  const spec = { model: 'X =~ a + b\nY =~ y\nY ~ X', scale: [1, 10] as [number, number] };

  it('mean of rows repeated w times; SD with the sampling-weight divisor; SE with Kish n_eff', () => {
    const sw = analyze(weighted, spec);
    const sr = analyze(repeated, spec);
    for (const c of ['X', 'Y']) {
      expect(Math.abs(sw.indices![c].mean! - sr.indices![c].mean!)).toBeLessThan(1e-10);
      expect(Math.abs(sw.indices![c].sd! - sr.indices![c].sd! * Math.sqrt(12 / ((7 / 8) * 13)))).toBeLessThan(1e-10);
      const nEff = 13 ** 2 / w.reduce((s, v) => s + v * v, 0);
      expect(sw.indices![c].nEff).toBeCloseTo(nEff, 12);
      expect(sw.indices![c].se).toBeCloseTo(sw.indices![c].sd! / Math.sqrt(nEff), 12);
      expect(sr.indices![c].nEff).toBe(13);
    }
    // Y has one item: its index is the rescaled weighted mean of y.
    const my = y.reduce((s, v, i) => s + v * w[i], 0) / 13;
    expect(sw.indices!.Y.mean).toBeCloseTo((100 * (my - 1)) / 9, 10);
  });
});

describe('study spec and bad input', () => {
  const s = surveyOf(['a', 'b', 'y'], [Float64Array.from([1, 2, 3, 4, 5]), Float64Array.from([2, 2, 4, 5, 4]), Float64Array.from([1, 3, 2, 5, 4])]);
  it('a spec with an unknown key or a bad scale is refused with its path', () => {
    expect(() => parseStudySpec({ model: 'A =~ a', nope: 1 })).toThrow(/INVALID_STUDY|Study/);
    expect(() => analyze(s, { model: 'X =~ a + b\nY =~ y\nY ~ X', scale: [5, 5] })).toThrow(/min must be below max/);
  });
  it('an item outside the declared scale names the item', () => {
    expect(() => analyze(s, { model: 'X =~ a + b\nY =~ y\nY ~ X', scale: [1, 4] })).toThrow(/Item a: 5 is outside its scale 1:4/);
  });
  it('without any declared scale: no indices and one warning saying why', () => {
    const noScale = { ...s, codebook: { items: s.itemNames.map((id) => ({ id, scale: { min: 1, max: 5 }, inferred: true })) } };
    const st = analyze(noScale, { model: 'X =~ a + b\nY =~ y\nY ~ X', ipma: ['Y'] });
    expect(st.indices).toBeUndefined();
    expect(st.warnings.filter((w) => w.startsWith('NO_SCALE'))).toHaveLength(1);
  });
});

describe('impactStep is recorded and printed', () => {
  const a = Float64Array.from([3, 5, 7, 6, 9, 4, 8, 2]);
  const b = Float64Array.from([4, 6, 6, 7, 9, 3, 8, 3]);
  const y = Float64Array.from([2, 6, 7, 5, 10, 4, 9, 3]);
  const s = surveyOf(['a', 'b', 'y'], [a, b, y]);
  it('impactStep 1: impacts = importance, the study says 1, the text says a 1-point gain', async () => {
    const { formatStudy } = await import('../../src/study/formatStudy.js');
    const study = analyze(s, { model: 'X =~ a + b\nY =~ y\nY ~ X', scale: [1, 10], ipma: ['Y'], impactStep: 1 });
    expect(study.impacts!.Y.X).toBeCloseTo(study.ipma!.Y.constructs.X.importance, 12);
    expect(study.impactStep).toBe(1);
    expect(formatStudy(study)).toContain('(1-point gain)');
    expect(studyJsonSchema.safeParse(JSON.parse(JSON.stringify(study))).success).toBe(true);
  });
});
