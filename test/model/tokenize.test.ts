import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNameChar, isPlainName, tokenizeModel } from '../../src/model/tokenize.js';

/** The rule as the syntax states it: one code point of letters, digits, combining marks, `_` or `.`. */
const NAME_CHAR = /^[\p{L}\p{N}\p{M}_.]$/u;

describe('isNameChar: the ASCII shortcut says what the Unicode classes say', () => {
  it('for every code point (and every lone surrogate)', () => {
    const wrong: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const ch = cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
      if (isNameChar(ch) !== NAME_CHAR.test(ch)) wrong.push(cp);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('on more than one character, as the expression does (false)', () => {
    for (const s of ['ab', 'A.', '满意', '']) expect(isNameChar(s), s).toBe(NAME_CHAR.test(s));
  });

  it('tokens and plain names unchanged on real and mixed-script models', () => {
    const mobi = readFileSync(resolve(__dirname, '../../../shared/reference/mobi-ecsi.model'), 'utf8');
    const mixed = 'Image =~ IMAG1 + 形象2 + x.y_z + é́\n满意度 ~ Image; "a b" =~ Q1 + Q2\n';
    for (const text of [mobi, mixed]) {
      const tokens = tokenizeModel(text);
      expect(tokens.length).toBeGreaterThan(5);
      for (const t of tokens.filter((t) => t.type === 'name' && !text.includes(`"${t.value}"`))) {
        expect([...t.value].every((c) => NAME_CHAR.test(c)), t.value).toBe(true);
        expect(isPlainName(t.value)).toBe(true);
      }
    }
    expect(tokenizeModel(mixed).filter((t) => t.type === 'name').map((t) => t.value)).toEqual(['Image', 'IMAG1', '形象2', 'x.y_z', 'é́', '满意度', 'Image', 'a b', 'Q1', 'Q2']);
    expect(['IMAG1', '满意度1', 'a b', 'a+b', '', 'x.1'].map(isPlainName)).toEqual([true, true, false, false, false, true]);
  });
});
