/** Hand-derived checks of wave ordering, wave changes, the scorecard, targets parsing and the planner's refusals. */
import { describe, expect, it } from 'vitest';
import { CsiError } from '../../src/errors.js';
import { noncentralTCdf, permutationTest, studentTCdf, studentTQuantile } from '../../src/inference/index.js';
import type { Estimate } from '../../src/study/types.js';
import { holmAdjust, naturalCompare, orderLevels, parseTargets, planSample, scorecard, targetStatus, waveChanges, wlsTrend } from '../../src/tracking/index.js';

const est = (mean: number, sd: number, n: number): Estimate => ({ n, mean, sd, se: sd / Math.sqrt(n), lower: null, upper: null });

/** Φ recomputed here, independently of src: Φ(x) = ½(1 + erf(x/√2)), erf by its Maclaurin series (exact to 1e-15 for |x| ≤ 3). */
function phi(x: number): number {
  const z = x / Math.SQRT2;
  let term = z;
  let sum = z;
  for (let n = 1; n < 80; n++) {
    term *= (-z * z) / n;
    sum += term / (2 * n + 1);
  }
  return 0.5 * (1 + (2 / Math.sqrt(Math.PI)) * sum);
}

describe('distributions', () => {
  it('t quantile inverts the CDF; noncentral t reduces to central at ncp 0 and matches a hand value', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174698, 10); // Cauchy: tan(0.475π)
    for (const df of [1, 3, 10, 179, 1e5]) for (const p of [0.6, 0.95, 0.999]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 11);
    expect(noncentralTCdf(1.3, 7, 0)).toBeCloseTo(studentTCdf(1.3, 7), 14);
    // df = 1, t = 0: P(T' ≤ 0) = Φ(−ncp) exactly (the numerator Z + ncp must be ≤ 0)
    expect(noncentralTCdf(0, 1, 1.5)).toBeCloseTo(phi(-1.5), 12);
    // large df: T' ≈ N(ncp, 1)
    expect(noncentralTCdf(2, 3e5, 1)).toBeCloseTo(phi(1), 4);
  });
});

describe('wave order', () => {
  it('natural sort puts 2025Q4 before 2026Q1 and Q2 before Q10; codebook order wins', () => {
    expect(['2026Q1', '2025Q4', '2025Q10', '2025Q2'].sort(naturalCompare)).toEqual(['2025Q2', '2025Q4', '2025Q10', '2026Q1']);
    expect(orderLevels(['Q10', 'Q2', 'Q1'])).toEqual({ order: ['Q1', 'Q2', 'Q10'], source: 'natural' });
    expect(orderLevels(['spring', 'autumn', 'extra'], ['spring', 'summer', 'autumn'])).toEqual({ order: ['spring', 'autumn', 'extra'], source: 'codebook' });
  });
});

describe('wave changes', () => {
  it('later − earlier, previous and base; an injected difference function is used for its measure', () => {
    const waves = [
      { wave: 'Q1', estimates: { S: est(70, 10, 100), 'kpi:nps': est(20, 50, 100) } },
      { wave: 'Q2', estimates: { S: est(72, 10, 100), 'kpi:nps': est(25, 50, 100) } },
      { wave: 'Q3', estimates: { S: est(75, 10, 100), 'kpi:nps': est(30, 50, 100) } },
    ];
    const ch = waveChanges(waves, { base: 'Q1', changeFor: (m) => (m === 'kpi:nps' ? (b, a) => ({ diff: b.mean! - a.mean!, se: 1, lower: null, upper: null, p: 0.5 }) : undefined) });
    const s = ch.filter((c) => c.measure === 'S').map((c) => [c.from, c.to, c.diff]);
    expect(s).toEqual([['Q1', 'Q2', 2], ['Q2', 'Q3', 3], ['Q1', 'Q3', 5]]);
    const q13 = ch.find((c) => c.measure === 'S' && c.from === 'Q1' && c.to === 'Q3')!;
    // SE = √(1 + 1) = √2 (sd 10, n 100 in both waves)
    expect(q13.se).toBeCloseTo(Math.SQRT2, 12);
    expect(ch.filter((c) => c.measure === 'kpi:nps').every((c) => c.p === 0.5 && c.se === 1)).toBe(true);
  });

  it('trend: an exact line has Q = 0 and the known SE 1/√Σu(τ − τ̄)²', () => {
    const tr = wlsTrend([1, 2, 3, 4], [1, 1, 1, 1])!;
    expect(tr.slope).toBeCloseTo(1, 12);
    expect(tr.q).toBeCloseTo(0, 12);
    expect(tr.se).toBeCloseTo(1 / Math.sqrt(5), 12); // Σ(τ − 2.5)² = 5
    expect(wlsTrend([1, 2], [1, 1])).toBeNull();
  });
});

