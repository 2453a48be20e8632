import type { Reporter, TestModule } from 'vitest/node';

/** One skipped test: its file, full name and the note given to `ctx.skip(note)` if any. */
export interface SkippedTest {
  file: string;
  fullName: string;
  note?: string;
}

/**
 * Why a test was skipped: the `ctx.skip(note)` note, else the "(skipped when …)" part of its suite or test title,
 * else a "… is absent" / "… is not installed" clause in a title (e.g. the shared SKIP_MESSAGE
 * "../shared is absent: reference tests skipped"), else "no reason given".
 *
 * @example
 * skipReason({ file: 'a.test.ts', fullName: 'mobi (skipped when ../shared is absent) > loads' }) // 'skipped when ../shared is absent'
 */
export function skipReason(t: SkippedTest): string {
  if (t.note) return t.note;
  const m = /\((skipped[^)]*)\)/i.exec(t.fullName);
  if (m) return m[1];
  const absent = /([^\s>(—:]+ is (?:absent|not installed))/i.exec(t.fullName);
  return absent ? absent[1] : 'no reason given';
}

/**
 * The lines the reporter prints: one per file and reason, with the count of tests skipped for it.
 *
 * @example
 * skipLines([{ file: 'a.test.ts', fullName: 'x (skipped when y) > z' }]) // ['  ↓ a.test.ts: 1 test skipped when y']
 */
export function skipLines(tests: SkippedTest[]): string[] {
  const groups = new Map<string, number>();
  for (const t of tests) {
    const key = `${t.file}\u0000${skipReason(t)}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([key, n]) => {
    const [file, reason] = key.split('\u0000');
    const why = /^skipped/i.test(reason) ? reason : `skipped: ${reason}`;
    return `  ↓ ${file}: ${n} test${n === 1 ? '' : 's'} ${why}`;
  });
}

/** A vitest reporter that lists skipped tests with their reasons after the run (the default reporter shows only ↓). */
export default class SkipReasonsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped: SkippedTest[] = [];
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const r = t.result();
        if (r.state !== 'skipped') continue;
        skipped.push({ file: m.relativeModuleId, fullName: t.fullName, ...(r.note ? { note: r.note } : {}) });
      }
    }
    if (skipped.length === 0) return;
    process.stdout.write(`\nSkipped tests and why:\n${skipLines(skipped).join('\n')}\n`);
  }
}
