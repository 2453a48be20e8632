/**
 * Segment breakdowns: tracking.md E2 through the full pipeline (rows → grouped moments → estimator → Welch pairs →
 * Holm/BH), hand-derived diffFromAll and warnings, refusals, and the seeded permutation test of path differences.
 */
import { describe, expect, it } from 'vitest';
import { surveyFromRows } from '../../src/data/index.js';
import { normalQuantile } from '../../src/inference/index.js';
import { parseModel } from '../../src/model/index.js';
import { groupedMomentsOfSurvey, levelRows, permutationPathTest, plsLevelFit, reestimateLevels, segmentBreakdown, segmentColumn } from '../../src/segments/index.js';
import { SKIP_MESSAGE } from '../helpers/csvSurvey.js';
import { meanOfFirstItem } from './helpers.js';
import { HAS_TRACKING, numbers, section, tableAfter, tupleAfter } from '../tracking/trackingDoc.js';

/** R's mk(n, m, s): m + s·scale(qnorm(ppoints(n))) (tracking.md Appendix A). */
function mk(n: number, m: number, s: number): number[] {
  const a = n <= 10 ? 3 / 8 : 1 / 2;
  const z = Array.from({ length: n }, (_, i) => normalQuantile((i + 1 - a) / (n + 1 - 2 * a)));
  const zm = z.reduce((x, y) => x + y, 0) / n;
  const zs = Math.sqrt(z.reduce((x, y) => x + (y - zm) ** 2, 0) / (n - 1));
  return z.map((v) => m + (s * (v - zm)) / zs);
}

function surveyOf(groups: Record<string, number[]>) {
  const rows = Object.entries(groups).flatMap(([g, ys]) => ys.map((y) => ({ y, region: g })));
  return surveyFromRows(rows, { codebook: { items: [{ id: 'y', scale: { min: -1000, max: 1000 } }], segments: [{ id: 'region', levels: Object.keys(groups).map((value) => ({ value })) }] } });
}

describe.skipIf(!HAS_TRACKING)('tracking.md E2 through segmentBreakdown (skipped when ../shared is absent)', () => {
  it('pairwise Welch, Holm and BH over the column’s pairs of one construct', () => {
    const sec = section('### 6.3');
    const sizes = tupleAfter(sec, 'sizes ');
    const means = tupleAfter(sec, 'means ');
    const sds = tupleAfter(sec, 'SDs ');
    const names = ['North', 'East', 'South', 'West'];
    const survey = surveyOf(Object.fromEntries(names.map((nm, i) => [nm, mk(sizes[i], means[i], sds[i])])));
    const grouped = groupedMomentsOfSurvey(survey, 'region', { items: ['y'], missing: 'casewise' });
    for (const adjust of ['holm', 'bh'] as const) {
      const { breakdown } = segmentBreakdown(grouped, 'region', meanOfFirstItem('Y'), { levels: names, adjust });
      expect(breakdown.order).toEqual(names);
      expect(breakdown.pairwise).toHaveLength(6);
      const e2 = tableAfter(sec, '**Worked example E2**');
      expect(e2).toHaveLength(6); // all C(4, 2) pairs: the loop below cannot pass by being empty
      for (const r of e2) {
        const [x, y] = r[0].split('–');
        const pair = breakdown.pairwise.find((p) => (p.a === x && p.b === y) || (p.a === y && p.b === x))!;
        expect(names.indexOf(pair.a)).toBeLessThan(names.indexOf(pair.b));
        const [p, holm, bh] = numbers(r.slice(1).join(' '));
        expect(Math.abs(pair.p! - p)).toBeLessThan(1e-9);
        expect(Math.abs(pair.pAdjusted! - (adjust === 'holm' ? holm : bh))).toBeLessThan(1e-9);
        expect(pair.diff).toBeCloseTo(means[names.indexOf(pair.a)] - means[names.indexOf(pair.b)], 10);
      }
    }
  });
});
if (!HAS_TRACKING) describe('tracking.md E2 through segmentBreakdown', () => {
  it.skip(SKIP_MESSAGE, () => {});
});

