/** Gap functions on cases derived by hand, and moments vs rows. */
import { describe, expect, it } from 'vitest';
import type { Survey } from '../../src/data/survey.js';
import { CsiError } from '../../src/errors.js';
import {
  constructGapsFromSurvey,
  expectationPairs,
  gapFromMoments,
  importanceWeightedGap,
  itemGapsFromSurvey,
  linearIndexScore,
  pairedGap,
  servqualGaps,
  zoneOfTolerance,
  zoneOfToleranceFromSurvey,
} from '../../src/gaps/index.js';
import { momentsFromSurvey } from '../../src/stats/index.js';
import { surveyOf } from '../helpers/csvSurvey.js';

const f = (...x: number[]) => Float64Array.from(x);
/** qt(0.975, 2): with 2 df, t_p = (2p − 1)·√(2/(4p(1 − p))). */
const T975_2 = 0.95 * Math.sqrt(2 / (4 * 0.975 * 0.025));

/** A survey with codebook scales. */
function survey(cols: Record<string, number[]>, scales: Record<string, [number, number]>, extra: Record<string, Record<string, string>> = {}): Survey {
  const names = Object.keys(cols);
  const s = surveyOf(names, names.map((k) => Float64Array.from(cols[k])));
  s.codebook = { items: names.map((id) => ({ id, scale: { min: scales[id][0], max: scales[id][1] }, ...(extra[id] ?? {}) })) };
  return s;
}

/** Deterministic pseudo-random integers in [lo, hi]. */
function ints(n: number, lo: number, hi: number, seed: number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return lo + (x % (hi - lo + 1));
  });
}

describe('pairedGap', () => {
  it('hand case: d = (10, 0, 10)', () => {
    // mean 20/3; SD √(((10/3)²·2 + (20/3)²)/2) = √(100/3); SE = SD/√3 = 10/3; t = 2 on 2 df;
    // p = 2·pt(−2, 2) = 1 − 2/√6 (t with 2 df: P(|T| ≥ t) = 1 − t/√(t² + 2)); ratio 240/220; nobody below
    const g = pairedGap(f(80, 70, 90), f(70, 70, 80), { perceived: 'P', expected: 'E' });
    expect(g.mean).toBeCloseTo(20 / 3, 12);
    expect(g.sd).toBeCloseTo(Math.sqrt(100 / 3), 12);
    expect(g.se).toBeCloseTo(10 / 3, 12);
    expect(g.t).toBeCloseTo(2, 12);
    expect(g.p).toBeCloseTo(1 - 2 / Math.sqrt(6), 10);
    expect(g.ratio).toBeCloseTo(240 / 220, 12);
    expect(g.shareBelow).toBe(0);
        expect(g.upper).toBeCloseTo(20 / 3 + T975_2 * (10 / 3), 9);
  });

  it('shareBelow is strict; ties within 1e-9 are not below', () => {
    const g = pairedGap(f(50, 50 - 1e-12, 40, 60), f(50, 50, 50, 50));
    expect(g.shareBelow).toBe(0.25);
  });

  it('weights: weighted mean and share, linearisation SE', () => {
    // d = (10, −10) with weights (3, 1): mean (30 − 10)/4 = 5; below: 1/4
    // Var_lin = 2/1·(9·25 + 1·225)/16 = 56.25 → SE 7.5
    const g = pairedGap(f(60, 40), f(50, 50), { weights: f(3, 1) });
    expect(g.mean).toBe(5);
    expect(g.shareBelow).toBe(0.25);
    expect(g.se).toBeCloseTo(7.5, 12);
  });
});

