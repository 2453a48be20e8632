/**
 * Small SVG string builders shared by the charts: every text goes through {@link escapeHtml}, every number is
 * rounded to 0.1 px, so the output is short, stable (golden-testable) and safe. No DOM, no browser: plain strings.
 */
import { escapeHtml } from '../escape.js';

/** Attribute values: numbers are rounded to one decimal; undefined drops the attribute. */
export type Attrs = Record<string, string | number | undefined>;

/** Rounds a coordinate to one decimal (−0 → 0). */
export const r1 = (x: number): number => Math.round(x * 10) / 10 + 0;

function attrs(a: Attrs): string {
  let s = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    s += ` ${k}="${typeof v === 'number' ? r1(v) : escapeHtml(v)}"`;
  }
  return s;
}

/**
 * One SVG element; `children` is trusted markup (other builders' output), never data text.
 *
 * @example
 * el('circle', { cx: 5, cy: 5, r: 2 }) // '<circle cx="5" cy="5" r="2"/>'
 */
export function el(name: string, a: Attrs, children?: string): string {
  return children === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${children}</${name}>`;
}

/**
 * A `<text>` element whose content is escaped data text.
 *
 * @example
 * text(10, 20, 'A & B', { 'text-anchor': 'middle' }) // '<text x="10" y="20" text-anchor="middle">A &amp; B</text>'
 */
export function text(x: number, y: number, content: string, a: Attrs = {}): string {
  return el('text', { x, y, ...a }, escapeHtml(content));
}

/**
 * The outer `<svg>` of a chart: a viewBox that scales to the page width, a role and an accessible title.
 * No `xmlns`: inline SVG in HTML is in the SVG namespace by the HTML parser, and the page holds no URL at all.
 *
 * @example
 * svgRoot(400, 200, 'Indices', '<rect .../>')
 */
export function svgRoot(width: number, height: number, title: string, body: string): string {
  return `<svg viewBox="0 0 ${r1(width)} ${r1(height)}" width="${r1(width)}" height="${r1(height)}" role="img" aria-label="${escapeHtml(title)}" class="chart"><title>${escapeHtml(title)}</title>${body}</svg>`;
}

/**
 * Approximate width of a text in px at `size` px: CJK and full-width characters count 1 em, others 0.58 em.
 * Enough to size ellipses and label boxes without a font engine.
 *
 * @example
 * textWidth('满意度', 12) // 36
 */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 1 : 0.58;
  return w * size;
}

/**
 * Shortens a text to about `max` px at `size` px, ending in `…`.
 *
 * @example
 * clip('A very long construct label', 60, 12) // 'A very lo…'
 */
export function clip(s: string, max: number, size: number): string {
  if (textWidth(s, size) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(`${out}${ch}…`, size) > max) break;
    out += ch;
  }
  return `${out}…`;
}

/** A linear map from `domain` to `range`. */
export interface Scale {
  (x: number): number;
  domain: [number, number];
}

/**
 * A linear scale.
 *
 * @example
 * linear([0, 100], [0, 500])(50) // 250
 */
export function linear(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, rr1] = range;
  const k = d1 === d0 ? 0 : (rr1 - r0) / (d1 - d0);
  const f = ((x: number) => r0 + (x - d0) * k) as Scale;
  f.domain = domain;
  return f;
}

/**
 * About `count` round tick values covering [lo, hi] (steps 1, 2 or 5 × 10^k).
 *
 * @example
 * ticks(0, 100, 5) // [0, 20, 40, 60, 80, 100]
 */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) out.push(Number((Math.round(v / step) * step).toPrecision(12)) + 0);
  return out;
}

/**
 * A domain around the values, padded and widened to round ticks, inside [min, max] when given.
 *
 * @example
 * niceDomain([71.2, 78.4], 0, 100) // [70, 80]
 */
export function niceDomain(values: number[], min = -Infinity, max = Infinity, count = 5): [number, number] {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return [Math.max(min, 0), Math.min(max, 100)];
  let lo = Math.min(...v);
  let hi = Math.max(...v);
  const pad = Math.max((hi - lo) * 0.08, Math.abs(hi) * 0.01, 1e-6);
  lo -= pad;
  hi += pad;
  const t = ticks(lo, hi, count);
  const step = t.length > 1 ? t[1] - t[0] : 1;
  return [Math.max(min, Math.floor(lo / step) * step), Math.min(max, Math.ceil(hi / step) * step)];
}

/** Colour-blind-safe categorical colours (Okabe–Ito), one per series, in order. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/**
 * The colour of series `k` (the palette repeats past eight).
 *
 * @example
 * seriesColor(0) // '#0072B2'
 */
export function seriesColor(k: number): string {
  return PALETTE[k % PALETTE.length];
}
