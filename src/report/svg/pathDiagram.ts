/**
 * The path diagram (SmartPLS style): constructs as ellipses laid out in layers (exogenous left, outcomes right),
 * arrows carrying the path coefficients with significance stars, R² inside each explained construct.
 */
import { depths, layeredLayout, segmentHitsBox } from './layeredLayout.js';
import { clip, el, r1, svgRoot, text, textWidth } from './svg.js';

/** A construct of the diagram. `r2` is drawn inside (endogenous constructs). */
export interface DiagramNode {
  id: string;
  label: string;
  r2?: string;
}

/** A path of the diagram: `label` is the printed coefficient (with stars); `significant` false draws it dashed grey. */
export interface DiagramEdge {
  from: string;
  to: string;
  label: string;
  weight: number;
  significant?: boolean;
}

const FONT = 14;
/** Gap between columns; wider where many arrows run between two neighbouring columns (room for their labels). */
const GAP_X = 66;
const ROW_H = 104;
const MARGIN = 16;

/** Splits a long label into two lines at the space (or camel-case boundary) nearest its middle. */
function lines(label: string, max: number): string[] {
  if (textWidth(label, FONT) <= max) return [label];
  const cuts: number[] = [];
  for (let i = 1; i < label.length; i++) {
    if (label[i] === ' ' || (/[a-z]/.test(label[i - 1]) && /[A-Z]/.test(label[i]))) cuts.push(i);
  }
  if (cuts.length === 0) {
    const chars = [...label];
    const half = Math.ceil(chars.length / 2);
    return [chars.slice(0, half).join(''), clip(chars.slice(half).join(''), max, FONT)];
  }
  const mid = label.length / 2;
  const cut = cuts.reduce((a, b) => (Math.abs(b - mid) < Math.abs(a - mid) ? b : a));
  return [label.slice(0, cut).trim(), clip(label.slice(cut).trim(), max, FONT)];
}

/**
 * Draws the path diagram as an SVG string.
 *
 * @example
 * pathDiagramSvg([{ id: 'A', label: 'Image' }, { id: 'B', label: 'Satisfaction', r2: 'R² 0.46' }],
 *   [{ from: 'A', to: 'B', label: '0.39***', weight: 0.39 }], 'Path diagram')
 */
