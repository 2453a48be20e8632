import { CsiError } from '../errors.js';

/** A token of the lavaan-style model syntax, with its 1-based line and column (columns count code points). */
export interface ModelToken {
  /**
   * `name`: an identifier or a quoted name; `op`: `=~`, `<~`, `~` or `+`; `end`: a line break or `;`;
   * `other`: anything else (reported by the parser as what it found); `eof`: end of text.
   */
  type: 'name' | 'op' | 'end' | 'other' | 'eof';
  /** The name (unquoted) or the operator/character text; '' for end and eof. */
  value: string;
  line: number;
  col: number;
}

/** Made on first use: creating the expression already costs ~0.3 ms (V8 parses the Unicode classes). */
let nameChar: RegExp | undefined;

/**
 * True when `ch` (one code point) may be part of an unquoted name: it matches /^[\p{L}\p{N}\p{M}_.]$/u. Below 128
 * that is exactly `A`–`Z`, `a`–`z`, `0`–`9`, `_` and `.` (the ASCII letters and digits are the only ASCII code points
 * in \p{L} and \p{N}; \p{M} has none), tested without the regular expression: V8 compiles the Unicode classes, and
 * recompiles them to machine code on later calls, ~1 ms per process, which an ASCII model never needs.
 *
 * @example
 * isNameChar('Q') // true
 * isNameChar('满') // true
 * isNameChar('+') // false
 */
export function isNameChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128 && ch.length === 1) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46;
  return (nameChar ??= /^[\p{L}\p{N}\p{M}_.]$/u).test(ch);
}

/**
 * True when `s` is a name the syntax accepts unquoted: letters (any script), digits, combining marks, `_` and `.`.
 *
 * @example
 * isPlainName('IMAG1') // true
 * isPlainName('满意度1') // true
 * isPlainName('a b') // false
 */
export function isPlainName(s: string): boolean {
  if (s.length === 0) return false;
  for (const ch of s) if (!isNameChar(ch)) return false;
  return true;
}

/**
 * Splits model text into tokens. Comments (`#` to end of line) are dropped; `\r\n`, `\r` and `\n` are line breaks;
 * a leading byte-order mark is ignored. Quoted names use double quotes with `\"` and `\\` escapes.
 *
 * @example
 * tokenizeModel('Image =~ IMAG1').map((t) => t.value) // ['Image', '=~', 'IMAG1', '']
 */
export function tokenizeModel(text: string): ModelToken[] {
  const tokens: ModelToken[] = [];
  const chars = Array.from(text.startsWith('\uFEFF') ? text.slice(1) : text);
  let line = 1;
  let col = 1;
  let i = 0;
  const newline = () => {
    tokens.push({ type: 'end', value: '', line, col });
    line += 1;
    col = 1;
  };
  while (i < chars.length) {
    const ch = chars[i];
    if (ch === '\r') {
      newline();
      i += chars[i + 1] === '\n' ? 2 : 1;
    } else if (ch === '\n') {
      newline();
      i += 1;
    } else if (ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v' || ch === '\u00A0' || ch === '\u3000') {
      i += 1;
      col += 1;
    } else if (ch === '#') {
      while (i < chars.length && chars[i] !== '\n' && chars[i] !== '\r') i += 1;
    } else if (ch === ';') {
      tokens.push({ type: 'end', value: ';', line, col });
      i += 1;
      col += 1;
    } else if (ch === '"') {
      const startCol = col;
      let value = '';
      let j = i + 1;
      let c = col + 1;
      for (;;) {
        const q = chars[j];
        if (q === undefined || q === '\n' || q === '\r') {
          throw new CsiError('MODEL_SYNTAX', `Line ${line}, col ${startCol}: expected a closing '"' for the quoted name, found the end of the line.`, { line, col: startCol });
        }
        if (q === '"') break;
        if (q === '\\' && (chars[j + 1] === '"' || chars[j + 1] === '\\')) {
          value += chars[j + 1];
          j += 2;
          c += 2;
          continue;
        }
        value += q;
        j += 1;
        c += 1;
      }
      if (value.trim() === '') {
        throw new CsiError('MODEL_SYNTAX', `Line ${line}, col ${startCol}: expected a name inside the quotes, found an empty name.`, { line, col: startCol });
      }
      tokens.push({ type: 'name', value, line, col: startCol });
      col = c + 1;
      i = j + 1;
    } else if (isNameChar(ch)) {
      const startCol = col;
      let value = '';
      while (i < chars.length && isNameChar(chars[i])) {
        value += chars[i];
        i += 1;
        col += 1;
      }
      tokens.push({ type: 'name', value, line, col: startCol });
    } else {
      const two = ch + (chars[i + 1] ?? '');
      let value: string;
      let type: ModelToken['type'] = 'op';
      if (two === '=~' || two === '<~') value = two;
      else if (two === '~~' || two === ':=' || two === '==' || two === '<=' || two === '>=') {
        value = two;
        type = 'other';
      } else if (ch === '~' || ch === '+') value = ch;
      else {
        value = ch;
        type = 'other';
      }
      tokens.push({ type, value, line, col });
      i += value.length;
      col += value.length;
    }
  }
  tokens.push({ type: 'eof', value: '', line, col });
  return tokens;
}
