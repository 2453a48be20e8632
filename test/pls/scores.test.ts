import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/parse.js';
import { estimate } from '../../src/inference/estimate.js';
import type { MissingRule } from '../../src/pls/types.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';
import { pearson } from '../helpers/moments.js';

/**
 * Scores are the only output computed from rows; everything else comes from p × p algebra. Check one against the
 * other: the (weighted) correlations of the row-level scores must equal `constructCorrelations`, and every score
 * must have unit (weighted, Σw − 1) variance — including a higher-order construct's, which the engine derives from
 * stage-1 weights without a second pass.
 */
const CASES = [
  { name: 'mobi, higher-order Satisfaction', data: 'datasets/mobi.csv', model: 'reference/peer-fixtures/models/mobi-hoc.model', missing: 'mean' },
  { name: 'corp_rep_data, mean replacement', data: 'datasets/corp_rep_data.csv', model: 'reference/peer-fixtures/models/corp-rep-simple.model', missing: 'mean' },
] as const;

describe.skipIf(!HAS_SHARED)(`construct scores — ${HAS_SHARED ? 'shared data' : SKIP_MESSAGE}`, () => {
  for (const c of CASES) {
    for (const weighted of [false, true]) {
      it(`${c.name}${weighted ? ', weighted' : ''}: score correlations = constructCorrelations, unit variance`, () => {
        const base = sharedSurvey(c.data);
        const w = weighted ? Float64Array.from({ length: base.n }, (_, r) => 1 + (r % 3)) : null;
        const res = estimate({ ...base, weights: w }, parseModel(sharedText(c.model)), { scores: true, missing: c.missing as MissingRule });
        const names = res.constructs;
        expect(names.length).toBeGreaterThan(2);
        for (const a of names) {
          const y = res.scores![a];
          let sw = 0;
          let s = 0;
          let ss = 0;
          y.forEach((v, r) => {
            const wr = w ? w[r] : 1;
            sw += wr;
            s += wr * v;
            ss += wr * v * v;
          });
          expect(Math.abs(s / sw)).toBeLessThan(1e-10);
          expect(Math.abs((ss - (s * s) / sw) / (sw - 1) - 1)).toBeLessThan(1e-10);
          for (const b of names) {
            expect(Math.abs(pearson(y, res.scores![b], w ?? undefined) - res.constructCorrelations[a][b])).toBeLessThan(1e-10);
          }
        }
      });
    }
  }

  it('casewise: rows with a missing item get NaN scores', () => {
    const s = sharedSurvey('datasets/corp_rep_data.csv');
    const res = estimate(s, parseModel(sharedText('reference/peer-fixtures/models/corp-rep-simple.model')), { scores: true, missing: 'casewise' });
    const nan = res.scores!.CUSA.filter((v) => Number.isNaN(v)).length;
    expect(nan).toBe(res.missing.rowsDeleted);
    expect(nan).toBeGreaterThan(0);
  });
});
