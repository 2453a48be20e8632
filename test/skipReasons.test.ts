import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { skipLines, skipReason } from './skipReasonsReporter.js';

describe('skipped tests print their reason (issue 17.12)', () => {
  it('takes the ctx.skip note, else the "(skipped when …)" title part', () => {
    expect(skipReason({ file: 'a', fullName: 'x', note: 'needs ClickHouse' })).toBe('needs ClickHouse');
    expect(skipReason({ file: 'a', fullName: 'mobi (skipped when ../shared is absent) > loads' })).toBe('skipped when ../shared is absent');
    expect(skipLines([
      { file: 'a.test.ts', fullName: 'm (skipped when ../shared is absent) > 1' },
      { file: 'a.test.ts', fullName: 'm (skipped when ../shared is absent) > 2' },
    ])).toEqual(['  ↓ a.test.ts: 2 tests skipped when ../shared is absent']);
  });
  it('else finds an "… is absent" clause in a title, such as the shared SKIP_MESSAGE', () => {
    expect(skipReason({ file: 'a', fullName: 'numerical trouble — ../shared is absent: reference tests skipped > x' })).toBe('../shared is absent');
    expect(skipReason({ file: 'a', fullName: 'html (skipped: html-validate is not installed; run npm install) > y' })).toBe('skipped: html-validate is not installed; run npm install');
    expect(skipReason({ file: 'a', fullName: 'plain > z' })).toBe('no reason given');
  });
  it('is a reporter of the default run and of CI', () => {
    expect(readFileSync('vitest.config.ts', 'utf8')).toContain('skipReasonsReporter');
    expect(readFileSync('.ci/run', 'utf8')).toContain('skipReasonsReporter');
  });
});
