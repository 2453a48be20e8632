/**
 * The KPI interval fixtures of ../shared/docs/tracking.md §8 (B1 Wilson, B2 Newcombe, B2ref Newcombe Table II / SAS,
 * B3 Tango, B3w NPS Wald difference, B4 weighted proportion as svyciprop "wilson"). The table, its inputs and the
 * B4 data of §3.3 are parsed from the markdown at run time; no number is copied into this repository.
 */
import { describe, expect, it } from 'vitest';
import { adjustedWaldNpsDifference, csatFromColumn, kpiChange, npsFromColumn, pooledProportionZ, newcombeDifference, surveyWilsonInterval, tangoNpsInterval, waldNpsDifference, weightedMeanLinearized, wilsonInterval, kishEffectiveN } from '../../src/kpi/index.js';
import { HAS_SHARED, SKIP_MESSAGE, sharedText } from '../helpers/csvSurvey.js';

/** Numbers in a markdown cell (Unicode minus understood). */
const numbers = (s: string): number[] => (s.replace(/−/g, '-').match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);

function fixtureTable(): Map<string, { inputs: string; expected: string }> {
  const md = sharedText('docs/tracking.md');
  const section = md.slice(md.indexOf('## 8. Fixture table'), md.indexOf('## 9.'));
  const rows = new Map<string, { inputs: string; expected: string }>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6 || !/^[A-Z]\d/.test(cells[1])) continue;
    rows.set(cells[1], { inputs: cells[2], expected: cells[4] });
  }
  return rows;
}

/** Largest |diff| seen, reported at the end so the lead can read it. */
let maxDiff = 0;
const close = (got: number, want: number, tol: number) => {
  maxDiff = Math.max(maxDiff, Math.abs(got - want));
  expect(Math.abs(got - want)).toBeLessThanOrEqual(tol);
};

