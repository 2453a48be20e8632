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
