import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/index.js';
import { estimationOnlyStudy, fixtureStudy, telecomCodebook, telecomModel } from './fixture-study.js';

/**
 * The report is valid HTML (html-validate's recommended rules, with inline styles allowed: the page is one file).
 * html-validate is a devDependency; in a checkout whose node_modules predates it the test says so and skips.
 */
const htmlValidate = await import('html-validate').catch(() => null);
const HtmlValidate = htmlValidate?.HtmlValidate;
const validator = HtmlValidate && new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'no-inline-style': 'off',
    'long-title': 'off',
  },
});

describe.skipIf(!validator)(`the HTML report validates (html-validate)${validator ? '' : ' (skipped: html-validate is not installed; run npm install)'}`, () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const [what, study] of [
      ['full fixture', fixtureStudy],
      ['estimation only', estimationOnlyStudy],
    ] as const) {
      it(`${lang}, ${what}`, async () => {
        const html = renderHtml(study(), { lang, model: telecomModel, codebook: telecomCodebook });
        const report = await validator!.validateString(html);
        const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`));
        expect(messages).toEqual([]);
      });
    }
  }
});
