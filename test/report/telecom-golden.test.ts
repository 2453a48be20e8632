import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/data/index.js';
import { renderMarkdown } from '../../src/report/index.js';
import { analyzeDetailed } from '../../src/study/index.js';
import { telecomCodebook } from './fixture-study.js';

/**
 * Golden Markdown of the telecom example (issue 16): the real Study from `analyze` (estimation, indices, impacts,
 * IPMA for Satisfaction and the hierarchy of fixtures/telecom.hierarchy.json, as the demo; no bootstrap, so the file is exact), rendered in both languages. A change
 * of any analysis figure or of the report's text shows here. Regenerate deliberately:
 * `UPDATE_GOLDEN=1 npx vitest run test/report/telecom-golden.test.ts`, then read the diff.
 */
const repo = path.resolve(__dirname, '../..');
const dir = path.join(__dirname, '__golden__');

describe('Markdown report of the telecom example (golden files)', () => {
  const survey = readSurvey(readFileSync(path.join(repo, 'fixtures/telecom.csv'), 'utf8'), { codebook: telecomCodebook });
  const { study, model } = analyzeDetailed(survey, {
    // The JSON form of fixtures/telecom.model: the same model, with zh/en construct labels.
    model: JSON.parse(readFileSync(path.join(repo, 'fixtures/telecom.model.json'), 'utf8')),
    codebook: telecomCodebook,
    ipma: ['Satisfaction'],
    hierarchy: JSON.parse(readFileSync(path.join(repo, 'fixtures/telecom.hierarchy.json'), 'utf8')),
  });
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang} matches __golden__/telecom.${lang}.md`, () => {
      const md = renderMarkdown(study, { lang, model, codebook: telecomCodebook });
      const file = path.join(dir, `telecom.${lang}.md`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, md);
      expect(md).toBe(readFileSync(file, 'utf8'));
    });
  }
});
