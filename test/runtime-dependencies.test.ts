import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '..');

/** Every .ts file under `dir`, recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`, `name/sub` → `name`). */
function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The bare packages a file needs at run time: static imports and re-exports that are not type-only (`import type`,
 * `export type`, or every named specifier marked `type`), side-effect imports and dynamic `import()`.
 */
export function runtimeImports(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''); // examples in comments do not count
  const out: string[] = [];
  const stmt = /\b(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(stmt)) {
    if (m[2]) continue;
    const clause = m[3].trim();
    const braces = /^\{([^}]*)\}$/.exec(clause);
    if (braces) {
      const names = braces[1].split(',').map((s) => s.trim()).filter(Boolean);
      if (names.length > 0 && names.every((s) => s.startsWith('type '))) continue;
    }
    out.push(m[4]);
  }
  // a side-effect import is a statement of its own (not the word in code such as `'import' in spec.memory`)
  for (const m of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) out.push(m[1]);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  const builtins = new Set(builtinModules);
  return out.filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtins.has(packageOf(s))).map(packageOf);
}

describe('runtime dependencies are exactly what src/ imports', () => {
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
    name: string;
    dependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  };
  const optionalPeers = new Set(Object.entries(pkg.peerDependenciesMeta ?? {}).filter(([, m]) => m.optional).map(([name]) => name));
  const imported = new Set<string>();
  for (const file of sourceFiles(path.join(repo, 'src'))) {
    for (const name of runtimeImports(readFileSync(file, 'utf8'))) if (!optionalPeers.has(name) && name !== pkg.name) imported.add(name);
  }

  it('package.json "dependencies" = the bare packages imported from src/ (optional peers and type-only imports aside)', () => {
    const declared = new Set(Object.keys(pkg.dependencies ?? {}));
    const unused = [...declared].filter((d) => !imported.has(d)).sort();
    const undeclared = [...imported].filter((d) => !declared.has(d)).sort();
    const message = [
      unused.length ? `listed in "dependencies" but imported nowhere in src/ (move to devDependencies or drop): ${unused.join(', ')}` : '',
      undeclared.length ? `imported from src/ but not in "dependencies": ${undeclared.join(', ')}` : '',
    ].filter(Boolean).join('; ');
    expect({ unused, undeclared }, message).toEqual({ unused: [], undeclared: [] });
  });

  it('reads imports the way the rule means (type-only imports do not count)', () => {
    const text = [
      "import { z } from 'zod';",
      "import type { X } from 'ml-matrix';",
      "import { type A, type B } from 'papaparse';",
      "export { c } from '@scope/pkg/sub';",
      "import 'side-effect';",
      "const m = await import('dyn');",
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import { local } from './local.js';",
      "/** @example import { estimate } from 'in-a-comment'; */",
      "const imported = 'import' in spec.memory ? 'yes' : 'no';",
    ].join('\n');
    expect(runtimeImports(text).sort()).toEqual(['@scope/pkg', 'dyn', 'side-effect', 'zod']);
  });
});
