/**
 * f² with a re-estimation callback. With single-item constructs the outer weights cannot change, so the model
 * re-estimated without a path has as R² the plain regression R² of `to` on its remaining predictors: the callback
 * and the expected values are computed here with ml-matrix from the item correlations of mobi.csv (run time).
 */
import { Matrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { assessQuality, effectSize, fSquared } from '../../src/quality/index.js';
import { SHARED_MISSING, SHARED_PRESENT, correlation, fitFromCorrelation, readCsv } from './fitFromWeights.js';

describe('effectSize', () => {
  it('(0.5 − 0.4)/(1 − 0.5) = 0.2', () => expect(effectSize(0.5, 0.4)).toBeCloseTo(0.2, 15));
});

describe.skipIf(!SHARED_PRESENT)(`fSquared on single-item constructs from mobi (skipped when ${SHARED_MISSING})`, () => {
  const items = ['IMAG1', 'CUEX1', 'PERQ1', 'CUSA1'];
  const names = ['Img', 'Exp', 'Qual', 'Sat'];
  const model = {
    constructs: names.map((name, j) => ({ name, items: [items[j]] })),
    paths: [
      { from: 'Img', to: 'Exp' },
      { from: 'Img', to: 'Sat' },
      { from: 'Exp', to: 'Sat' },
      { from: 'Qual', to: 'Sat' },
    ],
  };
  const data = SHARED_PRESENT ? readCsv('datasets/mobi.csv') : {};
  const s = SHARED_PRESENT ? correlation(items.map((i) => data[i])) : new Float64Array(16);
  const fit = fitFromCorrelation(model, s, () => 1, 250);

  const r2 = (target: string, preds: string[]): number => {
    if (preds.length === 0) return 0;
    const S = new Matrix(4, 4);
    for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) S.set(a, b, s[a * 4 + b]);
    const P = preds.map((x) => names.indexOf(x));
    const t = names.indexOf(target);
    const beta = solve(S.selection(P, P), S.selection(P, [t]));
    return P.reduce((acc, q, i) => acc + beta.get(i, 0) * S.get(q, t), 0);
  };
  const predsOf = (t: string) => model.paths.filter((e) => e.to === t).map((e) => e.from);

  it('equals (R²_incl − R²_excl)/(1 − R²_incl) with R²_excl from the callback; the only-predictor path uses R²_excl = 0 without calling it', () => {
    const calls: string[] = [];
    const out = fSquared(fit, ({ from, to }) => {
      calls.push(`${from}->${to}`);
      return r2(to, predsOf(to).filter((x) => x !== from));
    });
    expect(calls.sort()).toEqual(['Exp->Sat', 'Img->Sat', 'Qual->Sat']);
    expect(out.map((e) => `${e.from}->${e.to}`)).toEqual(['Img->Exp', 'Img->Sat', 'Exp->Sat', 'Qual->Sat']);
    for (const e of out) {
      const incl = r2(e.to, predsOf(e.to));
      const excl = r2(e.to, predsOf(e.to).filter((x) => x !== e.from));
      expect(e.value).toBeCloseTo((incl - excl) / (1 - incl), 12);
      expect(e.value).toBeGreaterThan(0);
    }
    // the only-predictor case: f² = R²/(1 − R²) with R² = r² of the two items
    const rie = s[0 * 4 + 1];
    expect(out[0].value).toBeCloseTo((rie * rie) / (1 - rie * rie), 12);
  });

  it('assessQuality includes f² when given the callback, and turns a failing re-estimation into a warning with NaN', () => {
    const q = assessQuality(fit, {
      reestimate: ({ from }) => {
        if (from === 'Qual') throw new Error('boom');
        return 0.1;
      },
    });
    expect(q.fSquared).toHaveLength(4);
    expect(Number.isNaN(q.fSquared!.find((e) => e.from === 'Qual')!.value)).toBe(true);
    expect(q.warnings.some((w) => w.construct === 'Sat' && /Qual → Sat/.test(w.message) && /boom/.test(w.message))).toBe(true);
    expect(assessQuality(fit).fSquared).toBeUndefined();
  });
});
