import { describe, expect, it } from 'vitest';
import { formatSurveySummary } from '../../src/data/formatSurveySummary.js';
import { inferCodebook } from '../../src/data/inferCodebook.js';
import { inferScale } from '../../src/data/inferScale.js';
import { readSurvey } from '../../src/data/readSurvey.js';
import { summarizeSurvey } from '../../src/data/summarizeSurvey.js';
import { surveyFromRows } from '../../src/data/surveyFromRows.js';
import { parseCodebook } from '../../src/data/parseCodebook.js';
import { cb } from './helpers.js';

describe('summarizeSurvey', () => {
  const text = 'id,region,Q1,Q2\n1,N,2,1\n2,S,4,\n3,N,6,3\n4,,8,5\n';
  const s = readSurvey(text, { codebook: cb(['Q1', 'Q2'], { id: 'id', segments: [{ id: 'region' }] }) });
  const sum = summarizeSurvey(s);

  it('gives mean, sd (n − 1) and missing per item, worked by hand', () => {
    // Q1 = 2,4,6,8: mean 5, deviations ±1, ±3 → variance (9+1+1+9)/3 = 20/3.
    expect(sum.items[0]).toMatchObject({ name: 'Q1', answered: 4, missing: 0, mean: 5, min: 2, max: 8 });
    expect(sum.items[0].sd).toBeCloseTo(Math.sqrt(20 / 3), 12);
    // Q2 = 1,3,5 (one empty): mean 3, variance (4+0+4)/2 = 4.
    expect(sum.items[1]).toMatchObject({ answered: 3, missing: 1, mean: 3, sd: 2 });
  });

  it('counts segment levels and missing', () => {
    expect(sum.segments[0]).toEqual({ name: 'region', levels: [{ value: 'N', count: 2 }, { value: 'S', count: 1 }], missing: 1 });
  });

  it('formats English and Chinese text with the items, segments, log and flags', () => {
    const en = formatSurveySummary(sum);
    expect(en).toContain('Survey: 4 respondents');
    expect(en).toMatch(/Q1\s+1-10\s+5\s/);
    expect(en).toContain('region: N 2, S 1; missing 1');
    expect(en).toContain('empty cells: Q2 1');
    const zh = formatSurveySummary(sum, { lang: 'zh' });
    expect(zh).toContain('问卷：4 位受访者');
    expect(zh).toContain('数据质量提示');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(sum)).n).toBe(4);
  });
});

describe('inferCodebook', () => {
  it('returns a draft that parses as a codebook and reads the same file back without inference warnings', () => {
    const text = 'resp_id,line,Q1,Q2,Q3\n1,3G,0,5,7\n2,4G,10,9,8\n3,3G,7,1,2\n';
    const draft = inferCodebook(text);
    expect(parseCodebook(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
    expect(draft.id).toBe('resp_id');
    expect(draft.segments).toEqual([{ id: 'line' }]);
    // Q1 includes 0 → 0-10; Q2 (1..9) and Q3 (2..8) snap to 1-10, and as most items are 1-10 they stay there.
    expect(draft.items.map((i) => `${i.id}:${i.scale.min}-${i.scale.max}`)).toEqual(['Q1:0-10', 'Q2:1-10', 'Q3:1-10']);
    const again = readSurvey(text, { codebook: draft });
    expect(again.warnings.some((w) => w.code === 'INFERRED_SCALE')).toBe(false);
  });

  it('puts 1-M items on 0-M when most items use 0', () => {
    const draft = inferCodebook('a,b,c\n0,0,1\n10,9,10\n');
    expect(draft.items.map((i) => i.scale)).toEqual([
      { min: 0, max: 10 },
      { min: 0, max: 10 },
      { min: 0, max: 10 },
    ]);
  });

  it('inferScale snaps to common scales and falls back to the observed range', () => {
    expect(inferScale(2, 5, true)).toEqual({ min: 1, max: 5 });
    expect(inferScale(1, 6, true)).toEqual({ min: 1, max: 7 });
    expect(inferScale(4, 10, true)).toEqual({ min: 1, max: 10 });
    expect(inferScale(0, 3, true)).toEqual({ min: 0, max: 5 }); // issue 17.16: 0-5 items are not 0-10
    expect(inferScale(0, 7, true)).toEqual({ min: 0, max: 10 });
    expect(inferScale(11.1, 88.9, false)).toEqual({ min: 0, max: 100 });
    expect(inferScale(1.5, 4.5, false)).toEqual({ min: 0, max: 100 });
    expect(inferScale(12, 480, true)).toEqual({ min: 12, max: 480 });
    expect(inferScale(500, 500, true)).toEqual({ min: 500, max: 501 });
  });
});

describe('surveyFromRows', () => {
  it('gives the same survey as the CSV reader on the same data', () => {
    const rows = [
      { id: 'a', Q1: 7, Q2: '8', g: 'x' },
      { id: 'b', Q1: null, Q2: 10, g: 'y' },
      { id: 'c', Q1: 3, g: 'x' },
    ];
    const codebook = cb(['Q1', 'Q2'], { id: 'id', segments: [{ id: 'g' }] });
    const fromRows = surveyFromRows(rows, { codebook });
    const fromCsv = readSurvey('id,Q1,Q2,g\na,7,8,x\nb,,10,y\nc,3,,x\n', { codebook });
    expect(fromRows.items).toEqual(fromCsv.items);
    expect(fromRows.segments).toEqual(fromCsv.segments);
    expect(fromRows.ids).toEqual(fromCsv.ids);
    expect(fromRows.log.emptyCells).toEqual(fromCsv.log.emptyCells);
  });

  it('reports rows as in a file (rows[0] is row 2)', () => {
    try {
      surveyFromRows([{ Q1: 1 }, { Q1: 12 }], { codebook: cb(['Q1']) });
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string; row: number }).code).toBe('OUT_OF_SCALE');
      expect((e as { row: number }).row).toBe(3);
    }
  });
});
