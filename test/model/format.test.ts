import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatModel, parseModel, quoteName, type ModelSpec } from '../../src/model/index.js';
import { HAS_SHARED, SHARED, SKIP_MSG } from './shared.js';

const strip = (s: ModelSpec): ModelSpec => ({
  constructs: s.constructs.map(({ label: _l, ...c }) => c),
  paths: s.paths,
});

describe('formatModel', () => {
  it('writes =~ / <~ lines in construct order and ~ lines per run of equal targets', () => {
    const spec: ModelSpec = {
      constructs: [
        { name: 'A', mode: 'A', items: ['a1', 'a2'] },
        { name: 'B', mode: 'B', items: ['b 1'] },
        { name: 'C', mode: 'A', items: ['c'] },
      ],
      paths: [{ from: 'A', to: 'C' }, { from: 'B', to: 'C' }, { from: 'A', to: 'B' }],
    };
    expect(formatModel(spec, { comments: false })).toBe('A =~ a1 + a2\nB <~ "b 1"\nC =~ c\nC ~ A + B\nB ~ A\n');
  });

  it('keeps path order through a round trip when targets alternate', () => {
    const spec = parseModel('A =~ a\nB =~ b\nC =~ c\nD =~ d\nC ~ A\nD ~ A\nC ~ B\nD ~ C');
    const text = formatModel(spec);
    expect(text).toContain('C ~ A\nD ~ A\nC ~ B\nD ~ C');
    expect(parseModel(text)).toEqual(spec);
  });

  it('writes name, target and labels as comments that the parser ignores', () => {
    const spec: ModelSpec = {
      name: 'Demo',
      target: 'S',
      constructs: [
        { name: 'I', mode: 'A', items: ['i1'], label: { en: 'Image', zh: '品牌形象' } },
        { name: 'S', mode: 'A', items: ['s1'], label: { zh: '满意度' } },
      ],
      paths: [{ from: 'I', to: 'S' }],
    };
    const text = formatModel(spec);
    expect(text).toBe('# model: Demo, target: S\nI =~ i1  # Image / 品牌形象\nS =~ s1  # 满意度\nS ~ I\n');
    expect(parseModel(text)).toEqual(strip(spec));
  });

  it('quotes names that are not plain identifiers and escapes quotes and backslashes', () => {
    expect(quoteName('满意度1')).toBe('满意度1');
    expect(quoteName('a b')).toBe('"a b"');
    expect(quoteName('x"y\\z')).toBe('"x\\"y\\\\z"');
    const spec: ModelSpec = { constructs: [{ name: 'my construct', mode: 'B', items: ['q"1"', 'back\\slash', 'a-b', '#x'] }], paths: [] };
    expect(parseModel(formatModel(spec))).toEqual(spec);
  });

  it('round-trips higher-order constructs', () => {
    const spec = parseModel('Net =~ n1 + n2\nBill <~ b1\nQ <~ Net + Bill\nS =~ s\nS ~ Q');
    expect(parseModel(formatModel(spec))).toEqual(spec);
  });

  it.skipIf(!HAS_SHARED)(`round-trips every model file in ../shared/reference (skipped: ${SKIP_MSG})`, () => {
    const dir = path.join(SHARED, 'reference');
    for (const f of ['mobi-ecsi.model', 'peer-fixtures/models/mobi-hoc.model', 'peer-fixtures/models/satisfaction-modeB.model']) {
      const spec = parseModel(readFileSync(path.join(dir, f), 'utf8'));
      expect(parseModel(formatModel(spec))).toEqual(spec);
    }
  });

  it('round-trips random valid models (property)', () => {
    const name = fc.oneof(
      fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.]{0,6}$/),
      fc.constantFrom('满意度', '品牌形象', 'a b', 'x"y', 'é.1'),
    );
    const arb = fc
      .record({
        n: fc.integer({ min: 1, max: 6 }),
        names: fc.uniqueArray(name, { minLength: 40, maxLength: 40 }),
        sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
        modes: fc.array(fc.constantFrom<'A' | 'B'>('A', 'B'), { minLength: 6, maxLength: 6 }),
        extra: fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 8 }),
        shuffle: fc.array(fc.nat(100), { minLength: 20, maxLength: 20 }),
      })
      .map(({ n, names, sizes, modes, extra, shuffle }) => {
        let k = n;
        const constructs = Array.from({ length: n }, (_, i) => ({
          name: names[i],
          mode: modes[i],
          items: Array.from({ length: sizes[i] }, () => names[k++]),
        }));
        // A chain keeps every construct in a path; extra forward paths (i < j) keep the graph acyclic.
        const edges: [number, number][] = [];
        for (let i = 0; i + 1 < n; i++) edges.push([i, i + 1]);
        for (const [a, b] of extra) if (a % n < b % n && !edges.some(([x, y]) => x === a % n && y === b % n)) edges.push([a % n, b % n]);
        edges.sort((x, y) => shuffle[(x[0] * 7 + x[1]) % 20] - shuffle[(y[0] * 7 + y[1]) % 20]);
        return { constructs, paths: edges.map(([a, b]) => ({ from: names[a], to: names[b] })) } as ModelSpec;
      });
    fc.assert(
      fc.property(arb, (spec) => {
        expect(parseModel(formatModel(spec))).toEqual(spec);
      }),
      { numRuns: 300 },
    );
  });
});
