import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/parse.js';
import { estimate } from '../../src/inference/estimate.js';
import type { InnerScheme, MissingRule } from '../../src/pls/types.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';

/**
 * The 12 peer-fixture cases (../shared/reference/peer-fixtures: seminr, ADANCO via cSEM, plspm), read at run time:
 * every weight, loading, path, R² (+ adj), total effect, and the quality figures (reliability, HTMT) each case holds,
 * within the case's tolerance.
 */
const cases = HAS_SHARED
  ? sharedText('reference/peer-fixtures/cases.tsv')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .map((l) => {
        const [id, family, data, model, tol, opts] = l.split('\t');
        return { id, family, data, model, tol: Number(tol), opts: opts ?? '' };
      })
  : [];

describe.skipIf(!HAS_SHARED)(`peer fixtures — ${HAS_SHARED ? `${cases.length} cases` : SKIP_MESSAGE}`, () => {
  it('has the 12 cases', () => expect(cases.length).toBe(12));

  for (const c of cases) {
    it(`${c.id} (tolerance ${c.tol})`, () => {
      const survey = sharedSurvey(c.data.replace(/^shared\//, ''));
      const model = parseModel(sharedText(`reference/peer-fixtures/models/${c.model}`));
      const scheme = /--scheme (\w+)/.exec(c.opts)?.[1] as InnerScheme | undefined;
      const missing = /--missing (\w+)/.exec(c.opts)?.[1] as MissingRule | undefined;
      const res = estimate(survey, model, { ...(scheme ? { scheme } : {}), ...(missing ? { missing } : {}) });
      const ex = JSON.parse(sharedText(`reference/peer-fixtures/expected/${c.id}.json`));
      let checked = 0;
      const near = (got: number | undefined, want: number, what: string) => {
        checked++;
        expect(got, what).toBeDefined();
        expect(Math.abs(got! - want), `${what}: got ${got}, want ${want}`).toBeLessThanOrEqual(c.tol);
      };
      for (const [k, row] of Object.entries(ex.outer_weights ?? {}) as [string, Record<string, number>][]) {
        for (const [i, v] of Object.entries(row)) near(res.outerWeights[k]?.[i], v, `weight ${k}.${i}`);
      }
      for (const [k, row] of Object.entries(ex.outer_loadings ?? {}) as [string, Record<string, number>][]) {
        for (const [i, v] of Object.entries(row)) near(res.loadings[k]?.[i], v, `loading ${k}.${i}`);
      }
      for (const p of ex.paths ?? []) near(res.paths.find((q) => q.from === p.from && q.to === p.to)?.estimate, p.coef, `path ${p.from}→${p.to}`);
      for (const [k, v] of Object.entries(ex.r_squared ?? {}) as [string, { r2: number; adj_r2?: number }][]) {
        near(res.rSquared[k]?.r2, v.r2, `R² ${k}`);
        if (v.adj_r2 !== undefined) near(res.rSquared[k]?.adjR2, v.adj_r2, `adj R² ${k}`);
      }
      for (const t of ex.total_effects ?? []) near(res.totalEffects.find((q) => q.from === t.from && q.to === t.to)?.estimate, t.effect, `total ${t.from}→${t.to}`);
      if (ex.total_effects) expect(res.totalEffects.length).toBe(ex.total_effects.length);
      const rel = res.quality!.reliability;
      for (const [k, v] of Object.entries(ex.reliability ?? {}) as [string, Record<string, number>][]) {
        for (const [fig, want] of Object.entries(v)) {
          const key = (fig === 'AVE' ? 'ave' : fig) as 'alpha' | 'rhoC' | 'rhoA' | 'ave';
          near(rel[k]?.[key], want, `${fig} ${k}`);
        }
      }
      for (const h of ex.htmt ?? []) {
        const got = res.quality!.htmt.find((x) => (x.a === h.a && x.b === h.b) || (x.a === h.b && x.b === h.a));
        near(got?.value, h.htmt, `HTMT ${h.a}/${h.b}`);
      }
      expect(checked).toBe(ex.meta.n_values);
    });
  }
});
