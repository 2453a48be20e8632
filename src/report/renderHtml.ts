import type { Study } from '../study/index.js';
import { blocksToHtml } from './html-blocks.js';
import { reportContext, type ReportOptions } from './context.js';
import { REPORT_CSS } from './css.js';
import { escapeHtml } from './escape.js';
import { keyFigures, keyFindings } from './headline.js';
import { SECTIONS } from './sections/index.js';

/**
 * The report's title: the option, else the codebook's title in the language (else the other one), else the
 * dictionary's.
 *
 * @example
 * reportTitle({ lang: 'zh', codebook: { title: { zh: '客服满意度' } } }, '顾客满意度报告') // '客服满意度'
 */
export function reportTitle(options: ReportOptions, fallback: string): string {
  const lang = options.lang ?? 'en';
  return options.title ?? options.codebook?.title?.[lang] ?? options.codebook?.title?.[lang === 'zh' ? 'en' : 'zh'] ?? fallback;
}

/**
 * Renders a Study as one self-contained HTML page: inline CSS and inline SVG charts, no script, no font or image
 * fetched, no URL at all; printable to PDF from a browser. A section appears only when its Study key is there and
 * not empty. All text from the data is escaped.
 *
 * @example
 * const html = renderHtml(study, { lang: 'zh', model, codebook });
 * // write it with the CLI (csi report) or fs.writeFileSync('report.html', html)
 */
export function renderHtml(study: Study, options: ReportOptions = {}): string {
  const ctx = reportContext(study, options);
  const { t } = ctx;
  const title = reportTitle(options, t.reportTitle);
  const parts = SECTIONS.map((s) => ({ s, blocks: s.blocks(ctx) })).filter((p) => p.blocks.length > 0);
  const cards = keyFigures(ctx)
    .map((k) => `<li><span class="k">${escapeHtml(k.label)}</span><span class="v">${escapeHtml(k.value)}</span>${k.detail ? `<span class="i">${escapeHtml(k.detail)}</span>` : ''}</li>`)
    .join('');
  const findings = keyFindings(ctx);
  const findingsHtml = findings.length
    ? `\n<section class="findings" aria-label="${escapeHtml(t.findings)}"><h2>${escapeHtml(t.findings)}</h2><ul>${findings.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul></section>`
    : '';
  const nav = parts.map(({ s }) => `<li><a href="#${s.id}">${escapeHtml(s.title(t))}</a></li>`).join('');
  const sections = parts.map(({ s, blocks }) => `<section id="${s.id}">\n<h2>${escapeHtml(s.title(t))}</h2>\n${blocksToHtml(blocks)}\n</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${ctx.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<div class="page">
<header>
<h1>${escapeHtml(title)}</h1>
<ul class="cards">${cards}</ul>${findingsHtml}
</header>
<nav aria-label="${escapeHtml(t.contents)}"><h2>${escapeHtml(t.contents)}</h2><ol>${nav}</ol></nav>
<main>
${sections}
</main>
<footer>${escapeHtml(t.footer)}</footer>
</div>
</body>
</html>
`;
}
