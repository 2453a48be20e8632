/** KPI functions on small cases derived by hand (the derivation is next to each expectation). */
import { describe, expect, it } from 'vitest';
import { CsiError } from '../../src/errors.js';
import {
  adjustedWaldNpsInterval,
  ces,
  cesFromColumn,
  csat,
  csatFromColumn,
  fcr,
  fcrFromColumn,
  kishEffectiveN,
  kpiKeys,
  nps,
  npsFromColumn,
  responseTime,
  responseTimeFromColumn,
  tangoNpsInterval,
  weightedMedian,
  wilsonInterval,
} from '../../src/kpi/index.js';

const f = (...x: number[]) => Float64Array.from(x);
/** qt(0.975, 2): with 2 df, t_p = (2p − 1)·√(2/(4p(1 − p))). */
const T975_2 = 0.95 * Math.sqrt(2 / (4 * 0.975 * 0.025));

function thrown(fn: () => unknown): CsiError {
  try {
    fn();
  } catch (e) {
    return e as CsiError;
  }
  throw new Error('did not throw');
}

describe('nps', () => {
  it('counts promoters 9-10, passives 7-8, detractors 0-6, observed answers only', () => {
    // 10, 9 promoters; 8, 7 passives; 6, 0 detractors; NaN not answered: n 6, NPS 100·(2/6 − 2/6) = 0
    const r = npsFromColumn(f(10, 9, 8, 7, 6, 0, NaN), { column: 'NPS' });
    expect(r).toMatchObject({ kind: 'nps', column: 'NPS', n: 6, nEff: 6, method: 'tango' });
    expect(r.estimate).toBeCloseTo(0, 12);
    expect(r.promoters).toBeCloseTo(1 / 3, 12);
    expect(r.passives).toBeCloseTo(1 / 3, 12);
    expect(r.detractors).toBeCloseTo(1 / 3, 12);
    // σ² = p_P + p_D − (p_P − p_D)² = 2/3; SE = 100·√(σ²/n) = 100/3 points
    expect(r.se).toBeCloseTo(100 / 3, 10);
    const t = tangoNpsInterval(2, 2, 6);
    expect(r.lower).toBeCloseTo(100 * t.lower, 10);
    expect(r.upper).toBeCloseTo(100 * t.upper, 10);
    // symmetric counts give a symmetric Tango interval
    expect(t.lower).toBeCloseTo(-t.upper, 10);
  });

  it('Tango limits hit the boundary when everyone is a promoter or a detractor', () => {
    expect(tangoNpsInterval(0, 10, 10).upper).toBe(1);
    expect(tangoNpsInterval(10, 0, 10).lower).toBe(-1);
  });

  it('adjusted Wald adds (0.75, 1.5, 0.75): (0,0,0) + pseudo-counts is centred on 0', () => {
    expect(adjustedWaldNpsInterval({ detractors: 5, passives: 0, promoters: 5 }).centre).toBeCloseTo(0, 12);
  });

  it('weighted: Wald with the linearisation SE of the +1/0/−1 scores', () => {
    // equal weights 2: y = (1, 1, 0, 0, −1, −1), ȳ = 0, Var_lin = n/(n−1)·Σw²y²/W² = 6/5·16/144 = 2/15
    const r = npsFromColumn(f(10, 9, 8, 7, 6, 0), { weights: f(2, 2, 2, 2, 2, 2) });
    expect(r.method).toBe('wald-linearized');
    expect(r.se).toBeCloseTo(100 * Math.sqrt(2 / 15), 10);
    expect(r.nEff).toBeCloseTo(6, 12); // Kish: 12²/24
    // 1.959963984540054 = qnorm(0.975) (R), z of the two-sided 95 % Wald interval
    expect(r.upper! - r.estimate!).toBeCloseTo(1.959963984540054 * 100 * Math.sqrt(2 / 15), 8);
    // unequal weights move the shares: promoters weigh 3 each, others 1: p_P = 6/10, p_D = 2/10 → 40 points
    const u = npsFromColumn(f(10, 9, 8, 7, 6, 0), { weights: f(3, 3, 1, 1, 1, 1) });
    expect(u.estimate).toBeCloseTo(40, 10);
    expect(u.promoters).toBeCloseTo(0.6, 12);
  });

  it('refuses values outside 0-10, naming row and column', () => {
    const e = thrown(() => nps([{ r: 9 }, { r: 11 }], (x) => x.r, { column: 'recommend' }));
    expect(e.code).toBe('OUT_OF_SCALE');
    expect(e.row).toBe(3);
    expect(e.column).toBe('recommend');
    expect(thrown(() => npsFromColumn(f(7.5))).code).toBe('OUT_OF_SCALE');
  });

  it('accessor style equals the column form', () => {
    const rows = [{ r: 10 }, { r: 3 }, { r: null }, { r: '8' }];
    expect(nps(rows, (x) => x.r)).toEqual(npsFromColumn(f(10, 3, NaN, 8)));
  });
});

