import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Issue 17.1: `npm pack` (and installing from git or a tarball) must ship the built code. This copies the sources
// into a temp folder (as a fresh clone has them), packs there (the `prepare` script builds), installs the tarball
// into an empty folder and runs `npx csi --version` there.
const root = resolve(__dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'csi-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (cmd: string, args: string[], cwd: string): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

describe('npm pack → install → npx csi (issue 17.1)', () => {
  it('package.json builds on pack and on install from git', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepare ?? pkg.scripts.prepack).toMatch(/build|tsup/);
  });

  it('the packed tarball installs in an empty folder and `npx csi --version` prints the version', () => {
    const src = join(tmp, 'src');
    for (const f of ['package.json', 'README.md', 'tsconfig.json', 'tsup.config.ts', 'scripts', 'src']) cpSync(join(root, f), join(src, f), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(src, 'node_modules'), 'dir');
    run('npm', ['pack', '--silent'], src); // runs `prepare` → build
    const tgz = readdirSync(src).find((f) => f.endsWith('.tgz'));
    expect(tgz, 'npm pack made no tarball').toBeDefined();
    const listing = run('tar', ['-tzf', join(src, tgz!)], src);
    expect(listing).toContain('package/dist/cli.cjs');
    expect(listing).toContain('package/dist/index.js');
    // the executable: loader, its two scripts and their V8 code caches (written by the build, src/cli/loader.ts)
    for (const f of ['cli-bundle.cjs', 'cli-bundle.cache', 'cli-commands.cjs', 'cli-commands.cache']) expect(listing).toContain(`package/dist/${f}`);
    const app = join(tmp, 'app');
    cpSync(join(root, 'test/package/empty-app.json'), join(app, 'package.json'));
    run('npm', ['install', join(src, tgz!), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app);
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
    expect(run('npx', ['--no-install', 'csi', '--version'], app)).toBe(`csi (csikit) ${version}\n`);
    expect(run('npx', ['--no-install', 'csi', '--help'], app)).toMatch(/^Usage: csi <command>/);
    const mobi = resolve(root, '../shared/datasets/mobi.csv');
    const est = JSON.parse(run('npx', ['--no-install', 'csi', 'estimate', mobi, '--model', resolve(root, '../shared/reference/mobi-ecsi.model'), '--boot', '100', '--seed', '1', '--json'], app)) as { n: number; bootstrap: { nboot: number } };
    expect([est.n, est.bootstrap.nboot]).toEqual([250, 100]);
    writeFileSync(join(app, 'use.cjs'), "const c = require('csikit'); console.log(typeof c.estimate, typeof require('csikit/node').readSurveyFile);\n");
    expect(run('node', ['use.cjs'], app)).toBe('function function\n');
    // Issue 17.13: TypeScript with moduleResolution node10 finds the sub-path types (typesVersions).
    writeFileSync(join(app, 'use.ts'), "import { readSurveyFile } from 'csikit/node';\nimport { xoshiro128ss } from 'csikit/internals';\nimport { estimate } from 'csikit';\nexport const f = [readSurveyFile, xoshiro128ss, estimate];\n");
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['use.ts'] }));
    run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], app);
  }, 240_000);
});
