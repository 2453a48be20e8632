import type { Study } from '../study/index.js';
import { reportContext, type ReportOptions } from './context.js';
import { escapeMarkdown } from './escape.js';
import { keyFigures, keyFindings } from './headline.js';
import { blocksToMarkdown } from './md-blocks.js';
import { reportTitle } from './renderHtml.js';
import { SECTIONS } from './sections/index.js';

/**
 * Renders a Study as Markdown: the same sections, tables and notes as the HTML report, without the charts (every
 * chart's figures are in a table). A section appears only when its Study key is there and not empty.
 *
 * @example
 * const md = renderMarkdown(study, { lang: 'en', model, codebook });
 */
export function renderMarkdown(study: Study, options: ReportOptions = {}): string {
  const ctx = reportContext(study, options);
  const { t } = ctx;
  const out = [`# ${escapeMarkdown(reportTitle(options, t.reportTitle))}`];
  out.push(keyFigures(ctx).map((k) => `- ${escapeMarkdown(k.label)}: **${escapeMarkdown(k.value)}**${k.detail ? ` (${escapeMarkdown(k.detail)})` : ''}`).join('\n'));
  const findings = keyFindings(ctx);
  if (findings.length) out.push(`**${escapeMarkdown(t.findings)}**`, findings.map((x) => `- ${escapeMarkdown(x)}`).join('\n'));
  for (const s of SECTIONS) {
    const blocks = s.blocks(ctx);
    if (blocks.length === 0) continue;
    out.push(`## ${escapeMarkdown(s.title(t))}`, blocksToMarkdown(blocks));
  }
  out.push(`_${escapeMarkdown(t.footer)}_`);
  return `${out.join('\n\n')}\n`;
}
