import { describe, expect, it } from 'vitest';
import { err } from './shared.js';
import { parseModel, validateModel, type ModelSpec } from '../../src/model/index.js';

const base = 'A =~ a1 + a2\nB =~ b1\nC =~ c1\n';

describe('validateModel: errors from text carry code, construct and the line of the offending statement', () => {
  const cases: { what: string; text: string; code: string; construct?: string; column?: string; line: number; col: number; msg: RegExp }[] = [
    { what: 'a three-construct cycle', text: base + 'B ~ A\nC ~ B\nA ~ C', code: 'CYCLE', construct: 'A', line: 6, col: 5, msg: /A → B → C → A/ },
    { what: 'a self-loop', text: base + 'B ~ A\nB ~ B', code: 'CYCLE', construct: 'B', line: 5, col: 5, msg: /B → B/ },
    { what: 'an item in two blocks', text: 'A =~ a1 + x\nB =~ b1 +\n  x\nB ~ A', code: 'DUPLICATE_ITEM', construct: 'B', column: 'x', line: 3, col: 3, msg: /'x' is in two blocks: 'A' and 'B'/ },
    { what: 'an item twice in one block', text: 'A =~ a1 + a1\nB =~ b\nB ~ A', code: 'DUPLICATE_ITEM', construct: 'A', column: 'a1', line: 1, col: 11, msg: /twice in 'A'/ },
    { what: 'a path from an undeclared construct', text: base + 'B ~ A\nC ~ B + Ghost', code: 'UNKNOWN_CONSTRUCT', construct: 'Ghost', line: 5, col: 9, msg: /'Ghost'/ },
    { what: 'a path to an undeclared construct', text: base + 'B ~ A\nC ~ B\nGhost ~ C', code: 'UNKNOWN_CONSTRUCT', construct: 'Ghost', line: 6, col: 9, msg: /C → Ghost/ },
    { what: 'an isolated construct while the model has paths', text: base + 'B ~ A', code: 'NO_PREDICTORS', construct: 'C', line: 3, col: 1, msg: /'C' is in no structural path/ },
    { what: 'a construct declared twice', text: base + 'B =~ b2\nB ~ A\nC ~ B', code: 'DUPLICATE_CONSTRUCT', construct: 'B', line: 4, col: 1, msg: /'B' is declared twice/ },
    { what: 'a path declared twice', text: base + 'B ~ A\nC ~ B\nC ~ A + B', code: 'DUPLICATE_PATH', construct: 'C', line: 6, col: 9, msg: /B → C is declared twice/ },
    { what: 'a block mixing constructs and items', text: base + 'H =~ A + h1\nH ~ B', code: 'MIXED_BLOCK', construct: 'H', line: 4, col: 10, msg: /mixes constructs \(A\) and items \(h1\)/ },
    { what: 'a dimension that is itself higher-order', text: base + 'H =~ A + B\nG =~ H + C\nD =~ d\nD ~ G', code: 'INVALID_DIMENSION', construct: 'G', line: 5, col: 6, msg: /'H' of 'G' is itself a higher-order construct/ },
    { what: 'a dimension of two higher-order constructs', text: base + 'D =~ d\nH =~ A + B\nG =~ B + C\nH ~ D\nG ~ D', code: 'INVALID_DIMENSION', construct: 'G', line: 6, col: 6, msg: /'B' belongs to both 'H' and 'G'/ },
    { what: 'a dimension listed twice', text: base + 'H =~ A + A\nH ~ B', code: 'INVALID_DIMENSION', construct: 'H', line: 4, col: 10, msg: /listed twice/ },
    { what: 'a dimension also used in a structural path', text: base + 'H =~ A + B\nC ~ H + A', code: 'INVALID_DIMENSION', construct: 'A', line: 5, col: 9, msg: /'A', a dimension of 'H'/ },
  ];
  for (const c of cases) {
    it(`${c.what} → ${c.code}`, () => {
      const e = err(() => parseModel(c.text));
      expect(e.code).toBe(c.code);
      if (c.construct !== undefined) expect(e.construct).toBe(c.construct);
      if (c.column !== undefined) expect(e.column).toBe(c.column);
      expect([e.line, e.col]).toEqual([c.line, c.col]);
      expect(e.message).toMatch(c.msg);
    });
  }

  it('an empty model text → MODEL_INVALID', () => {
    expect(err(() => parseModel('# nothing here\n')).code).toBe('MODEL_INVALID');
  });

  it('accepts a measurement-only model (no paths) and a higher-order construct whose dimensions are in no path', () => {
    expect(parseModel('A =~ a\nB =~ b').paths).toEqual([]);
    expect(parseModel(base + 'H =~ A + B\nC ~ H').constructs).toHaveLength(4);
  });
});