describe('scorecard', () => {
  it('statuses from one-sided bounds; change target rows for waves 2..k', () => {
    expect(targetStatus(80.1, 85, 80, '>=')).toBe('met');
    expect(targetStatus(70, 79.9, 80, '>=')).toBe('not met');
    expect(targetStatus(79, 81, 80, '>=')).toBe('not yet distinguishable');
    expect(targetStatus(70, 79.9, 80, '<=')).toBe('met');
    const waves = [
      { wave: 'Q1', estimates: { S: est(70, 10, 400) } },
      { wave: 'Q2', estimates: { S: est(74, 10, 400) } },
      { wave: 'Q3', estimates: { S: est(74.5, 10, 400) } },
    ];
    const targets = parseTargets(JSON.stringify([
      { measure: 'S', comparator: '>=', value: 72, per: 'wave', change: null },
      { measure: 'S', comparator: '>=', value: null, change: 2, per: 'wave' },
    ]));
    const rows = scorecard(targets, { S: est(73, 10, 1200) }, waves);
    const level = rows.filter((r) => r.change === null);
    expect(level.map((r) => r.status)).toEqual(['not met', 'met', 'met']);
    // Q1: bound = 70 + qt(.95, 399)·0.5 (upper one-sided bound < 72 → not met); reported bound is the lower one
    expect(level[0].bound).toBeCloseTo(70 - studentTQuantile(0.95, 399) * 0.5, 12);
    const change = rows.filter((r) => r.change !== null);
    expect(change.map((r) => r.wave)).toEqual(['Q2', 'Q3']);
    expect(change[0].estimate).toBeCloseTo(4, 12);
    expect(change[0].status).toBe('met'); // 4 − 1.647·0.7071 = 2.84 ≥ 2
    expect(change[1].status).toBe('not met'); // 0.5 + 1.16 = 1.66 < 2
    expect(change[0].pMet).toBeCloseTo(0.9976611325, 8); // Φ(2/√0.5)
  });

  it('refuses an unknown measure and a malformed file with one plain message', () => {
    const t = parseTargets('[{"measure": "Nope", "comparator": ">=", "value": 1}]');
    expect(() => scorecard(t, { S: est(1, 1, 10) })).toThrow(/unknown measure "Nope"/);
    expect(() => parseTargets('[{"measure": "S", "comparator": "=>", "value": 1}]')).toThrow(CsiError);
    expect(() => parseTargets('[{"measure": "S", "comparator": ">=", "value": 1, "change": 2}]')).toThrow(/exactly one/);
    expect(() => parseTargets('{')).toThrow(/not valid JSON/);
  });
});

describe('planSample', () => {
  it('deff multiplies the final n; FPC n0/(1 + (n0 − 1)/N); nRequired is the ceiling', () => {
    const a = planSample({ sd: 14.41, margin: 2 });
    const b = planSample({ sd: 14.41, margin: 2, deff: 1.3, population: 1500 });
    expect(b.n).toBeCloseTo((a.n0 / (1 + (a.n0 - 1) / 1500)) * 1.3, 10);
    expect(b.nRequired).toBe(Math.ceil(b.n));
    // minDetectable is the two-sample t-test δ (R power.t.test, strict = FALSE) at minDetectableAt per wave:
    // recompute its power from the noncentral t: 1 − F(t_{.975, 2(m−1)}; 2(m−1), δ / (σ √(2/m))) must be 0.80.
    const m = a.minDetectableAt;
    const df = 2 * (m - 1);
    const ncp = a.minDetectable! / (14.41 * Math.sqrt(2 / m));
    expect(1 - noncentralTCdf(studentTQuantile(0.975, df), df, ncp)).toBeCloseTo(0.8, 6);
    expect(m).toBe(a.nRequired);
    const alloc = planSample({ sd: 10, margin: 1, segments: [{ name: 'a', size: 1000, sd: 10 }, { name: 'b', size: 3000, sd: 10 }], allocate: 'equal' });
    expect(alloc.allocation!.segments.map((s) => s.n)).toEqual([alloc.nRequired / 2, alloc.nRequired / 2]);
  });

  it('refuses impossible inputs', () => {
    expect(() => planSample({ sd: 10, margin: 0 })).toThrow(/--margin/);
    expect(() => planSample({ delta: 3, sd: 10, power: 1 })).toThrow(/--power/);
    expect(() => planSample({ npsShares: [0.5, 0.3, 0.3], delta: 5 })).toThrow(/--nps-shares/);
    expect(() => planSample({})).toThrow(/Nothing to plan/);
  });
});

