/**
 * The importance-performance map: constructs as points (x importance, y performance), dashed threshold lines and
 * the four quadrants named and tinted (fix = high importance, low performance, in warm red).
 */
import { xAxis, yAxis } from './axis.js';
import { el, linear, niceDomain, svgRoot, text, textWidth } from './svg.js';

/** One construct on the map. */
export interface IpmaPoint {
  label: string;
  importance: number;
  performance: number;
}

/** Names of the quadrants, in the report's language. */
export interface QuadrantNames {
  strength: string;
  fix: string;
  opportunity: string;
  maintain: string;
}

/**
 * The IPMA quadrant chart.
 *
 * @example
 * ipmaSvg([{ label: 'Value', importance: 0.2, performance: 70 }], { importance: 0.15, performance: 72 }, names, axes, 'IPMA', fmt)
 */
export function ipmaSvg(
  points: IpmaPoint[],
  thresholds: { importance: number; performance: number },
  names: QuadrantNames,
  axes: { x: string; y: string },
  title: string,
  fmt: { x: (v: number) => string; y: (v: number) => string },
): string {
  const width = 720;
  const height = 460;
  const L = 56;
  const R = width - 24;
  const T = 16;
  const B = height - 50;
  const xs = [0, ...points.map((p) => p.importance), thresholds.importance];
  const xd = niceDomain(xs, Math.min(...xs));
  const yd = niceDomain([...points.map((p) => p.performance), thresholds.performance], 0, 100);
  const x = linear([Math.min(0, xd[0]), xd[1]], [L, R]);
  const y = linear(yd, [B, T]);
  const tx = x(thresholds.importance);
  const ty = y(thresholds.performance);
  let body = '';
  // Quadrant tints: fix (bottom right) warm, strength (top right) green, others neutral.
  body += el('rect', { x: tx, y: ty, width: R - tx, height: B - ty, fill: '#fdecea' });
  body += el('rect', { x: tx, y: T, width: R - tx, height: ty - T, fill: '#e8f5e9' });
  body += el('rect', { x: L, y: ty, width: tx - L, height: B - ty, fill: '#fff8e1' });
  body += el('rect', { x: L, y: T, width: tx - L, height: ty - T, fill: '#f3f6f9' });
  body += xAxis(x, T, B, fmt.x);
  body += yAxis(y, L, R, fmt.y);
  body += el('line', { x1: tx, y1: T, x2: tx, y2: B, stroke: '#78909c', 'stroke-dasharray': '6 4', 'stroke-width': 1.5 });
  body += el('line', { x1: L, y1: ty, x2: R, y2: ty, stroke: '#78909c', 'stroke-dasharray': '6 4', 'stroke-width': 1.5 });
  const qa = { 'font-size': 14, 'font-weight': 700, opacity: 0.85 };
  body += text(R - 8, T + 20, names.strength, { ...qa, 'text-anchor': 'end', fill: '#2e7d32' });
  body += text(R - 8, B - 10, names.fix, { ...qa, 'text-anchor': 'end', fill: '#c62828' });
  body += text(L + 8, B - 10, names.opportunity, { ...qa, fill: '#a86b00' });
  body += text(L + 8, T + 20, names.maintain, { ...qa, fill: '#546e7a' });
  const placed: [number, number, number, number][] = [];
  for (const p of points) {
    const cx = x(p.importance);
    const cy = y(p.performance);
    body += el('circle', { cx, cy, r: 6, fill: '#1f5f99', stroke: '#ffffff', 'stroke-width': 1.5 });
    const w = textWidth(p.label, 12);
    // Label right of the point, else left, else above/below, avoiding earlier labels and the plot edge.
    const options: [number, number, 'start' | 'end'][] = [
      [cx + 9, cy + 4, 'start'],
      [cx - 9, cy + 4, 'end'],
      [cx + 9, cy - 10, 'start'],
      [cx + 9, cy + 18, 'start'],
      [cx - 9, cy - 10, 'end'],
      [cx - 9, cy + 18, 'end'],
    ];
    const boxOf = ([lx, ly, a]: [number, number, 'start' | 'end']): [number, number, number, number] => (a === 'start' ? [lx, ly - 11, lx + w, ly + 3] : [lx - w, ly - 11, lx, ly + 3]);
    const fits = (b: [number, number, number, number]) => b[0] >= L && b[2] <= R && !placed.some((o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1]);
    const pick = options.find((o) => fits(boxOf(o))) ?? options[0];
    placed.push(boxOf(pick));
    body += text(pick[0], pick[1], p.label, { 'font-size': 12, fill: '#102a43', 'text-anchor': pick[2] });
  }
  body += text((L + R) / 2, height - 10, axes.x, { 'text-anchor': 'middle', 'font-size': 12, fill: '#37474f' });
  body += text(14, (T + B) / 2, axes.y, { 'text-anchor': 'middle', 'font-size': 12, fill: '#37474f', transform: `rotate(-90 14 ${Math.round((T + B) / 2)})` });
  return svgRoot(width, height, title, body);
}
