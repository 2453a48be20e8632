/**
 * Integration with the PLS engine (src/pls): f² needs the model re-estimated without each path, which only the
 * engine can do. Expected values: seminr 2.3.1's `summary(model)$fSquare` in ../shared/reference/mobi-ecsi.json
 * (`f_squared`), read at run time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/data/index.js';
import { parseModel } from '../../src/model/index.js';
import { estimate } from '../../src/inference/index.js';
import { fSquared } from '../../src/quality/index.js';
import { readXls } from './readXls.js';
import { SHARED, SHARED_MISSING, SHARED_PRESENT, appendixPlscPaths, maxAbsDiff, readJson } from './fitFromWeights.js';

describe.skipIf(!SHARED_PRESENT)(`f² through the engine vs seminr 2.3.1 (skipped when ${SHARED_MISSING})`, () => {
  it('all 12 f² of mobi ECSI within 1e-6, re-estimating the model without each path', () => {
    const ref = readJson('reference/mobi-ecsi.json');
    const survey = readSurvey(readFileSync(path.join(SHARED, 'datasets/mobi.csv'), 'utf8'));
    const model = parseModel(readFileSync(path.join(SHARED, 'reference/mobi-ecsi.model'), 'utf8'));
    const res = estimate(survey, model);
    const f2 = fSquared(res.fit, ({ from, to }) => {
      const reduced = { ...model, paths: model.paths.filter((p) => !(p.from === from && p.to === to)) };
      return estimate(survey, reduced).rSquared[to].r2;
    });
    const pairs: [number, number][] = ref.f_squared.map((e: any) => {
      const hit = f2.find((x) => x.from === e.from && x.to === e.to);
      expect(hit, `${e.from} -> ${e.to}`).toBeDefined();
      return [hit!.value, e.f2];
    });
    expect(pairs).toHaveLength(12);
    const d = maxAbsDiff(pairs);
    console.info(`[quality] mobi f² (engine re-estimation): 12 values, max |diff| ${d.toExponential(2)}`);
    expect(d).toBeLessThan(1e-6);
    // the engine's own report (assessQuality with the engine's re-estimation callback, option fSquared) agrees
    const withF2 = estimate(survey, model, { fSquared: true });
    expect(withF2.quality?.fSquared).toHaveLength(12);
    for (const e of f2) expect(withF2.quality!.fSquared!.find((x) => x.from === e.from && x.to === e.to)!.value).toBeCloseTo(e.value, 9);
  });

  it('consistent: true reproduces the PLSc Satisfaction paths of methodology.md Appendix A within 1e-6', () => {
    // External reference: ../shared/docs/methodology.md Appendix A (seminr 2.3.1's PLSc paths, 6 decimals), read at run time.
    const expected = appendixPlscPaths();
    const survey = readSurvey(readFileSync(path.join(SHARED, 'datasets/mobi.csv'), 'utf8'));
    const model = parseModel(readFileSync(path.join(SHARED, 'reference/mobi-ecsi.model'), 'utf8'));
    const res = estimate(survey, model, { consistent: true });
    const pairs: [number, number][] = Object.entries(expected).map(([from, v]) => [
      res.paths.find((p) => p.from === from && p.to === 'Satisfaction')!.estimate,
      v,
    ]);
    const d = maxAbsDiff(pairs);
    console.info(`[quality] engine + PLSc, mobi Satisfaction paths: 4 values, max |diff| ${d.toExponential(2)}`);
    expect(d).toBeLessThan(1e-6);
  });

  it('centroid + consistent on satisfaction reproduces ADANCO 2.2.1\'s common-factor paths, loadings and R² within 1e-6', () => {
    const wb = readXls(readFileSync(path.join(SHARED, 'reference/peer-fixtures/raw/cSEM__results_cf_model_adanco_2_2_1_centroid.xls')));
    const survey = readSurvey(readFileSync(path.join(SHARED, 'datasets/satisfaction.csv'), 'utf8'));
    const model = parseModel(readFileSync(path.join(SHARED, 'reference/peer-fixtures/models/satisfaction-modeA.model'), 'utf8'));
    const res = estimate(survey, model, { scheme: 'centroid', consistent: true });
    const pathCells = wb.get('Path Coefficients')!;
    const header = pathCells.get(2)!;
    const pp: [number, number][] = [];
    for (const [r, row] of pathCells) {
      if (r <= 2 || typeof row.get(1) !== 'string') continue;
      for (const [c, v] of row) {
        if (c > 1 && typeof v === 'number') pp.push([res.paths.find((p) => p.from === row.get(1) && p.to === header.get(c))!.estimate, v]);
      }
    }
    const loadCells = wb.get('Loadings')!;
    const lh = loadCells.get(1)!;
    const lp: [number, number][] = [];
    for (const [r, row] of loadCells) {
      if (r <= 1) continue;
      for (const [c, v] of row) if (c > 1 && typeof v === 'number') lp.push([res.loadings[String(lh.get(c))][String(row.get(1))], v]);
    }
    const rp: [number, number][] = [];
    for (const [r, row] of wb.get('R-Squared')!) {
      if (r <= 1) continue;
      rp.push([res.rSquared[String(row.get(1))].r2, row.get(2) as number], [res.rSquared[String(row.get(1))].adjR2, row.get(3) as number]);
    }
    expect([pp.length, lp.length, rp.length]).toEqual([10, 27, 10]);
    const [dp, dl, dr] = [maxAbsDiff(pp), maxAbsDiff(lp), maxAbsDiff(rp)];
    console.info(`[quality] engine centroid + PLSc vs ADANCO: paths max |diff| ${dp.toExponential(2)}, loadings ${dl.toExponential(2)}, R² ${dr.toExponential(2)}`);
    expect(Math.max(dp, dl, dr)).toBeLessThan(1e-6);
  });
});