export function pathDiagramSvg(nodes: DiagramNode[], edges: DiagramEdge[], title: string): string {
  const text1 = new Map(nodes.map((n) => [n.id, lines(n.label, 120)] as const));
  const rx = Math.max(56, ...nodes.map((n) => Math.max(...text1.get(n.id)!.map((l) => textWidth(l, FONT))) / 2 + 16));
  const maxLines = Math.max(1, ...nodes.map((n) => text1.get(n.id)!.length + (n.r2 !== undefined ? 1 : 0)));
  const ry = 25 + 5 * maxLines;
  const depth = depths(
    nodes.map((n) => n.id),
    edges,
  );
  const between = new Map<number, number>();
  for (const e of edges) {
    const a = depth.get(e.from);
    const b = depth.get(e.to);
    if (a !== undefined && b === a + 1) between.set(a, (between.get(a) ?? 0) + 1);
  }
  const gap = GAP_X + 16 * Math.max(0, Math.max(0, ...between.values()) - 2);
  const colW = 2 * rx + gap;
  const layout = layeredLayout(
    nodes.map((n) => n.id),
    edges,
    { rowPitch: ROW_H / colW, halfWidth: (rx + 4) / colW, halfHeight: (ry + 4) / colW },
  );
  const width = MARGIN * 2 + layout.cols * colW - gap;
  // Only the rows in use: an empty top or bottom row would leave a blank band.
  const usedRows = [...layout.at.values()].map((p) => p.row);
  const top = Math.min(...usedRows);
  const height = MARGIN * 2 + (Math.max(...usedRows) - top) * ROW_H + 2 * ry;
  const centre = new Map<string, [number, number]>();
  for (const n of nodes) {
    const p = layout.at.get(n.id)!;
    centre.set(n.id, [MARGIN + rx + p.col * colW, MARGIN + ry + (p.row - top) * ROW_H]);
  }
  // Where the line from a node's centre towards (dx, dy) leaves its ellipse.
  const rim = (c: [number, number], dx: number, dy: number, pad: number): [number, number] => {
    const s = 1 / Math.sqrt((dx / (rx + pad)) ** 2 + (dy / (ry + pad)) ** 2);
    return [c[0] + dx * s, c[1] + dy * s];
  };
  const boxes: [number, number, number, number][] = [...centre.values()].map(([x, y]) => [x - rx, y - ry, x + rx, y + ry]);
  const overlap = (b: [number, number, number, number]) =>
    boxes.reduce((sum, o) => sum + Math.max(0, Math.min(b[2], o[2]) - Math.max(b[0], o[0])) * Math.max(0, Math.min(b[3], o[3]) - Math.max(b[1], o[1])), 0);
  // Every arrow's segment, so a label is not put where it would sit on another arrow.
  const segments = edges.map((e) => {
    const a = centre.get(e.from);
    const b = centre.get(e.to);
    return a && b && e.from !== e.to ? ([a, b] as const) : null;
  });
  let arrows = '';
  let labels = '';
  edges.forEach((e, ei) => {
    const a = centre.get(e.from);
    const b = centre.get(e.to);
    if (!a || !b || e.from === e.to) return;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const p = rim(a, dx, dy, 0);
    const q = rim(b, -dx, -dy, 2);
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
    const ux = (q[0] - p[0]) / len;
    const uy = (q[1] - p[1]) / len;
    const sig = e.significant !== false;
    const stroke = sig ? '#37474f' : '#9e9e9e';
    const w = Math.min(4, 1 + 3 * Math.abs(e.weight));
    const tip = q;
    const base: [number, number] = [q[0] - ux * 11, q[1] - uy * 11];
    arrows += el('line', { x1: p[0], y1: p[1], x2: base[0], y2: base[1], stroke, 'stroke-width': w, 'stroke-dasharray': sig ? undefined : '5 4' });
    arrows += el('polygon', {
      points: [tip, [base[0] - uy * 5.5, base[1] + ux * 5.5], [base[0] + uy * 5.5, base[1] - ux * 5.5]].map(([x, y]) => `${r1(x)},${r1(y)}`).join(' '),
      fill: stroke,
    });
    const lw = textWidth(e.label, 12) + 8;
    // The label sits on its arrow where it covers the least of the nodes and the labels placed so far.
    let spot: [number, number] = [p[0] + (q[0] - p[0]) * 0.5, p[1] + (q[1] - p[1]) * 0.5];
    let least = Infinity;
    for (const t of [0.5, 0.4, 0.6, 0.32, 0.68, 0.25, 0.75, 0.18, 0.82]) {
      const c: [number, number] = [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
      const box: [number, number, number, number] = [c[0] - lw / 2 - 2, c[1] - 11, c[0] + lw / 2 + 2, c[1] + 11];
      let o = overlap(box);
      segments.forEach((sg, k) => {
        if (sg && k !== ei && segmentHitsBox(sg[0], sg[1], box)) o += 500;
      });
      if (o < least - 1e-6) {
        least = o;
        spot = c;
      }
      if (o === 0) break;
    }
    boxes.push([spot[0] - lw / 2, spot[1] - 9, spot[0] + lw / 2, spot[1] + 9]);
    labels += el('rect', { x: spot[0] - lw / 2, y: spot[1] - 9, width: lw, height: 18, rx: 3, fill: '#ffffff', stroke: '#cfd8dc' });
    labels += text(spot[0], spot[1] + 4, e.label, { 'text-anchor': 'middle', 'font-size': 12, fill: sig ? '#263238' : '#757575' });
  });
  let shapes = '';
  for (const n of nodes) {
    const [x, y] = centre.get(n.id)!;
    const endo = n.r2 !== undefined;
    shapes += el('ellipse', { cx: x, cy: y, rx, ry, fill: endo ? '#dbe9f6' : '#eef3f8', stroke: '#1f5f99', 'stroke-width': 1.5 });
    const ls = text1.get(n.id)!;
    const all = endo ? [...ls, n.r2!] : ls;
    const top = y - ((all.length - 1) * 15) / 2 + 4.5;
    all.forEach((l, k) => {
      const isR2 = endo && k === all.length - 1;
      shapes += text(x, top + k * 15, l, { 'text-anchor': 'middle', 'font-size': isR2 ? 12 : FONT, 'font-weight': isR2 ? undefined : 600, fill: isR2 ? '#1f5f99' : '#102a43' });
    });
  }
  return svgRoot(width, height, title, `<g>${arrows}</g><g>${shapes}</g><g>${labels}</g>`);
}
