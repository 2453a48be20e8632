import { describe, expect, it } from 'vitest';
import { CsiError, shownList, shownText } from '../../src/errors.js';
import { parseModel } from '../../src/model/parse.js';
import { chainModelText } from '../helpers/hostile.js';

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('error lines never echo raw input (issue 18 item 18)', () => {
  it('a NUL byte (or any control character) in the model text is escaped', () => {
    const m = message(() => parseModel('A =~ a1 \u0000 a2\nB =~ b1\nB ~ A'));
    expect(m).toMatch(/^Line 1, col 9: /);
    expect(m).toContain('\\u0000');
    expect(m).not.toMatch(/[\u0000-\u001f]/);
    expect(new CsiError('MODEL_SYNTAX', 'x\r\ny\u0085').message).toBe('x\\u000d\\u000ay\\u0085');
  });

  it('a statement listing 2,400 names is cut: "… and 2,390 more"', () => {
    const names = Array.from({ length: 2400 }, (_, i) => `C${i}`);
    const text = `${names.map((n) => `${n} =~ x_${n}`).join('\n')}\nX =~ ${names.join(' + ')} + item1`;
    const m = message(() => parseModel(text));
    expect(m).toMatch(/mixes constructs \(C0, C1, C2, C3, C4, C5, C6, C7, C8, C9 and 2,390 more\) and items \(item1\)/);
    expect(m.length).toBeLessThan(500);
  });

  it('a cycle through 3,000 constructs is named by its ends', () => {
    const m = message(() => parseModel(chainModelText(3000) + '\nC0 ~ C2999'));
    expect(m).toMatch(/cycle: C0 → C1 → C2 → C3 → C4 → C5 → … → C2998 → C2999 → C0 \(3000 constructs\)/);
    expect(m.length).toBeLessThan(300);
  });

  it('shownList and shownText', () => {
    expect(shownList(['a', 'b\u0000', 'c'], 2)).toBe('a, b\\u0000 and 1 more');
    expect(shownText('x'.repeat(300), 10)).toBe('xxxxxxxxx…');
  });
});
