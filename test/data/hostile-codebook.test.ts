import { describe, expect, it } from 'vitest';
import { formatSurveySummary } from '../../src/data/formatSurveySummary.js';
import { readSurvey } from '../../src/data/readSurvey.js';
import { summarizeSurvey } from '../../src/data/summarizeSurvey.js';
import { surveyCsv } from '../helpers/hostile.js';

describe('missing-value codes inside the answer scale (issue 18 item 6)', () => {
  const ITEMS = ['IMG1', 'IMG2'];
  const codebook = (missing: number) => ({ items: ITEMS.map((id) => ({ id, scale: { min: 1, max: 10 }, ...(id === 'IMG1' ? { missing: [{ value: missing }] } : {}) })) });

  it('a code of 5 on a 1–10 scale is flagged with the count of answers it removed', () => {
    const text = surveyCsv(200, ITEMS, 4);
    const fives = text.split('\n').slice(1).filter((l) => l.split(',')[0] === '5').length;
    const s = readSurvey(text, { codebook: codebook(5) });
    const w = s.warnings.find((x) => x.code === 'MISSING_CODE' && x.column === 'IMG1');
    expect(fives).toBeGreaterThan(0);
    expect(w?.count).toBe(fives);
    expect(w?.message).toContain(`the missing-value code 5 lies inside the answer scale 1–10, so ${fives} answer(s) of 5 were treated as missing`);
    expect(formatSurveySummary(summarizeSurvey(s))).toMatch(/MISSING_CODE: Item IMG1: the missing-value code 5 lies inside/);
  });

  it('a code outside the scale (99) is not flagged as an overlap', () => {
    const s = readSurvey(surveyCsv(50, ITEMS, 4), { codebook: codebook(99) });
    expect(s.warnings.some((x) => x.code === 'MISSING_CODE' && x.column === 'IMG1')).toBe(false);
  });
});
