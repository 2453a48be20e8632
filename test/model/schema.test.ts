import { describe, expect, it } from 'vitest';
import { err } from './shared.js';
import { formatModel, modelSpecSchema, parseModel, parseModelJson } from '../../src/model/index.js';

describe('modelSpecSchema / parseModelJson', () => {
  it('accepts the JSON of a parsed model and returns an equal spec', () => {
    const spec = parseModel('A =~ a1 + a2\nB <~ b1\nH =~ A + B\nY =~ y\nY ~ H');
    expect(parseModelJson(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
    expect(modelSpecSchema.safeParse(spec).success).toBe(true);
  });

  it('defaults mode to A and paths to []', () => {
    expect(parseModelJson({ constructs: [{ name: 'A', items: ['a'] }] })).toEqual({ constructs: [{ name: 'A', mode: 'A', items: ['a'] }], paths: [] });
  });

  it('keeps labels, name and target', () => {
    const json = { name: 'M', target: 'B', constructs: [{ name: 'A', mode: 'A', items: ['a'], label: { en: 'a', zh: '甲' } }, { name: 'B', mode: 'B', items: ['b'] }], paths: [{ from: 'A', to: 'B' }] };
    expect(parseModelJson(json)).toEqual(json);
  });

  const bad: [string, unknown, RegExp, string | undefined][] = [
    ['not an object', 42, /at \(root\)/, undefined],
    ['bad mode', { constructs: [{ name: 'A', mode: 'C', items: ['a'] }] }, /at constructs\[0\]\.mode/, 'A'],
    ['item not a string', { constructs: [{ name: 'A', items: ['a'] }, { name: 'B', items: ['b', 3] }] }, /at constructs\[1\]\.items\[1\]/, 'B'],
    ['empty name', { constructs: [{ name: '', items: ['a'] }] }, /at constructs\[0\]\.name: .*non-empty/, undefined],
    ['unknown key', { constructs: [{ name: 'A', items: ['a'], weights: 'B' }] }, /at constructs\[0\]/, 'A'],
    ['path missing to', { constructs: [{ name: 'A', items: ['a'] }], paths: [{ from: 'A' }] }, /at paths\[0\]\.to/, undefined],
    ['label language unknown', { constructs: [{ name: 'A', items: ['a'], label: { fr: 'x' } }] }, /at constructs\[0\]\.label/, 'A'],
  ];
  for (const [what, json, msg, construct] of bad) {
    it(`MODEL_INVALID with the JSON path: ${what}`, () => {
      const e = err(() => parseModelJson(json));
      expect(e.code).toBe('MODEL_INVALID');
      expect(e.message).toMatch(msg);
      expect(e.construct).toBe(construct);
    });
  }

  it('runs model validation after the shape check (CYCLE, UNKNOWN_ITEM)', () => {
    const cyc = { constructs: [{ name: 'A', items: ['a'] }, { name: 'B', items: ['b'] }], paths: [{ from: 'A', to: 'B' }, { from: 'B', to: 'A' }] };
    expect(err(() => parseModelJson(cyc)).code).toBe('CYCLE');
    expect(err(() => parseModelJson({ constructs: [{ name: 'A', items: ['a'] }] }, { items: ['b'] })).code).toBe('UNKNOWN_ITEM');
  });

  it('JSON → text → JSON keeps constructs and paths', () => {
    const spec = parseModelJson({ constructs: [{ name: '满意度', items: ['q 1', 'q2'] }, { name: 'L', mode: 'B', items: ['l'] }], paths: [{ from: '满意度', to: 'L' }] });
    expect(parseModel(formatModel(spec))).toEqual(spec);
  });
});
