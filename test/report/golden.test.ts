import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/index.js';
import { fixtureStudy, telecomCodebook, telecomModel } from './fixture-study.js';

/**
 * Markdown snapshots of the fixture Study (real estimation keys + hand-written analysis sections, see
 * fixture-study.ts). Regenerate deliberately after a wanted change: `UPDATE_GOLDEN=1 npx vitest run test/report/golden.test.ts`,
 * then read the diff.
 */
const dir = path.join(__dirname, '__golden__');

describe('Markdown report of the fixture Study (golden files)', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang} matches __golden__/fixture.${lang}.md`, () => {
      const md = renderMarkdown(fixtureStudy(), { lang, model: telecomModel, codebook: telecomCodebook });
      const file = path.join(dir, `fixture.${lang}.md`);
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, md);
      }
      expect(md).toBe(readFileSync(file, 'utf8'));
    });
  }
});
