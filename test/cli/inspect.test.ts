import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/main.js';
import { runCsi as run, tempDir } from '../helpers/cli.js';

const { dir, file } = tempDir('csi-inspect-');

const codebook = {
  id: 'id',
  items: [
    { id: 'SAT1', label: { en: 'Overall satisfaction', zh: '总体满意度' }, scale: { min: 1, max: 10 }, missing: [{ value: 99 }] },
    { id: 'SAT2', scale: { min: 1, max: 10 }, reverse: true },
  ],
  segments: [{ id: 'line', levels: [{ value: '3G' }, { value: '4G' }] }],
};

describe('csi inspect', () => {
  const data = file('survey.csv', 'id,line,SAT1,SAT2,extra\n1,3G,7,2,x\n2,4G,99,9,y\n3,3G,10,10,z\n4,4G,5,5,w\n');
  const cbPath = file('codebook.json', JSON.stringify(codebook));

  it('has the inspect command in the commands record', () => {
    expect(Object.keys(commands)).toContain('inspect');
  });

  it('prints the summary with items, segments, the coercion log and flags', async () => {
    const r = await run(['inspect', data, '--codebook', cbPath]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Survey: 4 respondents');
    expect(r.out).toMatch(/SAT1\s+1-10/);
    expect(r.out).toContain('line: 3G 2, 4G 2');
    expect(r.out).toContain('missing codes: SAT1=99 ×1');
    expect(r.out).toContain('reversed items: SAT2');
    expect(r.out).toContain('ignored columns: extra');
    expect(r.out).toContain('STRAIGHT_LINER');
  });

  it('--json prints the summary as JSON, --lang zh in Chinese', async () => {
    const j = await run(['inspect', data, '--codebook', cbPath, '--json']);
    const parsed = JSON.parse(j.out);
    expect(parsed.n).toBe(4);
    expect(parsed.items[0].name).toBe('SAT1');
    const zh = await run(['inspect', data, '--codebook', cbPath, '--lang', 'zh']);
    expect(zh.out).toContain('总体满意度');
    expect(zh.out).toContain('问卷：4 位受访者');
  });

  it('without a codebook it infers one', async () => {
    const r = await run(['inspect', data]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Codebook: inferred');
    expect(r.out).toContain('INFERRED_SCALE');
  });

  it('--write-codebook saves the inferred draft, which reads the file back as a given codebook', async () => {
    const out = join(dir, 'draft.json');
    expect((await run(['inspect', data, '--write-codebook', out])).code).toBe(0);
    const draft = JSON.parse(readFileSync(out, 'utf8'));
    expect(draft.items.map((i: { id: string }) => i.id)).toEqual(['SAT1', 'SAT2']);
    expect(draft.items[0].inferred).toBe(true);
    const again = await run(['inspect', data, '--codebook', out]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Survey: 4 respondents');
  });

  it('bad input: one line on stderr with row and column, exit code 2', async () => {
    const bad = file('bad.csv', 'id,line,SAT1,SAT2\n1,3G,7,2\n2,4G,11,9\n');
    const r = await run(['inspect', bad, '--codebook', cbPath]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    // The line names row 3 and column SAT1 exactly once each (in the message or in the appended location).
    expect(r.err).toMatch(/^csi: .*\n$/);
    expect(r.err.match(/\brow 3\b/gi)).toHaveLength(1);
    expect(r.err.match(/\bSAT1\b/g)).toHaveLength(1);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('a missing file, an invalid codebook, a bad flag and an unknown command exit 2 with one line', async () => {
    const brokenJson = file('broken.json', '{ "items": [ ');
    const invalid = file('invalid.json', JSON.stringify({ items: [{ id: 'SAT1', scale: { min: 10, max: 1 } }] }));
    for (const args of [
      ['inspect', join(dir, 'nope.csv')],
      ['inspect', data, '--codebook', brokenJson],
      ['inspect', data, '--codebook', invalid],
      ['inspect', data, '--codebook', join(dir, 'nope.json')],
      ['inspect', data, '--bogus'],
      ['inspect', data, '--lang', 'fr'],
      ['inspect'],
      ['frobnicate'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err.startsWith('csi: '), args.join(' ')).toBe(true);
    }
    const inv = await run(['inspect', data, '--codebook', invalid]);
    expect(inv.err).toContain('items[0].scale');
  });

  it('--help prints usage and exits 0', async () => {
    const r = await run(['inspect', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: csi inspect');
    expect((await run(['--help'])).out).toContain('inspect');
  });

  const mobi = resolve(__dirname, '../../..', 'shared', 'datasets', 'mobi.csv');
  it.skipIf(!existsSync(mobi))('runs as a process on ../shared mobi.csv (skipped when ../shared is absent)', () => {
    const tsx = resolve(__dirname, '../../node_modules/.bin/tsx');
    const r = spawnSync(tsx, [resolve(__dirname, '../../src/cli/main.ts'), 'inspect', mobi], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Items \(\d+\)/);
    const bad = spawnSync(tsx, [resolve(__dirname, '../../src/cli/main.ts'), 'inspect', mobi, '--codebook', cbPath], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^csi: .*MISSING|^csi: .*not a column/);
  });
});
