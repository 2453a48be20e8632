import { describe, expect, it } from 'vitest';
import { estimateFromMoments, leanEstimator, type PlsFit } from '../../src/pls/index.js';
import { momentsFromSurvey } from '../../src/stats/index.js';
import { readStatistics, resampleCounts, statisticLayout, type StatisticLayout } from '../../src/inference/index.js';
import { statisticReader } from '../../src/inference/statistic-reader.js';
import { HAS_MOBI, SKIP, mobi } from './helpers.js';
import { mulberry32 as rng } from '../helpers/random.js';

const show = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

/** reader vs readStatistics on one fit: every value equal by Object.is. */
function expectSameReading(layout: StatisticLayout, fit: PlsFit, read: (f: PlsFit, o: Float64Array) => void, what: string): void {
  const k = layout.specs.length;
  const general = new Float64Array(k).fill(12345);
  const fast = new Float64Array(k).fill(-12345);
  readStatistics(fit, layout, general);
  read(fit, fast);
  for (let q = 0; q < k; q++) {
    // Object.is, asserted as a boolean (a string would print −0 as 0)
    if (!Object.is(fast[q], general[q])) expect(Object.is(fast[q], general[q]), `${what} ${layout.specs[q].group} ${layout.specs[q].name}: ${show(fast[q])} vs ${show(general[q])}`).toBe(true);
  }
}


describe.skipIf(!HAS_MOBI)(`statisticReader = readStatistics, bit for bit — ${HAS_MOBI ? 'mobi' : SKIP}`, () => {
  it('the full-data fit and 60 resample fits of mobi (shared arrays of the lean estimator)', () => {
    const { survey, model } = mobi();
    const lean = leanEstimator(model)!;
    const result = estimateFromMoments(momentsFromSurvey(survey, { items: lean.items }), model, { scores: false });
    const layout = statisticLayout(result);
    expect(layout.direct).toBe(true);
    const read = statisticReader(layout, result.fit);
    expectSameReading(layout, result.fit, read, 'full data');
    for (let r = 0; r < 60; r++) {
      const fit = lean.fitShared(momentsFromSurvey(survey, { items: lean.items, counts: resampleCounts(survey.n, 3, r) }));
      expectSameReading(layout, fit, read, `resample ${r}`);
    }
  });

  it('adversarial fits: zero, −0, NaN and huge paths (total effects stopping early or not), zero and NaN correlations (HTMT NaN), single items', () => {
    const { survey, model } = mobi();
    const lean = leanEstimator(model)!;
    const result = estimateFromMoments(momentsFromSurvey(survey, { items: lean.items }), model, { scores: false });
    const layout = statisticLayout(result);
    const read = statisticReader(layout, result.fit);
    const u = rng(19);
    const pick = (): number => {
      const x = u();
      return x < 0.15 ? 0 : x < 0.2 ? -0 : x < 0.22 ? NaN : x < 0.24 ? 1e300 : x < 0.26 ? -1e-300 : u() * 2 - 1;
    };
    let htmtNaN = 0;
    for (let c = 0; c < 300; c++) {
      const base = result.fit;
      const p = base.itemNames.length;
      const m = base.constructNames.length;
      const paths = new Float64Array(m * m);
      // keep the path pattern (sometimes zeroing a path, so that powers vanish early)
      for (let q = 0; q < m * m; q++) if (base.paths[q] !== 0) paths[q] = c % 3 === 0 ? pick() : u() * 2 - 1;
      const S = new Float64Array(p * p);
      for (let i = 0; i < p; i++) for (let j = i; j < p; j++) S[i * p + j] = S[j * p + i] = i === j ? 1 : c % 2 === 0 ? pick() : u() * 2 - 1;
      if (c % 5 === 0) for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) if (i !== j) S[i * p + j] = 0; // monotrait means 0: NaN
      const fit: PlsFit = {
        ...base,
        itemCorrelation: S,
        weights: Float64Array.from(base.weights, pick),
        crossLoadings: Float64Array.from(base.crossLoadings, pick),
        paths,
        rSquared: Float64Array.from(base.rSquared, pick),
      };
      const general = new Float64Array(layout.specs.length);
      readStatistics(fit, layout, general);
      layout.specs.forEach((s, q) => s.group === 'htmt' && Number.isNaN(general[q]) && htmtNaN++);
      expectSameReading(layout, fit, read, `case ${c}`);
    }
    expect(htmtNaN).toBeGreaterThan(0);
  });
});

describe('statisticReader on small constructed fits', () => {
  it('single-item and two-item blocks, a chain of three constructs (total effects of order 2), no HTMT', () => {
    const fit = {
      itemNames: ['a', 'b1', 'b2', 'c1', 'c2', 'c3'],
      constructNames: ['A', 'B', 'C'],
      blocks: [[0], [1, 2], [3, 4, 5]],
      modes: ['A', 'A', 'A'],
      n: 10,
      itemCorrelation: Float64Array.from({ length: 36 }, (_, q) => (q % 7 === 0 ? 1 : ((q * 37) % 11) / 13 - 0.4)),
      weights: Float64Array.from({ length: 18 }, (_, q) => q / 7),
      crossLoadings: Float64Array.from({ length: 18 }, (_, q) => q / 9),
      constructCorrelation: new Float64Array(9),
      paths: Float64Array.of(0, 0.3, 0.2, 0, 0, 0.7, 0, 0, 0),
      rSquared: Float64Array.of(NaN, 0.09, 0.5),
      adjacency: Uint8Array.of(0, 1, 1, 0, 0, 1, 0, 0, 0),
      iterations: 3,
      converged: true,
      weightDiff: 0,
      warnings: [],
    } as unknown as PlsFit;
    const specs = [
      { group: 'outerWeights', name: 'a -> A' },
      { group: 'loadings', name: 'c2 -> C' },
      { group: 'paths', name: 'A -> C' },
      { group: 'totalEffects', name: 'A -> C' },
      { group: 'rSquared', name: 'C' },
      { group: 'htmt', name: 'A <-> B' },
      { group: 'htmt', name: 'B <-> C' },
    ] as StatisticLayout['specs'];
    const layout: StatisticLayout = { specs, positions: Int32Array.of(0, 4 * 3 + 2, 2, 2, 2, 0, 2), direct: true };
    expectSameReading(layout, fit, statisticReader(layout, fit), 'small');
    const out = new Float64Array(7);
    statisticReader(layout, fit)(fit, out);
    expect(out[3]).toBeCloseTo(0.2 + 0.3 * 0.7, 15);
    const noHtmt: StatisticLayout = { specs: specs.slice(0, 5), positions: layout.positions.slice(0, 5), direct: true };
    expectSameReading(noHtmt, fit, statisticReader(noHtmt, fit), 'no HTMT');
  });
});
