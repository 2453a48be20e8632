/**
 * PLSc against ADANCO 2.2.1's common-factor results ("Mode A consistent", centroid scheme) on cSEM's satisfaction
 * data: ../shared/reference/peer-fixtures/raw/cSEM__results_cf_model_adanco_2_2_1_centroid.xls, read at run time
 * with test/quality/readXls.ts. The fit is built from the data and ADANCO's own PLS weights
 * (expected/adanco-satisfaction-modeA-centroid.json, the same numbers as the file's "Weights" sheet), so this
 * checks consistentPls alone: ρ_A, disattenuated construct correlations, consistent paths, R², adjusted R²,
 * corrected loadings and the ρ_C / AVE computed from them. Tolerance 1e-6 (the case's tolerance in cases.tsv;
 * ADANCO's correlations carry ~5e-8 rounding, see the peer-fixtures README).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { consistentPls, reliability } from '../../src/quality/index.js';
import { SHARED, SHARED_MISSING, SHARED_PRESENT, fitFromCsv, maxAbsDiff, parseModelText, readJson } from './fitFromWeights.js';
import { readXls, type Workbook } from './readXls.js';

const TOL = 1e-6;

/** A sheet as label (column 1) → header name → number, headers taken from row `headerRow`. */
function table(wb: Workbook, sheet: string, headerRow = 1): Map<string, Map<string, number>> {
  const cells = wb.get(sheet);
  if (!cells) throw new Error(`sheet ${sheet} missing`);
  const header = cells.get(headerRow)!;
  const out = new Map<string, Map<string, number>>();
  for (const [r, row] of cells) {
    if (r <= headerRow) continue;
    const label = row.get(1);
    if (typeof label !== 'string') continue;
    const m = new Map<string, number>();
    for (const [c, v] of row) if (c > 1 && typeof v === 'number') m.set(String(header.get(c)), v);
    out.set(label, m);
  }
  return out;
}

describe.skipIf(!SHARED_PRESENT)(`PLSc vs ADANCO 2.2.1 common-factor model (skipped when ${SHARED_MISSING})`, () => {
  it('ρ_A, corrected correlations, paths, R², adjusted R², loadings, ρ_C and AVE within 1e-6', () => {
    const wb = readXls(readFileSync(path.join(SHARED, 'reference/peer-fixtures/raw/cSEM__results_cf_model_adanco_2_2_1_centroid.xls')));
    const e = readJson('reference/peer-fixtures/expected/adanco-satisfaction-modeA-centroid.json');
    const model = parseModelText(readFileSync(path.join(SHARED, 'reference/peer-fixtures/models/satisfaction-modeA.model'), 'utf8'));
    const fit = fitFromCsv('datasets/satisfaction.csv', model, e.outer_weights);
    const c = consistentPls(fit);
    const names = fit.constructNames;
    const m = names.length;
    const ix = (n: string) => {
      const k = names.indexOf(n);
      expect(k, n).toBeGreaterThanOrEqual(0);
      return k;
    };
    const report: string[] = [];
    const check = (what: string, pairs: [number, number][], count: number) => {
      expect(pairs, what).toHaveLength(count);
      const d = maxAbsDiff(pairs);
      report.push(`${what} ${pairs.length} max|diff| ${d.toExponential(2)}`);
      expect(d, what).toBeLessThan(TOL);
    };

    const rel = table(wb, 'Construct Reliability');
    const relFromPlsc = reliability(fit, { loadings: c.loadings });
    const rhoAPairs: [number, number][] = [];
    const rhoCPairs: [number, number][] = [];
    for (const [name, row] of rel) {
      for (const [h, v] of row) {
        if (/ρA|rhoA/i.test(h)) rhoAPairs.push([c.rhoA[name], v]);
        else if (/ρc|rhoC/i.test(h)) rhoCPairs.push([relFromPlsc[name].rhoC, v]);
      }
    }
    check('rhoA', rhoAPairs, 6);
    check('rhoC (corrected loadings)', rhoCPairs, 6);

    const ave = table(wb, 'Convergent Validity');
    check('AVE (corrected loadings)', [...ave].map(([name, row]) => [relFromPlsc[name].ave, [...row.values()][0]]), 6);

    const load = table(wb, 'Loadings');
    const lp: [number, number][] = [];
    for (const [item, row] of load) for (const [cn, v] of row) lp.push([c.loadings[fit.itemNames.indexOf(item) * m + ix(cn)], v]);
    check('loadings', lp, 27);

    const corr = table(wb, 'Inter-Construct Correlations');
    const cp: [number, number][] = [];
    for (const [a, row] of corr) for (const [b, v] of row) if (a !== b) cp.push([c.constructCorrelation[ix(a) * m + ix(b)], v]);
    check('construct correlations', cp, 15);

    const paths = table(wb, 'Path Coefficients', 2);
    const pp: [number, number][] = [];
    for (const [from, row] of paths) for (const [to, v] of row) pp.push([c.paths[ix(from) * m + ix(to)], v]);
    check('paths', pp, 10);

    const r2 = table(wb, 'R-Squared');
    const rp: [number, number][] = [];
    for (const [name, row] of r2) {
      const [r2v, adj] = [...row.values()];
      rp.push([c.rSquared[ix(name)], r2v], [c.adjustedRSquared[ix(name)], adj]);
    }
    check('R² and adjusted R²', rp, 10);

    console.info(`[quality] ADANCO PLSc: ${report.join('; ')}`);
    // Admissibility agrees with ADANCO's own corrected correlation matrix (ml-matrix eigenvalues; loadings ≤ 1 too).
    const full = new Matrix(names.map((a) => names.map((b) => (a === b ? 1 : corr.get(a)?.get(b) ?? corr.get(b)!.get(a)!))));
    const minEigen = Math.min(...new EigenvalueDecomposition(full).realEigenvalues);
    const maxLoading = Math.max(...lp.map(([, v]) => Math.abs(v)));
    expect(c.admissible).toBe(minEigen > 0 && maxLoading <= 1);
  });
});
