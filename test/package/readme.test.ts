import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('README snippets (issue 17.11)', () => {
  it('every TypeScript snippet imports what it uses from node and csikit', () => {
    expect(blocks.length).toBeGreaterThan(1);
    for (const code of blocks) {
      expect(code, code.slice(0, 80)).toMatch(/^import /m);
      if (/\breadFile\(/.test(code)) expect(code).toMatch(/import \{[^}]*\breadFile\b[^}]*\} from 'node:fs\/promises'/);
      expect(code).not.toMatch(/\bfs\./);
      const imported = new Set([...code.matchAll(/import \{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((x) => x.trim().replace(/^type /, ''))));
      for (const name of ['parseModel', 'parseCodebook', 'estimate', 'estimateFromMoments', 'bootstrap', 'readSurveyFile', 'duckdbMoments', 'marginOf']) {
        if (new RegExp(`\\b${name}\\(`).test(code)) expect(imported, `${name} in\n${code}`).toContain(name);
      }
    }
  });
  it('says how csi gets onto the PATH and that result.warnings is the one list', () => {
    expect(readme).toContain('npx csi');
    expect(readme).toContain('npm install -g csikit');
    expect(readme).toContain('npm link');
    expect(readme).toMatch(/allWarnings\(result\).*one list/);
  });
  it('the Contents list names every ## section, in order', () => {
    const contents = readme.slice(readme.indexOf('## Contents'), readme.indexOf('\n## ', readme.indexOf('## Contents') + 1));
    const entries = [...contents.matchAll(/^- \[([^\]]+)\]\(#([^)]+)\)$/gm)];
    const sections = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]).filter((h) => h !== 'Contents');
    expect(entries.map((m) => m[1])).toEqual(sections);
    // GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens
    const slug = (h: string) => h.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
    for (const m of entries) expect(m[2], m[1]).toBe(slug(m[1]));
  });
  it('Runtime dependencies names exactly package.json dependencies', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const section = readme.slice(readme.indexOf('## Runtime dependencies'), readme.indexOf('\n## ', readme.indexOf('## Runtime dependencies') + 1));
    const named = [...section.matchAll(/^- \*\*([^*]+)\*\*/gm)].map((m) => m[1]).sort();
    expect(named).toEqual(Object.keys(pkg.dependencies).sort());
  });
});
