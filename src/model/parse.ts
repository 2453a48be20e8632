import { CsiError, shownList } from '../errors.js';
import { tokenizeModel, type ModelToken } from './tokenize.js';
import type { ConstructSpec, ModelSpec, PathSpec } from './types.js';
import { checkModel, type Locate, type SourceRef } from './validate.js';

type Pos = { line: number; col: number };
type NameTok = { name: string } & Pos;
type Statement =
  | { kind: 'measure'; lhs: NameTok; mode: 'A' | 'B'; rhs: NameTok[] }
  | { kind: 'regress'; lhs: NameTok[]; rhs: NameTok[] };

const shown = (t: ModelToken): string =>
  t.type === 'eof' ? 'the end of the text' : t.type === 'end' ? (t.value === ';' ? "';'" : 'the end of the line') : `'${t.value}'`;

function syntaxError(expected: string, t: ModelToken, hint = ''): CsiError {
  return new CsiError('MODEL_SYNTAX', `Line ${t.line}, col ${t.col}: expected ${expected}, found ${shown(t)}.${hint}`, { line: t.line, col: t.col });
}

function hintFor(t: ModelToken): string {
  if (t.value === '~~') return ' Covariances (~~) are not part of a PLS path model.';
  if (t.value === '*') return ' Fixed values and labels (1*x, a*x) are not supported.';
  if (t.value === ':=') return ' Defined parameters (:=) are not supported.';
  if (t.value === '=') return " Did you mean '=~'?";
  if (t.value === ',') return " Separate names with '+'.";
  return '';
}

/** Reads the token stream into statements (no meaning attached yet). */
function readStatements(tokens: ModelToken[]): Statement[] {
  let i = 0;
  const peek = () => tokens[i];
  /** Index of the next token that is not a line end. */
  const nextSolid = (from: number) => {
    let j = from;
    while (tokens[j].type === 'end') j += 1;
    return j;
  };
  const expectName = (what: string): NameTok => {
    i = nextSolid(i);
    const t = tokens[i];
    if (t.type !== 'name') throw syntaxError(what, t, hintFor(t));
    i += 1;
    return { name: t.value, line: t.line, col: t.col };
  };
  const statements: Statement[] = [];
  for (;;) {
    i = nextSolid(i);
    const first = peek();
    if (first.type === 'eof') break;
    if (first.type !== 'name') throw syntaxError('a construct name at the start of a statement', first, hintFor(first));
    const lhs: NameTok[] = [expectName('a construct name')];
    let op: ModelToken | undefined;
    for (;;) {
      const j = nextSolid(i);
      const t = tokens[j];
      if (t.type === 'op' && t.value === '+') {
        i = j + 1;
        lhs.push(expectName(`a construct name after '+'`));
      } else if (t.type === 'op') {
        op = t;
        i = j + 1;
        break;
      } else {
        const here = tokens[i];
        throw syntaxError(`'=~', '<~' or '~' after '${lhs[lhs.length - 1].name}'`, here.type === 'end' && t.type !== 'eof' ? here : t, hintFor(t));
      }
    }
    if (op.value !== '~' && lhs.length > 1) {
      throw new CsiError('MODEL_SYNTAX', `Line ${op.line}, col ${op.col}: expected one construct name before '${op.value}', found ${lhs.length} (${shownList(lhs.map((x) => x.name), 10, ' + ')}).`, { line: op.line, col: op.col });
    }
    const rhs: NameTok[] = [expectName(`a name after '${op.value}'`)];
    for (;;) {
      const t = peek();
      const j = nextSolid(i);
      if (tokens[j].type === 'op' && tokens[j].value === '+') {
        i = j + 1;
        rhs.push(expectName(`a name after '+'`));
      } else if (t.type === 'end' || t.type === 'eof') {
        break;
      } else {
        const prev = rhs[rhs.length - 1].name;
        const quote = t.type === 'name' ? ` A name with spaces is written in double quotes: "${prev} ${t.value}".` : '';
        throw syntaxError(`'+' or the end of the line after '${prev}'`, t, hintFor(t) || quote);
      }
    }
    if (op.value === '~') statements.push({ kind: 'regress', lhs, rhs });
    else statements.push({ kind: 'measure', lhs: lhs[0], mode: op.value === '<~' ? 'B' : 'A', rhs });
  }
  return statements;
}