describe('csat, fcr, ces, response time', () => {
  it('csat: default box is the top two categories; Wilson interval', () => {
    // 1-5 scale, box 4-5: 5, 4 and 5 in, 3 out → 3/4
    const r = csatFromColumn(f(5, 4, 3, 5, NaN), { scale: [1, 5], column: 'SAT' });
    expect(r).toMatchObject({ kind: 'csat', n: 4, estimate: 0.75, box: [4, 5], method: 'wilson' });
    const w = wilsonInterval(3, 4);
    expect(r.lower).toBe(w.lower);
    expect(r.upper).toBe(w.upper);
    expect(csat([{ s: 5 }, { s: 2 }], (x) => x.s, { scale: [1, 5], box: [5, 5] }).estimate).toBe(0.5);
  });

  it('csat: a box outside the scale is an error naming it', () => {
    const e = thrown(() => csatFromColumn(f(1, 2), { scale: [1, 5], box: [6, 7], column: 'SAT' }));
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toContain('6-7');
    expect(e.message).toContain('SAT');
  });

  it('fcr: yes/no, 是/否, 1/0; other values refused', () => {
    const r = fcr([{ v: 'yes' }, { v: 'No' }, { v: 1 }, { v: null }, { v: '否' }], (x) => x.v, { column: 'fcr' });
    expect(r).toMatchObject({ kind: 'fcr', n: 4, estimate: 0.5 });
    const e = thrown(() => fcr([{ v: 'yes' }, { v: 'maybe' }], (x) => x.v, { column: 'fcr' }));
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toContain('maybe');
    expect(e.row).toBe(3);
    expect(thrown(() => fcrFromColumn(f(1, 2))).message).toContain('2');
  });

  it('ces: mean with a t interval (n − 1 df)', () => {
    // 2, 3, 4: mean 3, s 1, SE 1/√3, qt(.975, 2) in closed form (2 df: t = (2p − 1)·√(2/(4p(1 − p))))
    const r = cesFromColumn(f(2, 3, 4));
    expect(r.estimate).toBe(3);
    expect(r.se).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(r.upper).toBeCloseTo(3 + T975_2 / Math.sqrt(3), 9);
    expect(ces([{ e: 2 }, { e: 4 }], (x) => x.e).estimate).toBe(3);
  });

  it('time: median and share within the threshold (inclusive)', () => {
    const r = responseTimeFromColumn(f(10, 30, 60, 70, NaN), { threshold: 60, column: 'wait' });
    expect(r).toMatchObject({ kind: 'time', n: 4, median: 45, share: 0.75, estimate: 0.75, threshold: 60 });
    expect(responseTime([{ s: 20 }, { s: 90 }], (x) => x.s, { threshold: 60 }).share).toBe(0.5);
    expect(thrown(() => responseTimeFromColumn(f(-1), { threshold: 60 })).code).toBe('OUT_OF_SCALE');
  });

  it('weighted median and Kish n_eff', () => {
    expect(weightedMedian(f(3, 1, 2, 10), null)).toBe(2.5);
    expect(weightedMedian(f(1, 2, 3), f(1, 1, 5))).toBe(3);
    expect(weightedMedian(f(1, 2, 3, 4), f(1, 1, 1, 1))).toBe(2.5);
    expect(kishEffectiveN(f(1, 1, 2))).toBeCloseTo(16 / 6, 14);
  });

  it('kpi keys: the kind, or kind:column when a kind is asked twice', () => {
    expect(kpiKeys([{ kind: 'csat', column: 'A' }, { kind: 'csat', column: 'B' }, { kind: 'nps', column: 'N' }])).toEqual(['csat:A', 'csat:B', 'nps']);
  });
});
