/** Per-level and per-wave KPIs and gaps, KPI wave changes and trend, kpi:* targets (src/study/addTracking.ts, kpiMeasures.ts). */
import { describe, expect, it } from 'vitest';
import type { Survey } from '../../src/data/survey.js';
import { CsiError } from '../../src/errors.js';
import { adjustedWaldNpsDifference, kpisFromSurvey, newcombeDifference } from '../../src/kpi/index.js';
import { wlsTrend } from '../../src/tracking/index.js';
import { analyze, formatStudy, studyJsonSchema } from '../../src/study/index.js';
import { surveyOf } from '../helpers/csvSurvey.js';

const N = 240;
const WAVES = ['Q1', 'Q2', 'Q3'];
const LINES = ['b', 'a'];
/** Deterministic pseudo-random integers in [lo, hi]. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return (lo: number, hi: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + (s % (hi - lo + 1));
  };
}

/** Columns X1 X2 Y1 Y2 (1-10), NPS (0-10), SAT (1-5: 5, except every 20th respondent 1), wave and line codes. */
function data() {
  const r = lcg(7);
  const cols: Record<string, number[]> = { X1: [], X2: [], Y1: [], Y2: [], NPS: [], SAT: [] };
  const wave: number[] = [];
  const line: number[] = [];
  for (let i = 0; i < N; i++) {
    const w = i % 3;
    const x = r(3, 8) + (w === 2 ? 1 : 0);
    cols.X1.push(Math.min(10, x + r(0, 2)));
    cols.X2.push(Math.min(10, x + r(0, 2)));
    cols.Y1.push(Math.min(10, Math.max(1, x + r(-1, 2))));
    cols.Y2.push(Math.min(10, Math.max(1, x + r(-2, 2))));
    cols.NPS.push(Math.min(10, r(0, 10) + w));
    cols.SAT.push(i % 20 === 0 ? 1 : i % 7 === w ? 4 : 5);
    wave.push(w);
    line.push(i % 4 === 0 ? 0 : 1);
  }
  return { cols, wave, line };
}

function survey(): Survey {
  const { cols, wave, line } = data();
  const names = Object.keys(cols);
  const s = surveyOf(names, names.map((k) => Float64Array.from(cols[k])));
  s.codebook = {
    items: names.map((id) => ({ id, scale: id === 'NPS' ? { min: 0, max: 10 } : id === 'SAT' ? { min: 1, max: 5 } : { min: 1, max: 10 } })),
    segments: [{ id: 'wave', levels: WAVES.map((value) => ({ value })) }],
  };
  s.segments = [
    { name: 'wave', levels: WAVES, codes: Int32Array.from(wave) },
    { name: 'line', levels: LINES, codes: Int32Array.from(line) },
  ];
  return s;
}

/** The same survey cut down to some rows, built from scratch (an independent subset). */
function subset(keep: (i: number) => boolean): Survey {
  const { cols } = data();
  const idx = [...Array(N).keys()].filter(keep);
  const names = Object.keys(cols);
  const s = surveyOf(names, names.map((k) => Float64Array.from(idx, (i) => cols[k][i])));
  s.codebook = survey().codebook;
  s.segments = [];
  return s;
}

const model = 'X =~ X1 + X2\nY =~ Y1 + Y2\nY ~ X';
const kpis = [{ kind: 'nps' as const, column: 'NPS' }, { kind: 'csat' as const, column: 'SAT' }];
const spec = { model, segments: ['line'], waves: { column: 'wave' }, kpis, gaps: [{ perceived: 'Y', expected: 'X' }], distribution: true, minN: 10 };

/** NPS counts and CSAT (4-5 box) counts of one wave, counted from the raw columns. */
function counts(w: number) {
  const { cols, wave } = data();
  const c = { detractors: 0, passives: 0, promoters: 0, sat: 0, n: 0 };
  for (let i = 0; i < N; i++) {
    if (wave[i] !== w) continue;
    const v = cols.NPS[i];
    if (v >= 9) c.promoters++;
    else if (v >= 7) c.passives++;
    else c.detractors++;
    if (cols.SAT[i] >= 4) c.sat++;
    c.n++;
  }
  return c;
}

