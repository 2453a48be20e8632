import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '..');
const bin = path.join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const config = path.join(repo, '.dependency-cruiser.cjs');

/** Runs dependency-cruiser with the repo's rules on `dir`/src; returns its exit status and text report. */
function cruise(dir: string): { status: number; out: string } {
  try {
    const out = execFileSync(process.execPath, [bin, 'src', '--config', config, '--output-type', 'err'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, out: `${err.stdout}${err.stderr}` };
  }
}

describe('the floors of src/ (.dependency-cruiser.cjs, npm run lint:deps)', () => {
  it('src/ has no import circle, no upward import, no Node built-in in the browser core', () => {
    const { status, out } = cruise(repo);
    expect(out, out).toContain('no dependency violations found');
    expect(status).toBe(0);
  });

  it('the rules catch each forbidden arrow (a throwaway tree with one of each)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csikit-floors-'));
    try {
      const file = (rel: string, text: string) => {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        writeFileSync(path.join(dir, rel), text);
      };
      writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }));
      file('src/errors.ts', 'export const e = 1;\n');
      file('src/pls/index.ts', "export { survey } from '../data/index';\nexport const pls = 1;\n");
      file('src/data/index.ts', "import { fs } from './read';\nexport const survey = fs;\n");
      file('src/data/read.ts', "import { readFileSync } from 'node:fs';\nexport const fs = readFileSync;\n");
      file('src/stats/index.ts', "import { pls } from '../pls/index';\nimport { x } from '../model/inner';\nexport const s = pls + x;\n");
      file('src/model/inner.ts', "export const x = 1;\n");
      file('src/model/index.ts', "export { x } from './inner';\n");
      file('src/indices/index.ts', "import { r } from '../report/index';\nexport const i = r;\n");
      file('src/index.ts', "export { s } from './stats/index';\n");
      file('src/kpi/index.ts', "import { s } from '../index';\nexport const k = s;\n");
      file('src/report/index.ts', "import { i } from '../indices/index';\nexport const r = 1 + (i as number);\n");
      const { status, out } = cruise(dir);
      expect(status).not.toBe(0);
      for (const rule of ['floor-stats', 'floor-indices', 'pls-sees-moments-and-models', 'through-index', 'browser-core-no-node', 'no-circular', 'no-root-barrel']) {
        expect(out, `${rule} not reported:\n${out}`).toContain(rule);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
