/**
 * The satisfaction distribution: one 100 % stacked bar per measure, categories coloured from red (lowest) to green
 * (highest), shares printed inside when there is room.
 */
import { clip, el, linear, svgRoot, text, textWidth } from './svg.js';

/** One bar: shares on [0, 1] per category (null counts as 0). */
export interface StackedRow {
  label: string;
  shares: (number | null)[];
}

const DIVERGING = ['#c62828', '#ef6c00', '#f9a825', '#c0ca33', '#7cb342', '#2e7d32', '#1b5e20'];

/** `k` of `n` categories' colour: spread along the red-to-green ramp. */
function colourOf(k: number, n: number): string {
  if (n <= 1) return DIVERGING[5];
  return DIVERGING[Math.round((k / (n - 1)) * (DIVERGING.length - 1))];
}

/**
 * The stacked bar chart with its legend.
 *
 * @example
 * stackedBarsSvg([{ label: 'Satisfaction', shares: [0.1, 0.3, 0.6] }], ['low', 'mid', 'high'], 'Distribution', (s) => `${Math.round(s * 100)}%`)
 */
export function stackedBarsSvg(rows: StackedRow[], categories: string[], title: string, pct: (s: number) => string): string {
  const labelW = Math.min(220, Math.max(60, ...rows.map((r) => textWidth(r.label, 12))) + 12);
  const width = 900;
  const rowH = 28;
  const top = 30;
  const height = top + rows.length * rowH + 8;
  const x = linear([0, 1], [labelW, width - 20]);
  let body = '';
  let lx = labelW;
  categories.forEach((c, k) => {
    body += el('rect', { x: lx, y: 6, width: 12, height: 12, fill: colourOf(k, categories.length) });
    body += text(lx + 17, 16, c, { 'font-size': 12, fill: '#102a43' });
    lx += 32 + textWidth(c, 12);
  });
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    body += text(labelW - 8, y + rowH / 2 + 4, clip(r.label, labelW - 12, 12), { 'text-anchor': 'end', 'font-size': 12, fill: '#102a43' });
    let acc = 0;
    r.shares.forEach((s, k) => {
      const v = s ?? 0;
      const x0 = x(acc);
      const w = x(acc + v) - x0;
      acc += v;
      if (w <= 0) return;
      body += el('rect', { x: x0, y: y + 4, width: w, height: rowH - 8, fill: colourOf(k, r.shares.length) });
      const label = pct(v);
      if (textWidth(label, 11) + 6 < w) body += text(x0 + w / 2, y + rowH / 2 + 4, label, { 'text-anchor': 'middle', 'font-size': 11, fill: '#ffffff', 'font-weight': 600 });
    });
  });
  return svgRoot(width, height, title, body);
}
