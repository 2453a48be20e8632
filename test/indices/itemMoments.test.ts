import { describe, expect, it } from 'vitest';
import { acsiIndexForm, indexEstimate, itemMoments } from '../../src/indices/index.js';
import { momentsFromSurvey } from '../../src/stats/momentsFromSurvey.js';
import { surveyOf } from '../helpers/csvSurvey.js';

describe('weighted index SE (Kish n_eff) does not depend on the scale of the sampling weights', () => {
  const a = Float64Array.of(3, 7, 8, 5, 9, 6, 2, 10);
  const b = Float64Array.of(4, 6, 9, 5, 8, 7, 3, 9);
  const w = Float64Array.of(0.5, 1.5, 1, 2, 0.7, 1.3, 0.4, 2.6);
  const n = a.length;
  const form = acsiIndexForm({ a: 0.6, b: 0.4 }, { a: [1, 10], b: [1, 10] });
  const est = (scale: number) => {
    const ws = w.map((v) => v * scale);
    return indexEstimate(form, itemMoments(momentsFromSurvey(surveyOf(['a', 'b'], [a, b], ws)), ['a', 'b']));
  };
  it('weights summing to n, to 1, to 1.0001, to 2 and to 10^6 give one SD and SE', () => {
    // By hand: I_i = 100 (0.6 a + 0.4 b − 1)/9; weighted mean; variance with the weights rescaled to sum n
    // (divisor (n − 1)/n · Σw); SE = sd/√n_eff, n_eff = (Σw)²/Σw².
    const I = Array.from(a, (v, i) => (100 * (0.6 * v + 0.4 * b[i] - 1)) / 9);
    const sw = w.reduce((s, v) => s + v, 0);
    const sww = w.reduce((s, v) => s + v * v, 0);
    const mu = I.reduce((s, v, i) => s + w[i] * v, 0) / sw;
    const sd = Math.sqrt(I.reduce((s, v, i) => s + w[i] * (v - mu) ** 2, 0) / (((n - 1) / n) * sw));
    const nEff = (sw * sw) / sww;
    for (const total of [n, 1, 1.0001, 2, 1e6]) {
      const e = est(total / sw);
      expect(e.mean!, String(total)).toBeCloseTo(mu, 9);
      expect(e.sd!, String(total)).toBeCloseTo(sd, 9);
      expect(e.se!, String(total)).toBeCloseTo(sd / Math.sqrt(nEff), 9);
      expect(e.nEff!, String(total)).toBeCloseTo(nEff, 9);
    }
  });
});
