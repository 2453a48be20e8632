import { describe, expect, it } from 'vitest';
import { plsResultJsonSchema } from '../../src/pls/index.js';
import { renderHtml, renderMarkdown } from '../../src/report/index.js';
import { estimationOnlyStudy, fixtureStudy, telecomCodebook, telecomModel } from './fixture-study.js';

const sectionIds = (html: string) => [...html.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
const ALL = ['sample', 'paths', 'indices', 'hierarchy', 'impacts', 'ipma', 'segments', 'waves', 'scorecard', 'gaps', 'kpis', 'quality', 'settings'];

describe('a section appears only when its data is there', () => {
  it('the estimation fixture is a valid csi estimate --json document (regenerate it when the schema grows)', () => {
    expect(plsResultJsonSchema.safeParse(estimationOnlyStudy()).success).toBe(true);
  });

  it('the full fixture has every section, in order, each listed in the contents', () => {
    const html = renderHtml(fixtureStudy(), { lang: 'en', model: telecomModel, codebook: telecomCodebook });
    expect(sectionIds(html)).toEqual(ALL);
    for (const id of ALL) expect(html).toContain(`<a href="#${id}">`);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: a Study with only the estimation keys has only sample, paths, quality and settings, none empty`, () => {
      const html = renderHtml(estimationOnlyStudy(), { lang, model: telecomModel });
      expect(sectionIds(html)).toEqual(['sample', 'paths', 'quality', 'settings']);
      // Every section has more than its heading.
      for (const m of html.matchAll(/<section id="[^"]+">\n<h2>[^<]*<\/h2>\n([\s\S]*?)\n<\/section>/g)) expect(m[1].trim().length).toBeGreaterThan(20);
      expect(html).not.toMatch(/<table>\s*<thead>\s*<tr>\s*<\/tr>/);
      expect(html).not.toMatch(/<tbody><\/tbody>|<ul><\/ul>|<ol><\/ol>|<figure><\/figure>/);
      const md = renderMarkdown(estimationOnlyStudy(), { lang, model: telecomModel });
      expect(md.match(/^## /gm)).toHaveLength(4);
      expect(md).not.toMatch(/^## .*\n\n## /m);
    });
  }

  it('empty analysis keys ({}, []) are left out like absent ones', () => {
    const study = { ...estimationOnlyStudy(), indices: {}, segments: {}, scorecard: [], gaps: [], kpis: {}, distribution: {}, impacts: {}, ipma: {} };
    expect(sectionIds(renderHtml(study, { lang: 'en' }))).toEqual(['sample', 'paths', 'quality', 'settings']);
  });

  it('the page holds no script, no external URL, no url() and no link but in-page anchors', () => {
    for (const lang of ['en', 'zh'] as const) {
      const html = renderHtml(fixtureStudy(), { lang, model: telecomModel, codebook: telecomCodebook });
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
      expect(html).not.toMatch(/url\(|@import|\bsrc=/i);
      for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^#[a-z]+$/);
    }
  });

  it('the diagram draws every construct of the paths and every coefficient, with bootstrap stars', () => {
    const html = renderHtml(estimationOnlyStudy(), { lang: 'en', model: telecomModel });
    const svg = html.match(/<section id="paths">[\s\S]*?<\/svg>/)![0];
    expect(svg.match(/<ellipse/g)).toHaveLength(7);
    expect(svg).toContain('R² 0.46'); // Satisfaction's R² inside its ellipse
    expect(svg).toContain('0.39***'); // Image → Expectation
    expect(svg.match(/<polygon/g)).toHaveLength(13);
  });

  it('numbers follow the locale, labels the language', () => {
    const zhHtml = renderHtml(fixtureStudy(), { lang: 'zh', model: telecomModel, codebook: telecomCodebook });
    expect(zhHtml).toContain('<html lang="zh-CN">');
    expect(zhHtml).toContain('顾客满意度');
    expect(zhHtml).toContain('4,484');
    const enHtml = renderHtml(fixtureStudy(), { lang: 'en', model: telecomModel, codebook: telecomCodebook });
    expect(enHtml).toContain('Customer satisfaction');
    expect(enHtml).toContain('3G mobile');
  });
});
