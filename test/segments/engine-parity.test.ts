/** Segment breakdowns from a DuckDB GROUP BY moments query equal the in-memory ones within 1e-10. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/data/index.js';
import { duckdbMoments } from '../../src/engines/duckdb/index.js';
import { groupedMomentsOfSurvey, segmentBreakdown } from '../../src/segments/index.js';
import { CODEBOOK, ITEMS, expectNumbersClose, generateSurvey } from '../engines/fixtures.js';
import { meanOfFirstItem } from './helpers.js';

let dir = '';
const gen = generateSurvey({ n: 1200, seed: 31, missingShare: 0, codeShare: 0 });
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'csikit-seg-'));
  writeFileSync(join(dir, 's.csv'), gen.csv);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('segment breakdown: DuckDB GROUP BY = in memory', () => {
  it('weighted, GROUP BY line, region, margin on region', async () => {
    const res = await duckdbMoments({ file: join(dir, 's.csv'), items: ITEMS, codebook: CODEBOOK, groupBy: ['line', 'region'], threads: 1 });
    const fromDb = segmentBreakdown(res.grouped!, 'region', meanOfFirstItem('IMAG1'));
    const survey = readSurvey(gen.csv, { codebook: CODEBOOK });
    const mem = segmentBreakdown(groupedMomentsOfSurvey(survey, 'region', { items: ITEMS, missing: 'casewise' }), 'region', meanOfFirstItem('IMAG1'));
    expect(fromDb.breakdown.order).toEqual(mem.breakdown.order);
    expect(fromDb.breakdown.order.length).toBeGreaterThan(1);
    expectNumbersClose(fromDb.breakdown, mem.breakdown, 1e-10);
  });
});

describe('pooled index breakdown: DuckDB GROUP BY (pairwise form, missing values) = in memory = analyze', () => {
  it('every level index within 1e-10', async () => {
    const { estimate } = await import('../../src/inference/index.js');
    const { parseModel } = await import('../../src/model/index.js');
    const { momentsFromSurvey } = await import('../../src/stats/index.js');
    const { constructIndices, indexScales } = await import('../../src/indices/index.js');
    const { analyze, pooledIndexEstimator } = await import('../../src/study/index.js');
    const { segmentColumn, groupedMomentsBySegment } = await import('../../src/segments/index.js');
    const { MODEL_TEXT } = await import('../engines/fixtures.js');
    const g = generateSurvey({ n: 1500, seed: 32 }); // 3 % empty cells, 1 % code 99
    const file = join(dir, 'm.csv');
    writeFileSync(file, g.csv);
    const survey = readSurvey(g.csv, { codebook: CODEBOOK });
    const model = parseModel(MODEL_TEXT);
    const result = estimate(survey, model);
    const ci = constructIndices(result, momentsFromSurvey(survey, { items: ITEMS, missing: 'mean' }), { model, scales: indexScales(ITEMS, { codebook: CODEBOOK }) });
    const est = pooledIndexEstimator(ci, 'mean');
    const db = await duckdbMoments({ file, items: ITEMS, codebook: CODEBOOK, groupBy: ['region'], threads: 1 });
    expect(db.moments.complete).toBe(false);
    const fromDb = segmentBreakdown(db.grouped!, 'region', est).breakdown;
    const mem = segmentBreakdown(groupedMomentsBySegment(survey, segmentColumn(survey, 'region'), { items: ITEMS, missing: 'mean' }), 'region', est).breakdown;
    expectNumbersClose(fromDb, mem, 1e-10);
    const study = analyze(survey, { model: MODEL_TEXT, segments: ['region'] });
    expectNumbersClose(study.segments!.region, mem, 1e-10);
  });
});
