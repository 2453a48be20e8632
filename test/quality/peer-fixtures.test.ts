/**
 * Peer fixtures (../shared/reference/peer-fixtures): every case whose expected/<id>.json holds reliability figures
 * or HTMT, checked GIVEN that case's own expected outer weights (fit built by test/quality/fitFromWeights.ts from the
 * case's data and model, as listed in cases.tsv). Tolerance: the case's own, from cases.tsv.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmt, reliability } from '../../src/quality/index.js';
import { SHARED, SHARED_MISSING, SHARED_PRESENT, fitFromCsv, maxAbsDiff, parseModelText, readJson } from './fitFromWeights.js';

interface Case {
  id: string;
  data: string;
  model: string;
  tol: number;
}

function cases(): Case[] {
  const text = readFileSync(path.join(SHARED, 'reference/peer-fixtures/cases.tsv'), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'))
    .map(([id, , data, model, tol]) => ({ id, data: data.replace(/^shared\//, ''), model, tol: Number(tol) }));
}

const KEYS: Record<string, 'alpha' | 'rhoC' | 'rhoA' | 'ave'> = { alpha: 'alpha', rhoC: 'rhoC', rhoA: 'rhoA', AVE: 'ave' };

describe.skipIf(!SHARED_PRESENT)(`peer fixtures: reliability and HTMT given the fixture's weights (skipped when ${SHARED_MISSING})`, () => {
  const selected = SHARED_PRESENT
    ? cases().filter((c) => {
        const e = readJson(`reference/peer-fixtures/expected/${c.id}.json`);
        return (e.reliability || e.htmt) && e.outer_weights;
      })
    : [];

  it('covers the cases the brief names', () => {
    expect(selected.map((c) => c.id).sort()).toEqual(['adanco-satisfaction-modeA-centroid', 'plspm-russa-centroid', 'seminr-mobi4-path']);
  });

  for (const c of selected) {
    it(`${c.id}: every reliability figure and HTMT value within ${c.tol}`, () => {
      const e = readJson(`reference/peer-fixtures/expected/${c.id}.json`);
      const model = parseModelText(readFileSync(path.join(SHARED, 'reference/peer-fixtures/models', c.model), 'utf8'));
      const fit = fitFromCsv(c.data, model, e.outer_weights);
      const rel = reliability(fit);
      const relPairs: [number, number][] = [];
      for (const [name, figures] of Object.entries<Record<string, number>>(e.reliability ?? {})) {
        for (const [k, v] of Object.entries(figures)) relPairs.push([rel[name][KEYS[k]], v]);
      }
      const h = htmt(fit);
      const htPairs: [number, number][] = (e.htmt ?? []).map((x: any) => {
        const hit = h.find((y) => (y.a === x.a && y.b === x.b) || (y.a === x.b && y.b === x.a));
        expect(hit, `${x.a}-${x.b}`).toBeDefined();
        return [hit!.value, x.htmt];
      });
      const dr = maxAbsDiff(relPairs);
      const dh = maxAbsDiff(htPairs);
      console.info(`[quality] ${c.id}: reliability ${relPairs.length} values max |diff| ${dr.toExponential(2)}; HTMT ${htPairs.length} values max |diff| ${dh.toExponential(2)}`);
      expect(relPairs.length + htPairs.length).toBeGreaterThan(0);
      expect(dr).toBeLessThan(c.tol);
      expect(dh).toBeLessThan(c.tol);
    });
  }
});