/**
 * Parses lavaan-style model text into a validated {@link ModelSpec}.
 *
 * Syntax:
 * - `Image =~ IMAG1 + IMAG2` declares a composite in mode A; `Value <~ PERV1 + PERV2` one in mode B.
 * - `Satisfaction ~ Image + Expectation` adds one structural path per predictor (Image → Satisfaction, ...);
 *   `A + B ~ X` is allowed and means X → A, X → B.
 * - `X =~ A + B` where A and B are constructs declared anywhere in the text makes X a higher-order construct with
 *   `dimensions: ['A', 'B']` (mixing constructs and items in one block is an error; `X =~ X` is a single item named
 *   like its construct).
 * - `#` starts a comment (whole line or trailing). Blank lines, `\r\n` line endings and `;` between statements are fine.
 * - A statement continues on the next line when a line ends with `+`, `~`, `=~` or `<~`, or when the next line starts
 *   with `+`.
 * - Names: letters of any script (e.g. `满意度1`), digits, `_` and `.`; any other name in double quotes (`"a b"`,
 *   with `\"` and `\\` escapes).
 *
 * Order: constructs come in the order of their `=~`/`<~` statements; paths in the order written (statement by
 * statement, predictors left to right). The result has no `name`, `target` or labels (text cannot carry them).
 *
 * Errors: syntax errors throw CsiError('MODEL_SYNTAX') with `line` and `col` and a message naming what was expected
 * and what was found; the parsed model then goes through {@link validateModel} (without items), and its errors
 * carry the line and column of the offending statement.
 *
 * @example
 * parseModel('Image =~ IMAG1 + IMAG2\nSatisfaction =~ CUSA1\nSatisfaction ~ Image')
 * // { constructs: [{ name: 'Image', mode: 'A', items: ['IMAG1', 'IMAG2'] }, { name: 'Satisfaction', ... }],
 * //   paths: [{ from: 'Image', to: 'Satisfaction' }] }
 */
export function parseModel(text: string): ModelSpec {
  if (typeof text !== 'string') throw new CsiError('MODEL_SYNTAX', 'Model text must be a string.', {});
  const statements = readStatements(tokenizeModel(text));
  const declared = new Set<string>();
  for (const s of statements) if (s.kind === 'measure') declared.add(s.lhs.name);

  const constructs: ConstructSpec[] = [];
  const paths: PathSpec[] = [];
  const constructPos = new Map<string, Pos[]>();
  const indicatorPos = new Map<string, Pos[]>();
  const pathPos = new Map<string, Pos[]>();
  const push = (m: Map<string, Pos[]>, key: string, p: Pos) => {
    const list = m.get(key);
    if (list) list.push({ line: p.line, col: p.col });
    else m.set(key, [{ line: p.line, col: p.col }]);
  };

  for (const s of statements) {
    if (s.kind === 'measure') {
      const name = s.lhs.name;
      push(constructPos, name, s.lhs);
      const isDim = (t: NameTok) => t.name !== name && declared.has(t.name);
      const dims = s.rhs.filter(isDim);
      const items = s.rhs.filter((t) => !isDim(t));
      if (dims.length > 0 && items.length > 0) {
        const odd = s.rhs.find((t) => isDim(t) !== isDim(s.rhs[0]))!;
        throw new CsiError(
          'MIXED_BLOCK',
          `Line ${odd.line}, col ${odd.col}: '${name}' mixes constructs (${shownList(dims.map((t) => t.name))}) and items (${shownList(items.map((t) => t.name))}); a construct is measured either by items or by other constructs (its dimensions).`,
          { construct: name, line: odd.line, col: odd.col },
        );
      }
      for (const t of s.rhs) push(indicatorPos, name + '\u0000' + t.name, t);
      constructs.push(dims.length > 0 ? { name, mode: s.mode, dimensions: dims.map((t) => t.name) } : { name, mode: s.mode, items: items.map((t) => t.name) });
    } else {
      for (const to of s.lhs) {
        for (const from of s.rhs) {
          paths.push({ from: from.name, to: to.name });
          push(pathPos, from.name + '\u0000' + to.name, from);
        }
      }
    }
  }

  const locate: Locate = (ref: SourceRef) => {
    const nth = ref.nth ?? 0;
    if (ref.kind === 'construct') return constructPos.get(ref.construct)?.[nth];
    if (ref.kind === 'indicator') return indicatorPos.get(ref.construct + '\u0000' + ref.name)?.[nth];
    return pathPos.get(ref.from + '\u0000' + ref.to)?.[nth];
  };
  return checkModel({ constructs, paths }, {}, locate);
}
