import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The default reporter shows a skipped test as ↓ only; this one lists each skipped test's reason at the end.
    reporters: ['default', './test/skipReasonsReporter.ts'],
  },
});