describe('validateModel on plain JSON', () => {
  const ok: ModelSpec = {
    constructs: [
      { name: 'A', mode: 'A', items: ['a1', 'a2'] },
      { name: 'B', mode: 'B', items: ['b1'] },
    ],
    paths: [{ from: 'A', to: 'B' }],
  };
  const withC = (c: ModelSpec['constructs'][number]): ModelSpec => ({ ...ok, constructs: [...ok.constructs, c] });

  it('returns the spec unchanged when valid', () => {
    expect(validateModel(ok)).toBe(ok);
    expect(validateModel(ok, { items: ['a1', 'a2', 'b1', 'id'] })).toBe(ok);
  });

  it('EMPTY_CONSTRUCT for no items and for an empty list, naming the construct, no line', () => {
    for (const c of [{ name: 'C', mode: 'A' as const }, { name: 'C', mode: 'A' as const, items: [] }]) {
      const e = err(() => validateModel(withC(c)));
      expect(e.code).toBe('EMPTY_CONSTRUCT');
      expect(e.construct).toBe('C');
      expect(e.line).toBeUndefined();
    }
  });

  it('UNKNOWN_ITEM with the column and construct when items are given, suggesting a case-insensitive match', () => {
    const e = err(() => validateModel(ok, { items: ['a1', 'A2', 'b1'] }));
    expect(e.code).toBe('UNKNOWN_ITEM');
    expect(e.column).toBe('a2');
    expect(e.construct).toBe('A');
    expect(e.message).toMatch(/did you mean 'A2'/);
  });

  it('UNKNOWN_ITEM from parsed text through validateModel', () => {
    const spec = parseModel('A =~ a1 + a2\nB =~ b1\nB ~ A');
    expect(err(() => validateModel(spec, { items: ['a1', 'b1'] })).column).toBe('a2');
  });

  it('MIXED_BLOCK for a construct with items and dimensions', () => {
    const e = err(() => validateModel(withC({ name: 'C', mode: 'A', items: ['c'], dimensions: ['A'] })));
    expect([e.code, e.construct]).toEqual(['MIXED_BLOCK', 'C']);
  });

  it('UNKNOWN_CONSTRUCT for an undeclared dimension and INVALID_DIMENSION for a self-dimension', () => {
    expect(err(() => validateModel(withC({ name: 'C', mode: 'A', dimensions: ['Z'] }))).code).toBe('UNKNOWN_CONSTRUCT');
    expect(err(() => validateModel(withC({ name: 'C', mode: 'A', dimensions: ['C'] }))).code).toBe('INVALID_DIMENSION');
  });

  it('MODEL_INVALID for an item named like another construct (ambiguous in text), and for an empty name', () => {
    const e = err(() => validateModel({ ...ok, constructs: [{ name: 'A', mode: 'A', items: ['B'] }, { name: 'B', mode: 'A', items: ['b'] }] }));
    expect([e.code, e.construct, e.column]).toEqual(['MODEL_INVALID', 'A', 'B']);
    expect(err(() => validateModel(withC({ name: ' ', mode: 'A', items: ['c'] }))).code).toBe('MODEL_INVALID');
  });

  it('MODEL_INVALID for a model without constructs', () => {
    expect(err(() => validateModel({ constructs: [], paths: [] })).code).toBe('MODEL_INVALID');
  });

  it('UNKNOWN_CONSTRUCT for an undeclared target; INVALID_DIMENSION for a dimension as target', () => {
    expect(err(() => validateModel({ ...ok, target: 'Z' })).code).toBe('UNKNOWN_CONSTRUCT');
    const hoc: ModelSpec = {
      constructs: [...ok.constructs, { name: 'D', mode: 'A', items: ['d'] }, { name: 'H', mode: 'A', dimensions: ['D'] }],
      paths: [...ok.paths, { from: 'H', to: 'B' }],
    };
    expect(validateModel(hoc)).toBe(hoc);
    expect(err(() => validateModel({ ...hoc, target: 'D' })).code).toBe('INVALID_DIMENSION');
  });

  it('CYCLE names the whole cycle starting from the first construct reached', () => {
    const e = err(() =>
      validateModel({
        constructs: ['A', 'B', 'C', 'D'].map((n) => ({ name: n, mode: 'A' as const, items: [n.toLowerCase()] })),
        paths: [{ from: 'A', to: 'B' }, { from: 'B', to: 'C' }, { from: 'C', to: 'D' }, { from: 'D', to: 'B' }],
      }),
    );
    expect(e.code).toBe('CYCLE');
    expect(e.message).toContain('B → C → D → B');
    expect(e.construct).toBe('B');
  });
});