describe('construct and item gaps from a survey', () => {
  const s = survey(
    { A1: [1, 5, 10, 7], A2: [2, 6, 9, 8], E1: [3, 5, 8, 10], E2: [1, 2, 3, 4] },
    { A1: [1, 10], A2: [1, 10], E1: [1, 10], E2: [1, 5] },
    { E1: { expectationOf: 'A1' }, E2: { expectationOf: 'A2' } },
  );
  const indexWeights = { A: { A1: 0.6, A2: 0.4 }, E: { E1: 1, E2: 1 } };

  it('a construct against itself: 0 with SE 0, ratio 1, nobody below', () => {
    const [g] = constructGapsFromSurvey(s, [{ perceived: 'A', expected: 'A' }], { indexWeights });
    expect(g).toMatchObject({ perceived: 'A', expected: 'A', n: 4, mean: 0, sd: 0, se: 0, lower: 0, upper: 0, t: null, p: null, ratio: 1, shareBelow: 0 });
  });

  it('a construct not in the model is UNKNOWN_CONSTRUCT naming it', () => {
    let e: CsiError | undefined;
    try {
      constructGapsFromSurvey(s, [{ perceived: 'A', expected: 'Nope' }], { indexWeights });
    } catch (x) {
      e = x as CsiError;
    }
    expect(e?.code).toBe('UNKNOWN_CONSTRUCT');
    expect(e?.message).toContain('Nope');
  });

  it('item gaps from the codebook pairs, each item on its own 0-100 scale', () => {
    expect(expectationPairs(s.codebook)).toEqual([{ perceived: 'A1', expected: 'E1' }, { perceived: 'A2', expected: 'E2' }]);
    const [g1, g2] = itemGapsFromSurvey(s);
    // A2 on 1-10: (2, 6, 9, 8) → 100·(x−1)/9; E2 on 1-5: (1, 2, 3, 4) → 100·(x−1)/4
    const d = [2, 6, 9, 8].map((x, i) => (100 * (x - 1)) / 9 - (100 * ([1, 2, 3, 4][i] - 1)) / 4);
    expect(g2.mean).toBeCloseTo(d.reduce((a, b) => a + b) / 4, 10);
    expect(g2.shareBelow).toBe(d.filter((x) => x < 0).length / 4);
    // A1 − E1 on the same scale: (1−3, 5−5, 10−8, 7−10)·100/9; ratio = mean(A1−1)/mean(E1−1)
    expect(g1.mean).toBeCloseTo(((-2 + 0 + 2 - 3) * 100) / 9 / 4, 10);
    expect(g1.ratio).toBeCloseTo((0 + 4 + 9 + 6) / (2 + 4 + 7 + 9), 12);
  });

  it('importance-weighted gap equals the weighted mean of the item gaps', () => {
    const [g1, g2] = itemGapsFromSurvey(s);
    const w = importanceWeightedGap(s, expectationPairs(s.codebook), { A1: 3, A2: 1 });
    expect(w.mean).toBeCloseTo(0.75 * g1.mean! + 0.25 * g2.mean!, 10);
  });

  it('gap from moments equals the gap from rows (unweighted, complete)', () => {
    const cols = { P1: ints(50, 1, 10, 1), P2: ints(50, 1, 10, 2), E1: ints(50, 1, 7, 3) };
    const t = survey(cols, { P1: [1, 10], P2: [1, 10], E1: [1, 7] });
    const scales = { P1: [1, 10], P2: [1, 10], E1: [1, 7] } as const;
    const P = linearIndexScore('P', { P1: 2, P2: 1 }, scales);
    const E = linearIndexScore('E', { E1: 1 }, scales);
    const rows = constructGapsFromSurvey(t, [{ perceived: 'P', expected: 'E' }], { indexWeights: { P: { P1: 2, P2: 1 }, E: { E1: 1 } } })[0];
    const { gap, warnings } = gapFromMoments(momentsFromSurvey(t, { missing: 'casewise' }), P, E);
    for (const k of ['mean', 'sd', 'se', 'lower', 'upper', 't', 'p', 'ratio'] as const) expect(gap[k]).toBeCloseTo(rows[k]!, 9);
    expect(gap.shareBelow).toBeNull();
    expect(warnings.map((w) => w.code)).toContain('NEEDS_ROWS');
  });
});

describe('SERVQUAL and zone of tolerance', () => {
  it('dimension gaps are means of their item gaps; SQ the mean of the five', () => {
    const cols: Record<string, number[]> = {};
    const scales: Record<string, [number, number]> = {};
    const pairs: { perceived: string; expected: string }[] = [];
    for (let k = 1; k <= 22; k++) {
      cols[`P${k}`] = ints(30, 1, 7, k);
      cols[`E${k}`] = ints(30, 1, 7, 100 + k);
      scales[`P${k}`] = [1, 7];
      scales[`E${k}`] = [1, 7];
      pairs.push({ perceived: `P${k}`, expected: `E${k}` });
    }
    const s = survey(cols, scales);
    const items = itemGapsFromSurvey(s, { pairs });
    const sq = servqualGaps(s, pairs);
    const mean = (ks: number[]) => ks.reduce((a, k) => a + items[k - 1].mean!, 0) / ks.length;
    expect(sq.Tangibles.mean).toBeCloseTo(mean([1, 2, 3, 4]), 10);
    expect(sq.Empathy.mean).toBeCloseTo(mean([18, 19, 20, 21, 22]), 10);
    const dims = ['Tangibles', 'Reliability', 'Responsiveness', 'Assurance', 'Empathy'];
    expect(sq.SERVQUAL.mean).toBeCloseTo(dims.reduce((a, d) => a + sq[d].mean!, 0) / 5, 10);
    expect(() => servqualGaps(s, pairs.slice(1))).toThrow(/22/);
  });

  it('zone of tolerance: below, within, above; MSA and MSS', () => {
    const z = zoneOfTolerance(f(5, 7, 9, 6), f(6, 6, 6, 6), f(8, 8, 8, 8));
    // 5 < 6 below; 7 and 6 within; 9 > 8 above; MSA mean (−1+1+3+0)/4, MSS (−3−1+1−2)/4
    expect(z).toMatchObject({ n: 4, belowAdequate: 0.25, within: 0.5, aboveDesired: 0.25, msa: 0.75, mss: -1.25 });
    const s = survey({ Q: [5, 7], QA: [6, 6], QD: [8, 8] }, { Q: [1, 10], QA: [1, 10], QD: [1, 10] }, { QA: { adequateOf: 'Q' }, QD: { desiredOf: 'Q' } });
    expect(zoneOfToleranceFromSurvey(s)).toEqual([expect.objectContaining({ item: 'Q', adequate: 'QA', desired: 'QD', belowAdequate: 0.5, within: 0.5 })]);
  });
});
