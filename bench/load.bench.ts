import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureLoadCsv } from './load-generate.js';
import type { BenchRow } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Load benchmark (issue 9): a 1,000,000-row × 24-item CSV into a Survey, whole process (node start to exit),
 * target ≤ 2.5 s and ≤ 400 MB peak RSS. The loader is bundled with esbuild to a temporary .mjs so that no
 * TypeScript loader start-up is counted. Median of 3 runs, with and without a codebook.
 */
export default async function loadBench(): Promise<BenchRow[]> {
  const csv = ensureLoadCsv(resolve(here, '.data/load-1m-24.csv'));
  const dir = mkdtempSync(join(tmpdir(), 'csikit-load-'));
  const child = join(dir, 'load-child.mjs');
  try {
    await build({
      entryPoints: [resolve(here, 'load-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: child,
      logLevel: 'silent',
    });
    const rows: BenchRow[] = [];
    rows.push({ bench: 'load', case: 'machine load average (1 min) at start', value: round(loadavg()[0], 2), unit: '' });
    rows.push({ bench: 'load', case: 'csv size', value: Math.round(statSync(csv).size / 1e5) / 10, unit: 'MB' });
    for (const mode of ['codebook', 'inferred']) {
      const walls: number[] = [];
      const rss: number[] = [];
      const inner: number[] = [];
      const cpu: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const t0 = performance.now();
        const res = spawnSync(process.execPath, [child, csv, mode], { encoding: 'utf8' });
        const wall = (performance.now() - t0) / 1000;
        if (res.status !== 0) throw new Error(`load child failed: ${res.stderr.split('\n')[0]}`);
        const out = JSON.parse(res.stdout.trim()) as { n: number; p: number; loadMs: number; cpuS: number; maxRssMB: number };
        if (out.n !== 1_000_000 || out.p !== 24) throw new Error(`load child read ${out.n} × ${out.p}`);
        walls.push(wall);
        rss.push(out.maxRssMB);
        inner.push(out.loadMs / 1000);
        cpu.push(out.cpuS);
      }
      const w = median(walls);
      const m = median(rss);
      rows.push({ bench: 'load', case: `1e6×24 ${mode}: wall, whole process`, value: round(w, 2), unit: 's', target: '≤ 2.5', ok: w <= 2.5 });
      rows.push({ bench: 'load', case: `1e6×24 ${mode}: peak RSS`, value: Math.round(m), unit: 'MB', target: '≤ 400', ok: m <= 400 });
      rows.push({ bench: 'load', case: `1e6×24 ${mode}: CPU (user+sys), whole process`, value: round(median(cpu), 2), unit: 's' });
      rows.push({ bench: 'load', case: `1e6×24 ${mode}: readSurveyFile only, wall`, value: round(median(inner), 2), unit: 's' });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}
