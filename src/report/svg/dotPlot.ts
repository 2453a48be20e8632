/**
 * Segment comparison as a dot plot: one row per measure, one coloured dot per segment level with its 95 % interval.
 * The axis is zoomed to the values, so differences of a few points show (bars would have to start at 0).
 */
import { xAxis } from './axis.js';
import { clip, el, linear, niceDomain, svgRoot, text, textWidth } from './svg.js';
import { seriesColor } from './svg.js';

/** One row: a value per series (segment level), null where the level has none. */
export interface DotRow {
  label: string;
  /** Where all respondents stand (drawn as a dark tick), when known. */
  reference?: number | null;
  values: ({ mean: number; lower: number | null; upper: number | null } | null)[];
}

/**
 * The dot plot with a legend on top.
 *
 * @example
 * dotPlotSvg([{ label: 'Satisfaction', values: [{ mean: 72, lower: 71, upper: 73 }, { mean: 75, lower: 74, upper: 76 }] }], ['3G', '4G'], 'By line', String)
 */
export function dotPlotSvg(rows: DotRow[], series: string[], title: string, fmt: (v: number) => string, referenceLabel?: string): string {
  const labelW = Math.min(220, Math.max(60, ...rows.map((r) => textWidth(r.label, 12))) + 12);
  const width = 900;
  const legendH = 26;
  const rowH = Math.max(24, 8 + series.length * 7);
  const top = legendH + 6;
  const height = top + rows.length * rowH + 26;
  const vals = rows.flatMap((r) => [...(r.reference != null ? [r.reference] : []), ...r.values.flatMap((v) => (v ? [v.mean, v.lower ?? v.mean, v.upper ?? v.mean] : []))]);
  const x = linear(niceDomain(vals, 0, 100), [labelW, width - 20]);
  let body = '';
  let lx = labelW;
  series.forEach((s, k) => {
    body += el('circle', { cx: lx + 6, cy: 12, r: 5, fill: seriesColor(k) });
    body += text(lx + 15, 16, s, { 'font-size': 12, fill: '#102a43' });
    lx += 30 + textWidth(s, 12);
  });
  if (referenceLabel !== undefined && rows.some((r) => r.reference != null)) {
    body += el('line', { x1: lx + 6, y1: 5, x2: lx + 6, y2: 19, stroke: '#102a43', 'stroke-width': 2.5 });
    body += text(lx + 15, 16, referenceLabel, { 'font-size': 12, fill: '#102a43' });
  }
  body += xAxis(x, top, top + rows.length * rowH, fmt);
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    if (i % 2 === 0) body += el('rect', { x: labelW, y, width: width - 20 - labelW, height: rowH, fill: '#f6f8fa' });
    body += text(labelW - 8, y + rowH / 2 + 4, clip(r.label, labelW - 12, 12), { 'text-anchor': 'end', 'font-size': 12, fill: '#102a43' });
    if (r.reference != null) body += el('line', { x1: x(r.reference), y1: y + 3, x2: x(r.reference), y2: y + rowH - 3, stroke: '#102a43', 'stroke-width': 2.5 });
    const n = r.values.length;
    r.values.forEach((v, k) => {
      if (!v) return;
      const cy = y + rowH / 2 + (n > 1 ? (k - (n - 1) / 2) * Math.min(7, (rowH - 8) / n) : 0);
      if (v.lower !== null && v.upper !== null) body += el('line', { x1: x(v.lower), y1: cy, x2: x(v.upper), y2: cy, stroke: seriesColor(k), 'stroke-width': 2, 'stroke-opacity': 0.6 });
      body += el('circle', { cx: x(v.mean), cy, r: 4.5, fill: seriesColor(k), stroke: '#ffffff', 'stroke-width': 1 });
    });
  });
  return svgRoot(width, height, title, body);
}
