/**
 * Indices from engine moments (DuckDB in process) equal the in-memory ones (1e-10): the mean index is linear in the
 * item means and its variance is w'Σw, so no pass over rows is needed (issue 13). Weighted (codebook weight `w`),
 * with missing values and codes (mean replacement from the pairwise-complete sums).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbMoments } from '../../src/engines/duckdb/index.js';
import { readSurvey } from '../../src/data/index.js';
import { analyze, type StudySpecInput } from '../../src/study/index.js';
import { CODEBOOK, ITEMS, MODEL_TEXT, expectNumbersClose, generateSurvey } from './fixtures.js';

let dir = '';
const csvPath = (): string => join(dir, 'survey.csv');
const gen = generateSurvey({ n: 2000, seed: 13 });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'csikit-duck-idx-'));
  writeFileSync(csvPath(), gen.csv);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('indices from DuckDB moments', () => {
  it('equal the in-memory indices, IPMA, impacts and hierarchy within 1e-10 (weighted, missing values)', async () => {
    const spec: StudySpecInput = { model: MODEL_TEXT, codebook: CODEBOOK, ipma: ['Loyalty'], hierarchy: { levels: { '2': 'equal' } } };
    const survey = readSurvey(gen.csv, { codebook: CODEBOOK });
    expect(survey.weights).not.toBeNull();
    const mem = analyze(survey, spec);
    const { moments } = await duckdbMoments({ file: csvPath(), items: ITEMS, codebook: CODEBOOK, threads: 1 });
    expect(moments.weighted).toBe(true);
    const eng = analyze(moments, spec);
    expect(Object.keys(eng.indices!)).toEqual(['Image', 'Quality', 'Satisfaction', 'Loyalty']);
    expect(eng.indices!.Satisfaction.nEff).toBeLessThan(eng.indices!.Satisfaction.n);
    const compared = expectNumbersClose({ indices: eng.indices, ipma: eng.ipma, impacts: eng.impacts, hierarchy: eng.hierarchy, w: eng.indexWeights }, { indices: mem.indices, ipma: mem.ipma, impacts: mem.impacts, hierarchy: mem.hierarchy, w: mem.indexWeights }, 1e-10);
    let maxAbs = 0;
    for (const [c, e] of Object.entries(mem.indices!)) for (const k of ['mean', 'sd', 'se', 'lower', 'upper'] as const) maxAbs = Math.max(maxAbs, Math.abs(e[k]! - eng.indices![c][k]!));
    expect(maxAbs).toBeLessThan(1e-10);
    expect(compared).toBeGreaterThan(100); // every number compared (expectNumbersClose fails on the first beyond 1e-10)
  });
});