describe('segmentBreakdown, hand-derived', () => {
  it('diffFromAll, Σw, natural level order, a warning for a small level (never a drop)', () => {
    // A: 1..40 (mean 20.5), B: 101..110 (mean 105.5); whole sample mean (820 + 1055)/50 = 37.5
    const survey = surveyOf({ B10: Array.from({ length: 10 }, (_, i) => 101 + i), A2: Array.from({ length: 40 }, (_, i) => 1 + i) });
    const grouped = groupedMomentsOfSurvey(survey, 'region', { items: ['y'], missing: 'casewise' });
    const { breakdown, warnings } = segmentBreakdown(grouped, 'region', meanOfFirstItem('Y'));
    expect(breakdown.order).toEqual(['A2', 'B10']);
    expect(breakdown.levels.A2.indices.Y.diffFromAll).toBeCloseTo(20.5 - 37.5, 12);
    expect(breakdown.levels.B10.indices.Y.diffFromAll).toBeCloseTo(105.5 - 37.5, 12);
    expect(breakdown.levels.B10.sumWeights).toBe(10);
    expect(breakdown.adjust).toBe('holm');
    expect(warnings.map((w) => [w.code, w.column, w.count])).toEqual([['TOO_FEW_ROWS', 'region', 10]]);
    expect(segmentBreakdown(grouped, 'region', meanOfFirstItem('Y'), { minN: 5 }).warnings).toEqual([]);
  });

  it('refuses a level with one respondent, an unknown column, a numeric column with too many levels', () => {
    const survey = surveyOf({ A: [1, 2, 3], B: [4] });
    const grouped = groupedMomentsOfSurvey(survey, 'region', { items: ['y'], missing: 'casewise' });
    expect(() => segmentBreakdown(grouped, 'region', meanOfFirstItem('Y'))).toThrow(/"B" of segment column region has only one respondent/);
    expect(() => segmentColumn(survey, 'nope')).toThrow(/no column nope/);
    const many = surveyOf({ A: Array.from({ length: 40 }, (_, i) => i) });
    expect(() => segmentColumn(many, 'y')).toThrow(/numeric with 40 distinct values/);
    expect(segmentColumn(surveyOf({ A: [1, 2, 1, 2] }), 'y').levels).toEqual(['1', '2']);
  });
});

describe('re-estimation per level and the permutation test', () => {
  const n = 120;
  const rows = Array.from({ length: n }, (_, i) => {
    const g = i % 2 ? 'B' : 'A';
    const u = Math.sin(i * 12.9898) * 43758.5453;
    const e = u - Math.floor(u);
    const x1 = 1 + ((i * 7) % 10);
    const x2 = 1 + ((i * 3 + 1) % 10);
    const slope = g === 'A' ? 0.8 : 0.3;
    const y1 = Math.min(10, Math.max(1, Math.round(slope * x1 + (1 - slope) * 5 + 3 * (e - 0.5))));
    const y2 = Math.min(10, Math.max(1, Math.round(slope * x2 + (1 - slope) * 5 + 3 * (e - 0.5))));
    return { x1, x2, y1, y2, g };
  });
  const survey = surveyFromRows(rows, {
    codebook: { items: ['x1', 'x2', 'y1', 'y2'].map((id) => ({ id, scale: { min: 1, max: 10 } })), segments: [{ id: 'g' }] },
  });
  const model = parseModel('X =~ x1 + x2\nY =~ y1 + y2\nY ~ X');
  const fit = plsLevelFit(survey, model);
  const byLevel = levelRows(segmentColumn(survey, 'g'));

  it('per-level estimates use only the level’s rows', () => {
    const re = reestimateLevels(byLevel, fit, ['A', 'B']);
    expect(re.A.n).toBe(60);
    expect(re.A.paths[0]).toMatchObject({ from: 'X', to: 'Y' });
    expect(re.A.paths[0].estimate).not.toBeCloseTo(re.B.paths[0].estimate, 3);
    expect(re.A.rSquared.Y.r2).toBeCloseTo(re.A.paths[0].estimate ** 2, 10); // one predictor: R² = β²
  });

  it('the permutation p is the same for any worker (chunk) count at a seed', () => {
    const base = permutationPathTest(byLevel.get('A')!, byLevel.get('B')!, fit, { a: 'A', b: 'B', permutations: 60, seed: 5 });
    expect(base).toHaveLength(1);
    expect(base[0].diff).toBeCloseTo(reestimateLevels(byLevel, fit, ['A', 'B']).A.paths[0].estimate - reestimateLevels(byLevel, fit, ['A', 'B']).B.paths[0].estimate, 12);
    for (const chunks of [2, 5]) expect(permutationPathTest(byLevel.get('A')!, byLevel.get('B')!, fit, { a: 'A', b: 'B', permutations: 60, seed: 5, chunks })).toEqual(base);
    // p = share of the 60 permutations with |Δβ*| ≥ |Δβ| (reestimate.ts): a multiple of 1/60 in [0, 1].
    expect(base[0].p).toBeGreaterThanOrEqual(0);
    expect(base[0].p).toBeLessThanOrEqual(1);
    expect(Math.abs(base[0].p * 60 - Math.round(base[0].p * 60))).toBeLessThan(1e-9);
  });
});