describe('permutation test', () => {
  it('is identical for any chunk (worker) count at a seed, and changes with the seed', () => {
    const labels = Int32Array.from({ length: 40 }, (_, i) => (i < 18 ? 0 : 1));
    const y = Array.from({ length: 40 }, (_, i) => Math.sin(i * 1.7) + (i >= 18 ? 0.4 : 0));
    const stat = (g: ArrayLike<number>): number[] => {
      let a = 0, b = 0, na = 0, nb = 0;
      for (let i = 0; i < 40; i++) if (g[i]) (b += y[i]), nb++; else (a += y[i]), na++;
      return [b / nb - a / na, NaN];
    };
    const one = permutationTest(labels, stat, { permutations: 300, seed: 11 });
    for (const chunks of [2, 3, 7]) expect(permutationTest(labels, stat, { permutations: 300, seed: 11, chunks })).toEqual(one);
    expect(one.p[1]).toBeNull();
    expect(one.used[0]).toBe(300);
    expect(permutationTest(labels, stat, { permutations: 300, seed: 12 }).p[0]).not.toBe(one.p[0]);
  });

  it('Holm of a single p is that p', () => {
    expect(holmAdjust([0.03])).toEqual([0.03]);
  });
});

describe('waveResult', () => {
  it('base defaults to the first wave; trend for three or more waves; changes are later − earlier', async () => {
    const { waveResult } = await import('../../src/tracking/index.js');
    const levels = { Q1: { n: 100, indices: { S: est(70, 10, 100) } }, Q2: { n: 100, indices: { S: est(71, 10, 100) } }, Q3: { n: 100, indices: { S: est(72, 10, 100) } } };
    const r = waveResult({ column: 'quarter', order: ['Q1', 'Q2', 'Q3'], orderSource: 'natural', levels });
    expect(r.base).toBe('Q1');
    expect(r.changes.map((c) => `${c.from}>${c.to}:${c.diff}`)).toEqual(['Q1>Q2:1', 'Q2>Q3:1', 'Q1>Q3:2']);
    expect(r.trend.S.slope).toBeCloseTo(1, 12);
    expect(r.trend.S.se).toBeCloseTo(1 / Math.sqrt(2), 12); // u = 1 each, Σ(τ − 2)² = 2
    expect(r.trend.S.q).toBeCloseTo(0, 12);
    expect(waveResult({ column: 'q', order: ['Q1', 'Q2'], orderSource: 'natural', levels }).trend).toEqual({});
  });
});

describe('readable waves and scorecard', () => {
  it('states the order rule, changes, trend and statuses', async () => {
    const { waveResult, formatWaves, formatScorecard } = await import('../../src/tracking/index.js');
    const levels = { '2025Q4': { n: 100, indices: { S: est(70, 10, 100) } }, '2026Q1': { n: 100, indices: { S: est(71, 10, 100) } }, '2026Q2': { n: 100, indices: { S: est(73, 10, 100) } } };
    const w = waveResult({ column: 'quarter', order: ['2025Q4', '2026Q1', '2026Q2'], orderSource: 'natural', levels });
    const text = formatWaves(w);
    expect(text).toMatch(/natural sort of the labels/);
    expect(text).toMatch(/change 2025Q4 → 2026Q2: \+3\.00/);
    expect(text).toMatch(/trend 1\.500 per wave/);
    const rows = scorecard(parseTargets('[{"measure": "S", "comparator": ">=", "value": 60, "per": "wave"}]'), {}, Object.entries(levels).map(([wave, l]) => ({ wave, estimates: l.indices })));
    expect(formatScorecard(rows)).toMatch(/S \[2025Q4\] >= 60: estimate 70\.00, bound .*, MET, P\(met\) 1\.000/);
  });
});
