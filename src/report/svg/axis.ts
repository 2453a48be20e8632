import { el, type Scale, text, ticks } from './svg.js';

/**
 * A horizontal value axis: grid lines from `top` to `bottom` and tick labels under it.
 *
 * @example
 * xAxis(linear([0, 100], [100, 500]), 10, 200, (v) => String(v))
 */
export function xAxis(x: Scale, top: number, bottom: number, fmt: (v: number) => string, count = 5): string {
  let s = '';
  for (const v of ticks(x.domain[0], x.domain[1], count)) {
    s += el('line', { x1: x(v), y1: top, x2: x(v), y2: bottom, stroke: '#e0e6ec' });
    s += text(x(v), bottom + 14, fmt(v), { 'text-anchor': 'middle', 'font-size': 11, fill: '#5f6b7a' });
  }
  return s;
}

/**
 * A vertical value axis: grid lines from `left` to `right` and tick labels left of it.
 *
 * @example
 * yAxis(linear([0, 100], [300, 20]), 40, 400, (v) => String(v))
 */
export function yAxis(y: Scale, left: number, right: number, fmt: (v: number) => string, count = 5): string {
  let s = '';
  for (const v of ticks(y.domain[0], y.domain[1], count)) {
    s += el('line', { x1: left, y1: y(v), x2: right, y2: y(v), stroke: '#e0e6ec' });
    s += text(left - 6, y(v) + 4, fmt(v), { 'text-anchor': 'end', 'font-size': 11, fill: '#5f6b7a' });
  }
  return s;
}