describe('analyze: KPIs and gaps per segment level and per wave', () => {
  const study = analyze(survey(), spec);

  it('each level of a segment and each wave has the KPIs of its own rows (independent subset)', () => {
    const { line, wave } = data();
    const seg = study.segments!.line;
    expect(seg.order).toEqual(['a', 'b']);
    for (const [code, l] of LINES.entries()) {
      const own = kpisFromSurvey(subset((i) => line[i] === code), kpis);
      expect(seg.levels[l].kpis).toEqual(own);
      expect(seg.levels[l].gaps).toHaveLength(1);
      expect(seg.levels[l].gaps![0].n).toBe(seg.levels[l].n);
    }
    for (const [code, w] of WAVES.entries()) expect(study.waves!.levels[w].kpis).toEqual(kpisFromSurvey(subset((i) => wave[i] === code), kpis));
    // the levels' KPIs differ from the whole sample's (the test can tell them apart)
    expect(seg.levels.a.kpis!.nps.estimate).not.toBe(study.kpis!.nps.estimate);
  });

  it('KPI wave changes: Newcombe for CSAT, adjusted Wald for NPS, on the two waves\' counts; from-base rows too', () => {
    const [c1, c2, c3] = [counts(0), counts(1), counts(2)];
    const csat = study.waves!.changes.find((c) => c.measure === 'kpi:csat' && c.from === 'Q1' && c.to === 'Q2')!;
    const d = newcombeDifference(c2.sat, c2.n, c1.sat, c1.n);
    expect(csat.diff).toBeCloseTo(c2.sat / c2.n - c1.sat / c1.n, 12);
    expect(csat.lower).toBeCloseTo(d.lower, 12);
    expect(csat.upper).toBeCloseTo(d.upper, 12);
    const nps = study.waves!.changes.find((c) => c.measure === 'kpi:nps' && c.from === 'Q1' && c.to === 'Q3')!; // from the base
    const a = adjustedWaldNpsDifference(c1, c3);
    expect(nps.lower).toBeCloseTo(100 * a.lower, 10);
    expect(nps.upper).toBeCloseTo(100 * a.upper, 10);
    expect(nps.p).toBeCloseTo(a.p, 12);
    expect(nps.diff).toBeCloseTo(100 * ((c3.promoters - c3.detractors) / c3.n - (c1.promoters - c1.detractors) / c1.n), 10);
    // indices keep Welch and stay out of `kpis`; KPI measures stay out of `indices`
    expect(Object.keys(study.waves!.levels.Q1.indices)).toEqual(['X', 'Y']);
  });

  it('trend over three waves for KPI measures: the WLS trend of the waves\' estimates and SEs', () => {
    const ks = WAVES.map((w) => study.waves!.levels[w].kpis!.nps);
    const tr = wlsTrend(ks.map((k) => k.estimate!), ks.map((k) => k.se!))!;
    expect(study.waves!.trend['kpi:nps'].slope).toBeCloseTo(tr.slope, 12);
    expect(study.waves!.trend['kpi:nps'].se).toBeCloseTo(tr.se, 12);
  });

  it('the JSON validates against studyJsonSchema, and a malformed level KPI does not', () => {
    const json = JSON.parse(JSON.stringify(study));
    const ok = studyJsonSchema.safeParse(json);
    expect(ok.success ? [] : ok.error.issues).toEqual([]);
    json.segments.line.levels.a.kpis.nps.estimate = 'high';
    expect(studyJsonSchema.safeParse(json).success).toBe(false);
  });

  it('formatStudy shows KPIs, gaps, the distribution table, per-level KPIs and KPI changes', () => {
    const text = formatStudy(study);
    expect(text).toMatch(/^KPIs \(/m);
    expect(text).toMatch(/^Gaps \(/m);
    expect(text).toMatch(/Y − X\s+-?\d+\.\d\d/);
    expect(text).toMatch(/^Satisfaction distribution/m);
    expect(text).toMatch(/KPIs and gaps by line/);
    expect(text).toMatch(/KPIs and gaps by wave/);
    expect(text).toMatch(/^KPI changes by wave/m);
    expect(text).toContain(`${(100 * study.kpis!.csat.estimate!).toFixed(1)}%`);
  });
});

describe('kpi:* targets', () => {
  // CSAT (4-5 of 1-5): every 20th respondent answers 1, so the share is 0.95 on n = 240; SE √(.95·.05/240) = 0.0141;
  // one-sided 95 % bounds ≈ 0.95 ∓ 1.651·0.0141 = [0.927, 0.973]
  const targets = (value: number, measure = 'kpi:csat') => [{ measure, comparator: '>=' as const, value, per: null, change: null }];
  const run = (value: number, measure?: string) => analyze(survey(), { model, waves: { column: 'wave' }, kpis, targets: targets(value, measure), minN: 10 }).scorecard!;

  it('a share target on [0, 1] gets the status known by hand', () => {
    expect(analyze(survey(), { model, kpis, scale: [1, 10] }).kpis!.csat.estimate).toBe(0.95);
    expect(run(0.9)[0]).toMatchObject({ measure: 'kpi:csat', status: 'met', estimate: 0.95 });
    expect(run(0.96)[0].status).toBe('not yet distinguishable');
    expect(run(0.99)[0].status).toBe('not met');
    expect(run(90)[0].status).toBe('not met'); // a target in percent is not a share
  });

  it('kpi:KIND:COLUMN names the same KPI; an unknown KPI measure is a CsiError', () => {
    expect(run(0.9, 'kpi:csat:SAT')[0]).toMatchObject({ measure: 'kpi:csat', status: 'met' });
    expect(() => run(0.9, 'kpi:fcr')).toThrow(CsiError);
    expect(() => run(0.9, 'kpi:fcr')).toThrow(/unknown KPI measure "kpi:fcr".*kpi:nps, kpi:csat/);
  });

  it('a per-wave KPI target scores every wave', () => {
    const rows = analyze(survey(), { model, waves: { column: 'wave' }, kpis, targets: [{ measure: 'kpi:nps', comparator: '>=', value: -100, per: 'wave', change: null }], minN: 10 }).scorecard!;
    expect(rows.map((r) => r.wave)).toEqual(WAVES);
    expect(rows.every((r) => r.status === 'met')).toBe(true);
  });
});
