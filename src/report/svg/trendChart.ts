/**
 * Waves as small multiples: one small line chart per measure, all on the same y scale, with the 95 % interval as a
 * band and the value at each wave. Small multiples keep every band readable where one crowded chart would not.
 */
import { yAxis } from './axis.js';
import { clip, el, linear, niceDomain, r1, svgRoot, text } from './svg.js';

/** One measure's values over the waves (null where a wave has no figure). */
export interface TrendSeries {
  label: string;
  points: { mean: number | null; lower: number | null; upper: number | null; value: string }[];
}

/**
 * The trend chart.
 *
 * @example
 * trendSvg([{ label: 'Satisfaction', points: [{ mean: 73, lower: 72, upper: 74, value: '73.0' }, …] }], ['Q1', 'Q2'], 'Trend', String)
 */
export function trendSvg(series: TrendSeries[], waves: string[], title: string, fmt: (v: number) => string): string {
  const perRow = Math.min(3, series.length);
  const pw = 300;
  const ph = 170;
  const gap = 16;
  const width = perRow * pw + (perRow - 1) * gap;
  const rows = Math.ceil(series.length / perRow);
  const height = rows * ph + (rows - 1) * gap;
  const all = series.flatMap((s) => s.points.flatMap((p) => [p.mean, p.lower, p.upper])).filter((v): v is number => v !== null);
  const y0 = niceDomain(all, 0, 100, 4);
  let body = '';
  series.forEach((s, k) => {
    const ox = (k % perRow) * (pw + gap);
    const oy = Math.floor(k / perRow) * (ph + gap);
    const L = ox + 40;
    const R = ox + pw - 14;
    const T = oy + 26;
    const B = oy + ph - 22;
    const slot = (R - L) / Math.max(1, waves.length);
    const x = linear([0, Math.max(1, waves.length - 1)], waves.length === 1 ? [(L + R) / 2, (L + R) / 2] : [L + slot / 2, R - slot / 2]);
    const y = linear(y0, [B, T]);
    body += el('rect', { x: ox, y: oy, width: pw, height: ph, fill: '#ffffff', stroke: '#e0e6ec' });
    body += text(ox + 8, oy + 16, clip(s.label, pw - 16, 13), { 'font-size': 13, 'font-weight': 700, fill: '#102a43' });
    body += yAxis(y, L, R, fmt, 4);
    waves.forEach((w, i) => (body += text(x(i), B + 15, clip(w, slot - 4, 11), { 'text-anchor': 'middle', 'font-size': 11, fill: '#5f6b7a' })));
    const band = s.points.map((p, i) => ({ ...p, i })).filter((p) => p.lower !== null && p.upper !== null);
    if (band.length > 1) {
      const up = band.map((p) => `${r1(x(p.i))},${r1(y(p.upper!))}`);
      const down = band.map((p) => `${r1(x(p.i))},${r1(y(p.lower!))}`).reverse();
      body += el('polygon', { points: [...up, ...down].join(' '), fill: '#1f5f99', 'fill-opacity': 0.15 });
    }
    for (const p of band) body += el('line', { x1: x(p.i), y1: y(p.lower!), x2: x(p.i), y2: y(p.upper!), stroke: '#1f5f99', 'stroke-opacity': 0.5 });
    const line = s.points.map((p, i) => ({ ...p, i })).filter((p) => p.mean !== null);
    if (line.length > 1) body += el('polyline', { points: line.map((p) => `${r1(x(p.i))},${r1(y(p.mean!))}`).join(' '), fill: 'none', stroke: '#1f5f99', 'stroke-width': 2 });
    for (const p of line) {
      body += el('circle', { cx: x(p.i), cy: y(p.mean!), r: 3.5, fill: '#1f5f99' });
      body += text(x(p.i), y(p.mean!) - 8, p.value, { 'text-anchor': 'middle', 'font-size': 11, fill: '#102a43', 'font-weight': 600 });
    }
  });
  return svgRoot(width, height, title, body);
}
