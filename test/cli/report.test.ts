import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCsi as run, tempDir } from '../helpers/cli.js';

const { dir } = tempDir('csi-report-');
const fx = (f: string) => join(__dirname, '../../fixtures', f);
const base = ['report', fx('telecom.csv'), '--model', fx('telecom.model'), '--codebook', fx('telecom.codebook.json')];

describe('csi report', () => {
  it('writes the telecom report in Chinese as one HTML file with the analysis sections', async () => {
    const file = join(dir, 'r.html');
    const r = await run([...base, '--ipma', 'Satisfaction', '--lang', 'zh', '--out', file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(file);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect([...html.matchAll(/<section id="([a-z]+)"/g)].map((m) => m[1])).toEqual(['sample', 'paths', 'indices', 'impacts', 'ipma', 'quality', 'settings']);
    expect(html).toContain('修补区');
    expect(html).not.toMatch(/<script|https?:/i);
  }, 60_000);

  it('a JSON model (fixtures/telecom.model.json) brings its construct labels; --hierarchy adds the tree', async () => {
    const r = await run(['report', fx('telecom.csv'), '--model', fx('telecom.model.json'), '--codebook', fx('telecom.codebook.json'), '--hierarchy', fx('telecom.hierarchy.json'), '--lang', 'zh', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('| 品牌形象 | 预期质量 | 0.394 |');
    expect(r.out).toContain('## 指数层级结构');
  }, 60_000);

  it('--format md writes Markdown to standard output without --out', async () => {
    const r = await run([...base, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Customer service centre satisfaction survey/);
    expect(r.out).toContain('## Satisfaction indices');
  }, 60_000);

  it('a bad --lang or --format is one line, exit 2, and no file', async () => {
    const file = join(dir, 'bad.html');
    for (const flags of [['--lang', 'fr'], ['--format', 'pdf']]) {
      const r = await run([...base, ...flags, '--out', file]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^csi: --(lang|format) must be .*\n$/);
    }
    expect(existsSync(file)).toBe(false);
  });
});
