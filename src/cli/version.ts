import { readFileSync } from 'node:fs';

/**
 * The csikit version, read from the package.json next to the running code (`dist/../package.json` when installed,
 * `src/cli/../../package.json` from the sources). `'unknown'` when none is found.
 *
 * @example
 * cliVersion() // '0.1.0'
 */
export function cliVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'csikit' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not there: try the next
    }
  }
  return 'unknown';
}
