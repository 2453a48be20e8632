import { describe, expect, it } from 'vitest';
import { CsiError } from '../../src/errors.js';
import { firstOrderConstructs, hierarchyOf, higherOrderConstructs, parseModel, preset, structuralConstructs, type HierarchyNode } from '../../src/model/index.js';

const text = `
Net =~ n1 + n2
Bill =~ b1 + b2
Quality =~ Net + Bill
Image =~ i1
Satisfaction =~ s1 + s2
Loyalty =~ l1
Satisfaction ~ Image + Quality
Loyalty ~ Satisfaction`;

/** [level, kind, name] for every node, depth first. */
const flat = (n: HierarchyNode): [number, string, string][] => [[n.level, n.kind, n.name], ...n.children.flatMap(flat)];

describe('four-level hierarchy', () => {
  it('level 1 the index, 2 structural constructs, 3 dimensions, 4 items', () => {
    const h = hierarchyOf(parseModel(text));
    expect(h.target).toBe('Satisfaction');
    expect(flat(h.root)).toEqual([
      [1, 'index', 'Satisfaction'],
      [2, 'construct', 'Quality'],
      [3, 'dimension', 'Net'], [4, 'item', 'n1'], [4, 'item', 'n2'],
      [3, 'dimension', 'Bill'], [4, 'item', 'b1'], [4, 'item', 'b2'],
      [2, 'construct', 'Image'], [4, 'item', 'i1'],
      [2, 'construct', 'Satisfaction'], [4, 'item', 's1'], [4, 'item', 's2'],
      [2, 'construct', 'Loyalty'], [4, 'item', 'l1'],
    ]);
  });

  it('first-order, higher-order and structural construct lists', () => {
    const spec = parseModel(text);
    expect(firstOrderConstructs(spec).map((c) => c.name)).toEqual(['Net', 'Bill', 'Image', 'Satisfaction', 'Loyalty']);
    expect(higherOrderConstructs(spec).map((c) => c.name)).toEqual(['Quality']);
    expect(structuralConstructs(spec).map((c) => c.name)).toEqual(['Quality', 'Image', 'Satisfaction', 'Loyalty']);
  });

  it('target: options.target, then spec.target, then Satisfaction; else MODEL_INVALID', () => {
    const spec = parseModel(text);
    expect(hierarchyOf(spec, { target: 'Loyalty' }).target).toBe('Loyalty');
    expect(hierarchyOf({ ...spec, target: 'Loyalty' }).target).toBe('Loyalty');
    const noSat = parseModel('A =~ a\nB =~ b\nB ~ A');
    expect(() => hierarchyOf(noSat)).toThrow(expect.objectContaining({ code: 'MODEL_INVALID' }));
    expect(hierarchyOf({ ...noSat, target: 'B' }).root.name).toBe('B');
    expect(() => hierarchyOf(spec, { target: 'Nope' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_CONSTRUCT', construct: 'Nope' }));
    expect(() => hierarchyOf(spec, { target: 'Net' })).toThrow(CsiError);
  });

  it('carries labels and modes from a preset (bilingual tree)', () => {
    const h = hierarchyOf(
      preset('CCSI', {
        items: { Image: ['i1'], Expectation: ['e1'], Value: ['v1'], Satisfaction: ['s1'], Loyalty: ['l1'] },
        dimensions: { Quality: { Network: ['n1'], Billing: ['b1'] } },
        labels: { Network: { en: 'Network quality', zh: '网络质量' } },
      }),
    );
    expect(h.root.label).toEqual({ en: 'Customer satisfaction', zh: '顾客满意度' });
    const q = h.root.children.find((n) => n.name === 'Quality')!;
    expect(q).toMatchObject({ level: 2, mode: 'A', label: { zh: '感知质量' } });
    expect(q.children.map((n) => [n.level, n.name, n.label?.zh])).toEqual([[3, 'Network', '网络质量'], [3, 'Billing', undefined]]);
    expect(h.root.children.map((n) => n.name)).toEqual(['Image', 'Expectation', 'Quality', 'Value', 'Satisfaction', 'Loyalty']);
  });

  it('is plain JSON', () => {
    const h = hierarchyOf(parseModel(text));
    expect(JSON.parse(JSON.stringify(h))).toEqual(h);
  });
});
