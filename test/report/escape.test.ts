import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, renderHtml, renderMarkdown } from '../../src/report/index.js';
import type { Study } from '../../src/study/types.js';
import { fixtureStudy, telecomCodebook, telecomModel } from './fixture-study.js';

const EVIL = '<script>alert(1)</script>';

/** The fixture with hostile text everywhere data text can reach a report. */
function hostileStudy(): { study: Study; codebook: typeof telecomCodebook } {
  const study = fixtureStudy();
  study.survey!.constructLabels = { ...study.survey!.constructLabels, Satisfaction: { en: EVIL, zh: EVIL } };
  study.warnings = [...study.warnings, `X: ${EVIL} "quoted" & 'single'`];
  const codebook = structuredClone(telecomCodebook);
  codebook.title = { en: EVIL, zh: EVIL };
  const line = codebook.segments!.find((s) => s.id === 'line')!;
  line.label = { en: `<img src=x onerror=alert(1)>`, zh: `<img src=x onerror=alert(1)>` };
  line.levels![0].label = { en: '[click](javascript:alert(1))', zh: '[click](javascript:alert(1))' };
  return { study, codebook };
}

describe('text from the data is escaped', () => {
  it('escapeHtml escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('escapeMarkdown breaks tags, links and cells but keeps plain text readable', () => {
    expect(escapeMarkdown(EVIL)).toBe('&lt;script>alert(1)&lt;/script>');
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('[x\\](javascript:alert(1))');
    expect(escapeMarkdown('a|b\nc')).toBe('a\\|b c');
    expect(escapeMarkdown('p < 0.001 [0.1, 0.2]')).toBe('p < 0.001 [0.1, 0.2]');
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: a label <script>alert(1)</script> appears as text in the HTML report, never as markup`, () => {
      const { study, codebook } = hostileStudy();
      const html = renderHtml(study, { lang, model: telecomModel, codebook });
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    });

    it(`${lang}: the Markdown report carries no tag and no link from the data`, () => {
      const { study, codebook } = hostileStudy();
      const md = renderMarkdown(study, { lang, model: telecomModel, codebook });
      expect(md).not.toMatch(/<script|<img/i);
      expect(md).toContain('&lt;script>alert(1)&lt;/script>');
      expect(md).not.toMatch(/[^\\]\]\(javascript:/);
      expect(md).toContain('[click\\](javascript:alert(1))');
    });
  }
});