describe.skipIf(!HAS_SHARED)(`tracking.md §8 KPI fixtures (${HAS_SHARED ? 'from ../shared' : SKIP_MESSAGE})`, () => {
  const table = HAS_SHARED ? fixtureTable() : new Map();
  const row = (id: string) => {
    const r = table.get(id);
    if (!r) throw new Error(`fixture ${id} not found in tracking.md §8`);
    return r;
  };

  it('B1: Wilson interval of x/n', () => {
    const [x, n] = numbers(row('B1').inputs);
    const [lo, hi] = numbers(row('B1').expected);
    const ci = wilsonInterval(x, n);
    close(ci.lower, lo, 1e-9);
    close(ci.upper, hi, 1e-9);
  });

  it('B2: Newcombe hybrid score difference', () => {
    const [x1, n1, x2, n2] = numbers(row('B2').inputs);
    const [lo, hi] = numbers(row('B2').expected);
    const d = newcombeDifference(x1, n1, x2, n2);
    close(d.estimate, x1 / n1 - x2 / n2, 1e-15);
    close(d.lower, lo, 1e-9);
    close(d.upper, hi, 1e-9);
  });

  it('B2ref: Newcombe Table II / SAS values after rounding to 4 decimals', () => {
    const inputs = row('B2ref').inputs.split(';').map(numbers);
    const expected = row('B2ref').expected.split(';').map(numbers);
    expect(inputs.length).toBe(4);
    inputs.forEach(([x1, n1, x2, n2]: number[], k: number) => {
      const d = newcombeDifference(x1, n1, x2, n2);
      const [lo, hi] = expected[k];
      expect(Math.round(d.lower * 1e4) / 1e4).toBeCloseTo(lo, 10);
      expect(Math.round(d.upper * 1e4) / 1e4).toBeCloseTo(hi, 10);
    });
  });

  it('B3: Tango score interval for one NPS (unit scale)', () => {
    const [D, Pa, P] = numbers(row('B3').inputs);
    const [lo, hi] = numbers(row('B3').expected.replace(/\(±[^)]*\)/, ''));
    const ci = tangoNpsInterval(D, P, D + Pa + P);
    close(ci.lower, lo, 1e-6);
    close(ci.upper, hi, 1e-6);
  });

  it('B3w: Wald difference of two NPS', () => {
    const [d1, pa1, p1, d2, pa2, p2] = numbers(row('B3w').inputs);
    const [delta, se] = numbers(row('B3w').expected);
    const d = waldNpsDifference({ detractors: d1, passives: pa1, promoters: p1 }, { detractors: d2, passives: pa2, promoters: p2 });
    close(d.estimate, delta, 1e-9);
    close(d.se, se, 1e-9);
  });

  it('B4: weighted proportion, design-based effective n, Wilson with t (survey::svyciprop "wilson")', () => {
    const md = sharedText('docs/tracking.md');
    const s33 = md.slice(md.indexOf('### 3.3'), md.indexOf('### 3.4'));
    const y = Float64Array.from(numbers(/y = \(([^)]*)\)/.exec(s33)![1]));
    const w = Float64Array.from(numbers(/w = \(([^)]*)\)/.exec(s33)![1]));
    expect(y.length).toBe(w.length);
    const m = weightedMeanLinearized(y, w);
    const [lo, hi] = numbers(row('B4').expected);
    const ci = surveyWilsonInterval(m.mean, m.variance, y.length - 1);
    close(ci.lower, lo, 1e-6);
    close(ci.upper, hi, 1e-6);
    // the §3.3 text also states Var_lin and Kish's n_eff
    const varLin = numbers(/Var_lin = ([\d.]+)/.exec(s33)![1])[0];
    const kish = numbers(/n_eff\(Kish\) = ([\d.]+)/.exec(s33)![1])[0];
    close(m.variance, varLin, 1e-9);
    close(kishEffectiveN(w), kish, 1e-8);
  });

  it('B2 pooled z (§3.2) and kpiChange on two CSAT samples: Newcombe + pooled-z p', () => {
    const [x2, n2, x1, n1] = numbers(row('B2').inputs); // Q2 − Q1
    const md = sharedText('docs/tracking.md');
    const s32 = md.slice(md.indexOf('### 3.2'), md.indexOf('### 3.3'));
    const [z, , p] = numbers(/\| pooled z; [^|]*\| ([^|]*)\|/.exec(s32)![1]);
    const pz = pooledProportionZ(x1, n1, x2, n2);
    close(pz.z, z, 1e-8);
    close(pz.p, p, 1e-9);
    const sample = (x: number, n: number) => csatFromColumn(Float64Array.from({ length: n }, (_, i) => (i < x ? 5 : 1)), { scale: [1, 5] });
    const c = kpiChange('csat', 'Q1', 'Q2', sample(x1, n1), sample(x2, n2));
    const [lo, hi] = numbers(row('B2').expected);
    close(c.lower!, lo, 1e-9);
    close(c.upper!, hi, 1e-9);
    close(c.p!, p, 1e-9);
  });

  it('B3 adjusted-Wald NPS difference (§3.4) and kpiChange on two NPS samples', () => {
    const [d1, pa1, p1, d2, pa2, p2] = numbers(row('B3w').inputs);
    const md = sharedText('docs/tracking.md');
    const s34 = md.slice(md.indexOf('### 3.4'), md.indexOf('### 3.5'));
    const m = /adjusted-Wald Δ̂ = ([\d.]+), SE ([\d.]+),\s*CI \(([^)]*)\)/.exec(s34)!;
    const [delta, se] = [Number(m[1]), Number(m[2])];
    const [lo, hi] = numbers(m[3]);
    const a = adjustedWaldNpsDifference({ detractors: d1, passives: pa1, promoters: p1 }, { detractors: d2, passives: pa2, promoters: p2 });
    close(100 * a.estimate, delta, 1e-7);
    close(100 * a.se, se, 1e-7);
    const sample = (d: number, pa: number, pr: number) => npsFromColumn(Float64Array.from({ length: d + pa + pr }, (_, i) => (i < d ? 3 : i < d + pa ? 8 : 10)));
    const c = kpiChange('nps', 'w1', 'w2', sample(d1, pa1, p1), sample(d2, pa2, p2));
    close(c.lower!, lo, 1e-7);
    close(c.upper!, hi, 1e-7);
  });

  it('reports the largest |diff| against the fixtures', () => {
    console.log(`tracking.md §8 KPI fixtures: max |diff| = ${maxDiff.toExponential(2)}`);
    expect(maxDiff).toBeLessThan(1e-6);
  });
});
