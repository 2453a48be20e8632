/** Horizontal bars of 0-100 indices with 95 % interval whiskers and the value printed at the bar's end. */
import { xAxis } from './axis.js';
import { clip, el, linear, svgRoot, text, textWidth } from './svg.js';

/** One bar. `highlight` draws it in the accent colour (the overall index). */
export interface IndexBar {
  label: string;
  mean: number;
  lower: number | null;
  upper: number | null;
  value: string;
  highlight?: boolean;
  /** A dimension of the construct above: indented label, lighter bar. */
  sub?: boolean;
}

/**
 * The index bar chart, axis 0-100.
 *
 * @example
 * indexBarsSvg([{ label: 'Satisfaction', mean: 74.2, lower: 73.5, upper: 74.9, value: '74.2' }], 'Indices', String)
 */
export function indexBarsSvg(bars: IndexBar[], title: string, fmt: (v: number) => string): string {
  const labelW = Math.min(240, Math.max(60, ...bars.map((b) => textWidth(b.label, 12))) + 12);
  const width = 900;
  const rowH = 26;
  const top = 8;
  const height = top + bars.length * rowH + 26;
  const x = linear([0, 100], [labelW, width - 56]);
  let body = xAxis(x, top, top + bars.length * rowH, fmt);
  bars.forEach((b, k) => {
    const y = top + k * rowH;
    const fill = b.highlight ? '#1f5f99' : b.sub ? '#b7cde3' : '#7fa7cf';
    body += text(labelW - 8, y + rowH / 2 + 4, clip(b.label, labelW - 12, 12), { 'text-anchor': 'end', 'font-size': 12, fill: b.sub ? '#5f6b7a' : '#102a43', 'font-weight': b.highlight ? 700 : undefined });
    body += el('rect', { x: x(0), y: y + 5, width: Math.max(0, x(Math.max(0, Math.min(100, b.mean))) - x(0)), height: rowH - 10, fill, rx: 2 });
    let end = x(b.mean);
    if (b.lower !== null && b.upper !== null) {
      const cy = y + rowH / 2;
      body += el('line', { x1: x(b.lower), y1: cy, x2: x(b.upper), y2: cy, stroke: '#102a43', 'stroke-width': 1.5 });
      for (const v of [b.lower, b.upper]) body += el('line', { x1: x(v), y1: cy - 5, x2: x(v), y2: cy + 5, stroke: '#102a43', 'stroke-width': 1.5 });
      end = Math.max(end, x(b.upper));
    }
    body += text(end + 6, y + rowH / 2 + 4, b.value, { 'font-size': 12, fill: '#102a43', 'font-weight': 600 });
  });
  return svgRoot(width, height, title, body);
}
