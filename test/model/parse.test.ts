import { describe, expect, it } from 'vitest';
import { err } from './shared.js';
import { parseModel, tokenizeModel } from '../../src/model/index.js';

describe('parseModel: syntax', () => {
  it('reads =~ as mode A, <~ as mode B and ~ as one path per predictor, in order of appearance', () => {
    const spec = parseModel('Image =~ IMAG1 + IMAG2\nValue <~ PERV1 + PERV2\nSat =~ S1\nSat ~ Image + Value');
    expect(spec).toEqual({
      constructs: [
        { name: 'Image', mode: 'A', items: ['IMAG1', 'IMAG2'] },
        { name: 'Value', mode: 'B', items: ['PERV1', 'PERV2'] },
        { name: 'Sat', mode: 'A', items: ['S1'] },
      ],
      paths: [{ from: 'Image', to: 'Sat' }, { from: 'Value', to: 'Sat' }],
    });
  });

  it('keeps construct order of the measurement statements even when paths come first', () => {
    const spec = parseModel('B ~ A\nB =~ b1\nA =~ a1');
    expect(spec.constructs.map((c) => c.name)).toEqual(['B', 'A']);
  });

  it('ignores whole-line and trailing comments and blank lines', () => {
    const spec = parseModel('# header\n\n  A =~ a1 + a2 # two items\n\n# B\nB =~ b1#x\nB ~ A # path\n');
    expect(spec.constructs.map((c) => c.items)).toEqual([['a1', 'a2'], ['b1']]);
    expect(spec.paths).toEqual([{ from: 'A', to: 'B' }]);
  });

  it('continues a statement after a trailing operator or before a leading +', () => {
    const text = [
      'A =~ a1 +',
      '     a2',
      '   + a3 # comment inside',
      '',
      '   + a4',
      'B =~',
      '  b1',
      'C <~ c1 + c2',
      'C ~',
      '  A',
      '  + B',
    ].join('\n');
    const spec = parseModel(text);
    expect(spec.constructs).toEqual([
      { name: 'A', mode: 'A', items: ['a1', 'a2', 'a3', 'a4'] },
      { name: 'B', mode: 'A', items: ['b1'] },
      { name: 'C', mode: 'B', items: ['c1', 'c2'] },
    ]);
    expect(spec.paths).toEqual([{ from: 'A', to: 'C' }, { from: 'B', to: 'C' }]);
  });

  it('accepts Windows and old-Mac line endings, a BOM and ; between statements', () => {
    const unix = parseModel('A =~ a1 + a2\nB =~ b1\nB ~ A\n');
    expect(parseModel('\uFEFFA =~ a1 +\r\n a2\r\nB =~ b1\r\nB ~ A\r\n')).toEqual(unix);
    expect(parseModel('A =~ a1 + a2\rB =~ b1\rB ~ A')).toEqual(unix);
    expect(parseModel('A =~ a1 + a2; B =~ b1; B ~ A')).toEqual(unix);
  });

  it('reads names with digits, underscore, dot and non-ASCII letters', () => {
    const spec = parseModel('满意度 =~ 满意度1 + 满意度_2 + sat.3\n品牌形象 =~ Ä1 + é2\n满意度 ~ 品牌形象');
    expect(spec.constructs).toEqual([
      { name: '满意度', mode: 'A', items: ['满意度1', '满意度_2', 'sat.3'] },
      { name: '品牌形象', mode: 'A', items: ['Ä1', 'é2'] },
    ]);
    expect(spec.paths).toEqual([{ from: '品牌形象', to: '满意度' }]);
  });

  it('reads double-quoted names with spaces and escapes', () => {
    const spec = parseModel('"Brand image" =~ "item 1" + "say \\"hi\\"" + x\nS =~ s\nS ~ "Brand image"');
    expect(spec.constructs[0]).toEqual({ name: 'Brand image', mode: 'A', items: ['item 1', 'say "hi"', 'x'] });
    expect(spec.paths).toEqual([{ from: 'Brand image', to: 'S' }]);
  });

  it('reads several left-hand sides of ~ as one path per pair', () => {
    const spec = parseModel('X =~ x\nA =~ a\nB =~ b\nA + B ~ X');
    expect(spec.paths).toEqual([{ from: 'X', to: 'A' }, { from: 'X', to: 'B' }]);
  });

  it('makes X =~ A + B a higher-order construct when A and B are constructs, even when declared later', () => {
    const spec = parseModel('Q =~ Net + Bill\nNet =~ n1 + n2\nBill <~ b1\nS =~ s1\nS ~ Q');
    expect(spec.constructs).toEqual([
      { name: 'Q', mode: 'A', dimensions: ['Net', 'Bill'] },
      { name: 'Net', mode: 'A', items: ['n1', 'n2'] },
      { name: 'Bill', mode: 'B', items: ['b1'] },
      { name: 'S', mode: 'A', items: ['s1'] },
    ]);
  });

  it('reads X =~ X as a single item named like its construct', () => {
    expect(parseModel('NPS =~ NPS').constructs).toEqual([{ name: 'NPS', mode: 'A', items: ['NPS'] }]);
  });

  it('tokenizes with 1-based lines and columns counted in characters', () => {
    const t = tokenizeModel('满意 =~ a\n  b');
    expect(t.map((x) => [x.type, x.value, x.line, x.col])).toEqual([
      ['name', '满意', 1, 1],
      ['op', '=~', 1, 4],
      ['name', 'a', 1, 7],
      ['end', '', 1, 8],
      ['name', 'b', 2, 3],
      ['eof', '', 2, 4],
    ]);
  });
});