describe('groupedMomentsBySegment and the readable breakdown', () => {
  it('a numeric column with few values becomes a segment; the text names the family', async () => {
    const { groupedMomentsBySegment, formatSegmentBreakdown } = await import('../../src/segments/index.js');
    const rows = Array.from({ length: 60 }, (_, i) => ({ y: (i * 37) % 11, wave: 1 + (i % 3) }));
    const survey = surveyFromRows(rows, { codebook: { items: [{ id: 'y', scale: { min: 0, max: 10 } }], numeric: [{ id: 'wave' }] } });
    const seg = segmentColumn(survey, 'wave');
    const grouped = groupedMomentsBySegment(survey, seg, { items: ['y'], missing: 'casewise' });
    expect(grouped.groups.map((g) => [g.key[0], g.moments.n])).toEqual([['1', 20], ['2', 20], ['3', 20]]);
    const { breakdown } = segmentBreakdown(grouped, 'wave', meanOfFirstItem('Y'), { adjust: 'bh', minN: 10 });
    const text = formatSegmentBreakdown('wave', breakdown);
    expect(text).toMatch(/Benjamini-Hochberg within each construct/);
    expect(text).toMatch(/1 − 2 = /);
  });
});

describe('meanReplacedMoments', () => {
  it('equals the moments of the rows with missing cells replaced by the given means', async () => {
    const { meanReplacedMoments } = await import('../../src/segments/index.js');
    const { momentsFromSurvey } = await import('../../src/stats/index.js');
    const rows = Array.from({ length: 50 }, (_, i) => ({
      a: i % 7 === 0 ? '' : 1 + ((i * 3) % 10),
      b: i % 5 === 1 ? '' : 1 + ((i * 7) % 10),
      c: i % 3 === 2 ? '' : 1 + ((i * 11) % 10),
      w: 0.5 + (i % 4) * 0.5,
    }));
    const codebook = { weight: 'w', items: ['a', 'b', 'c'].map((id) => ({ id, scale: { min: 1, max: 10 } })) };
    const survey = surveyFromRows(rows, { codebook });
    const mu = [4.25, 6.5, 5.125];
    const rowsSel = Int32Array.from({ length: 30 }, (_, i) => i + 10);
    const got = meanReplacedMoments(momentsFromSurvey(survey, { items: ['a', 'b', 'c'], missing: 'mean', rows: rowsSel }), mu);
    const filled = rows.map((r) => ({ ...r, a: r.a === '' ? mu[0] : r.a, b: r.b === '' ? mu[1] : r.b, c: r.c === '' ? mu[2] : r.c }));
    const want = momentsFromSurvey(surveyFromRows(filled, { codebook: { ...codebook, items: ['a', 'b', 'c'].map((id) => ({ id, scale: { min: 0, max: 10 } })) } }), { items: ['a', 'b', 'c'], missing: 'mean', rows: rowsSel });
    expect(got.complete).toBe(true);
    got.s.forEach((v, i) => expect(v).toBeCloseTo(want.s[i], 10));
    got.c.forEach((v, i) => expect(v).toBeCloseTo(want.c[i], 9));
    expect(got.sw).toBe(want.sw);
  });
});
