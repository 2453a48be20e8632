import { describe, expect, it } from 'vitest';
import { depths, layeredLayout, numberFormat, pathDiagramSvg } from '../../src/report/index.js';
import { niceDomain, textWidth, ticks } from '../../src/report/svg/svg.js';
import { segmentHitsBox } from '../../src/report/svg/layeredLayout.js';
import { estimationOnlyStudy } from './fixture-study.js';

describe('chart helpers', () => {
  it('ticks are round steps covering the range', () => {
    expect(ticks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks(65, 80, 4)).toEqual([65, 70, 75, 80]);
    expect(ticks(0, 0.63, 4)).toEqual([0, 0.2, 0.4, 0.6]);
  });

  it('niceDomain pads to round ticks and stays inside its bounds', () => {
    expect(niceDomain([71.2, 78.4], 0, 100)).toEqual([70, 80]);
    expect(niceDomain([99.5, 100], 0, 100)[1]).toBe(100);
    expect(niceDomain([], 0, 100)).toEqual([0, 100]);
  });

  it('CJK characters count as wide as the font size', () => {
    expect(textWidth('满意度', 12)).toBe(36);
    expect(textWidth('abc', 10)).toBeCloseTo(17.4);
  });
});

describe('numbers for the locale', () => {
  it('groups thousands, signs with a real minus, never prints −0', () => {
    const f = numberFormat('zh');
    expect(f.int(4484)).toBe('4,484');
    expect(f.num(-0.355, 3)).toBe('−0.355');
    expect(f.num(-0.0001, 2)).toBe('0.00');
    expect(f.signed(1.6, 1)).toBe('+1.6');
    expect(f.signed(0, 1)).toBe('0.0');
    expect(f.pct(0.782)).toBe('78.2%');
    expect(f.p(0.0001)).toBe('< 0.001');
    expect(f.num(null)).toBe('–');
    expect(numberFormat('en').num(Number.NaN)).toBe('–');
  });
});

describe('path diagram layout', () => {
  const study = estimationOnlyStudy();
  const nodes = [...new Set(study.paths.flatMap((p) => [p.from, p.to]))];

  it('columns are longest-path depths: exogenous left, outcomes right', () => {
    const d = depths(nodes, study.paths);
    expect(d.get('Image')).toBe(0);
    expect(d.get('Expectation')).toBe(1);
    expect(d.get('Satisfaction')).toBe(4);
    expect(d.get('Loyalty')).toBe(6);
  });

  it('a cycle does not loop forever', () => {
    const d = depths(['A', 'B'], [{ from: 'A', to: 'B' }, { from: 'B', to: 'A' }]);
    expect([...d.values()].every((v) => v < 2)).toBe(true);
  });

  it('no arrow of the telecom model passes through another construct', () => {
    const { at } = layeredLayout(nodes, study.paths, { rowPitch: 0.6, halfWidth: 0.32, halfHeight: 0.2 });
    const pos = (n: string): [number, number] => [at.get(n)!.col, at.get(n)!.row * 0.6];
    for (const p of study.paths) {
      for (const n of nodes) {
        if (n === p.from || n === p.to) continue;
        const [x, y] = pos(n);
        expect(segmentHitsBox(pos(p.from), pos(p.to), [x - 0.32, y - 0.2, x + 0.32, y + 0.2]), `${p.from} → ${p.to} crosses ${n}`).toBe(false);
      }
    }
  });

  it('two constructs never share a place', () => {
    const { at } = layeredLayout(nodes, study.paths);
    const places = [...at.values()].map((p) => `${p.col}:${p.row}`);
    expect(new Set(places).size).toBe(places.length);
  });

  it('the same model gives the same drawing', () => {
    const draw = () => pathDiagramSvg(nodes.map((id) => ({ id, label: id })), study.paths.map((p) => ({ ...p, label: p.estimate.toFixed(2), weight: p.estimate })), 'd');
    expect(draw()).toBe(draw());
  });
});