describe('parseModel: syntax errors carry line and col and say what was expected and found', () => {
  const cases: [string, string, number, number, RegExp][] = [
    ['missing +', 'A =~ a1 a2', 1, 9, /expected '\+' or the end of the line after 'a1', found 'a2'/],
    ['missing operator', 'A =~ a1\nB b1', 2, 3, /expected '=~', '<~' or '~' after 'B', found 'b1'/],
    ['name alone on a line', 'A =~ a1\nB\nC =~ c', 2, 2, /after 'B', found the end of the line/],
    ['dangling + at the end', 'A =~ a1 +', 1, 10, /expected a name after '\+', found the end of the text/],
    ['dangling =~', 'A =~\n\n', 3, 1, /expected a name after '=~', found the end of the text/],
    ['statement starting with an operator', 'A =~ a\n=~ b', 2, 1, /expected a construct name at the start of a statement, found '=~'/],
    ['lavaan covariance', 'A =~ a\nB =~ b\nA ~~ B', 3, 3, /found '~~'.*Covariances/],
    ['lavaan fixed loading', 'A =~ 1*a', 1, 7, /found '\*'.*not supported/],
    ['single =', 'A = a', 1, 3, /found '='.*Did you mean '=~'/],
    ['comma list', 'A =~ a, b', 1, 7, /found ','.*'\+'/],
    ['unterminated quote', 'A =~ "a b\nB =~ c', 1, 6, /closing '"'/],
    ['empty quotes', 'A =~ ""', 1, 6, /empty name/],
    ['two constructs on =~', 'A + B =~ a', 1, 7, /expected one construct name before '=~', found 2/],
    ['stray character', 'A =~ a + $b', 1, 10, /expected a name after '\+', found '\$'/],
    ['column after CJK characters (counted by hand: 满意度 =~ is 6, then space, 满意度1 at 8-11, space, 13)', '满意度 =~ 满意度1 满意度2', 1, 13, /found '满意度2'/],
    ['CRLF lines count once', 'A =~ a\r\nB =~ b\r\nC c', 3, 3, /found 'c'/],
  ];
  for (const [what, text, line, col, msg] of cases) {
    it(what, () => {
      const e = err(() => parseModel(text));
      expect(e.code).toBe('MODEL_SYNTAX');
      expect([e.line, e.col]).toEqual([line, col]);
      expect(e.message).toMatch(msg);
      expect(e.message).toContain(`Line ${line}, col ${col}`);
    });
  }

  it('rejects a non-string', () => {
    expect(err(() => parseModel(42 as unknown as string)).code).toBe('MODEL_SYNTAX');
  });
});
