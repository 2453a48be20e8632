import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/data/readSurvey.js';

describe('straight-liners on rating items only, top-box flag (issue 17.18)', () => {
  // Three 1-5 rating items and a continuous column in the codebook's items; rows 2 and 4 answer 5 on every rating item.
  const codebook = {
    items: [
      { id: 'R1', scale: { min: 1, max: 5 } },
      { id: 'R2', scale: { min: 1, max: 5 } },
      { id: 'R3', scale: { min: 1, max: 5 } },
      { id: 'T', scale: { min: 0, max: 1000 } },
    ],
  };
  const text = 'R1,R2,R3,T\n5,5,5,12.5\n4,5,3,40.25\n5,5,5,7.75\n5,2,5,3.5\n';

  it('a continuous item does not hide the straight-liners', () => {
    const s = readSurvey(text, { codebook });
    expect(s.quality?.straightLiners).toEqual([2, 4]);
    expect(s.warnings.find((w) => w.code === 'STRAIGHT_LINER')?.message).toContain('rating item (3 of 4 items)');
  });

  it('flags items with half or more of their answers at the top of the scale', () => {
    const s = readSurvey(text, { codebook });
    expect(s.quality?.topBox).toEqual([
      { item: 'R1', share: 0.75 },
      { item: 'R2', share: 0.75 },
      { item: 'R3', share: 0.75 },
    ]);
    expect(s.warnings.find((w) => w.code === 'TOP_BOX')?.message).toContain('R1 75%');
  });
});

describe('inspect text: ranges and coercions (issues 17.14, 17.22)', async () => {
  const { summarizeSurvey } = await import('../../src/data/summarizeSurvey.js');
  const { formatSurveySummary, scaleText } = await import('../../src/data/formatSurveySummary.js');

  it('a continuous range prints short and without a dash that reads as a minus', () => {
    expect(scaleText(-1.234567891, 1.75)).toBe('-1.235 to 1.75');
    expect(scaleText(1, 10)).toBe('1-10');
    const s = readSurvey('X,Y\n-1.234567891,1\n1.75,2\n0.5,3\n', { codebook: { items: [{ id: 'X', scale: { min: -1.234567891, max: 1.75 } }, { id: 'Y', scale: { min: 1, max: 5 } }] } });
    expect(formatSurveySummary(summarizeSurvey(s))).toMatch(/X\s+-1\.235 to 1\.75\s/);
  });

  it('a decimal comma is listed under what loading did, not "nothing was coerced"', () => {
    const text = formatSurveySummary(summarizeSurvey(readSurvey('A;B\n7,5;1\n8;2\n6;3\n')));
    expect(text).toContain('decimal commas read as decimals: A 1');
    expect(text).not.toContain('nothing was coerced');
    expect(text).toContain('DECIMAL_COMMA');
  });
});

describe('surveyQuality with a complete column pass (the CSV lane: no cell missing)', () => {
  it('flags the same rows, skipped file rows included, as the full row loop', async () => {
    const { surveyQuality, qualityColumnPass } = await import('../../src/data/surveyQuality.js');
    let seed = 5;
    const rnd = (k: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * k);
    const n = 400;
    const items = Array.from({ length: 3 }, () => new Float64Array(n));
    for (let r = 0; r < n; r++) {
      const same = rnd(6) === 0;
      const v = 1 + rnd(5);
      for (const col of items) col[r] = same ? v : 1 + rnd(5);
    }
    const names = ['a', 'b', 'c'];
    const rating = [true, true, true];
    const options = { firstRow: 2, excludedRows: [3, 10, 11, 250], rating, scaleMax: [5, 5, 5] };
    const pass = qualityColumnPass(items, n, rating, [], [5, 5, 5]);
    const full = surveyQuality(names, items, n, { ...options, columnPass: pass });
    const fast = surveyQuality(names, items, n, { ...options, columnPass: { ...pass, complete: true } });
    expect(full.flags.straightLiners.length).toBeGreaterThan(30);
    expect(fast).toEqual(full);
  });
});
