import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureLoadCsv } from './load-generate.js';
import { median, round, type BenchRow } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = 3;

interface ChildResult {
  wall: number;
  cpu: number;
  rss: number;
  load: number;
}



/** Runs a bundled child once: wall time from spawn to exit, and the CPU time and peak RSS the child reports. */
function runChild(script: string, args: string[], rows = 1_000_000): ChildResult {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  if (res.status !== 0) throw new Error(`load child failed: ${res.stderr.split('\n').slice(0, 3).join(' ')}`);
  const out = JSON.parse(res.stdout.trim()) as { n: number; p: number; loadMs: number; cpuS: number; maxRssMB: number };
  if (out.n !== rows || out.p !== 24) throw new Error(`load child read ${out.n} × ${out.p}`);
  return { wall, cpu: out.cpuS, rss: out.maxRssMB, load: out.loadMs / 1000 };
}

/**
 * Load benchmark (issue 9): a 1,000,000-row × 24-item CSV (53 MB) into a Survey, whole process (node start to exit),
 * target ≤ 2.5 s and ≤ 400 MB peak RSS. Each loader is bundled with esbuild to a temporary .mjs so that no
 * TypeScript loader start-up is counted. Median of 3 runs, with a codebook and with an inferred one.
 *
 * As a yardstick on a busy machine, the reference loader (papaparse chunk mode + fastMode into growing
 * Float64Arrays, measured there at 1.84 s / 279 MB) runs interleaved under the same conditions; the CPU ratio
 * csikit / reference is comparable across machine loads where wall times are not.
 */
export default async function loadBench(): Promise<BenchRow[]> {
  const csv = ensureLoadCsv(resolve(here, '.data/load-1m-24.csv'));
  const dir = mkdtempSync(join(tmpdir(), 'csikit-load-'));
  try {
    const bundle = async (name: string) => {
      const outfile = join(dir, `${name}.mjs`);
      await build({
        entryPoints: [resolve(here, `${name}.ts`)],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile,
        logLevel: 'silent',
      });
      return outfile;
    };
    const child = await bundle('load-child');
    const reference = await bundle('load-papaparse-child');
    const rows: BenchRow[] = [];
    rows.push({ bench: 'load', case: 'machine load average (1 min) at start', value: round(loadavg()[0], 2), unit: '' });
    rows.push({ bench: 'load', case: 'csv size', value: round(statSync(csv).size / 1e6, 1), unit: 'MB' });
    const runs: Record<string, ChildResult[]> = { codebook: [], inferred: [], reference: [] };
    for (let r = 0; r < RUNS; r++) {
      runs.codebook.push(runChild(child, [csv, 'codebook']));
      runs.inferred.push(runChild(child, [csv, 'inferred']));
      runs.reference.push(runChild(reference, [csv]));
    }
    for (const mode of ['codebook', 'inferred']) {
      const w = median(runs[mode].map((x) => x.wall));
      const m = median(runs[mode].map((x) => x.rss));
      rows.push({ bench: 'load', case: `1e6×24 ${mode}: wall, whole process`, value: round(w, 2), unit: 's', target: '≤ 2.5', ok: w <= 2.5 });
      rows.push({ bench: 'load', case: `1e6×24 ${mode}: peak RSS`, value: Math.round(m), unit: 'MB', target: '≤ 400', ok: m <= 400 });
      rows.push({ bench: 'load', case: `1e6×24 ${mode}: CPU (user+sys), whole process`, value: round(median(runs[mode].map((x) => x.cpu)), 2), unit: 's' });
    }
    // the 100k file of `csi estimate`'s goal (issue 19): the reading alone, in process, and the reader's whole process
    const csv100k = ensureLoadCsv(resolve(here, '.data/load-100k-24.csv'), 100_000);
    const small: ChildResult[] = [];
    for (let r = 0; r < 5; r++) small.push(runChild(child, [csv100k, 'inferred'], 100_000));
    rows.push({ bench: 'load', case: '1e5×24 inferred: read in process (readSurveyFile)', value: Math.round(median(small.map((x) => x.load)) * 1000), unit: 'ms' });
    rows.push({ bench: 'load', case: '1e5×24 inferred: CPU (user+sys), whole reader process', value: Math.round(median(small.map((x) => x.cpu)) * 1000), unit: 'ms' });
    const refCpu = median(runs.reference.map((x) => x.cpu));
    rows.push({ bench: 'load', case: 'reference papaparse loader: wall, whole process', value: round(median(runs.reference.map((x) => x.wall)), 2), unit: 's' });
    rows.push({ bench: 'load', case: 'reference papaparse loader: peak RSS', value: Math.round(median(runs.reference.map((x) => x.rss))), unit: 'MB' });
    rows.push({ bench: 'load', case: 'reference papaparse loader: CPU', value: round(refCpu, 2), unit: 's' });
    rows.push({
      bench: 'load',
      case: 'CPU ratio csikit (codebook) / reference',
      value: round(median(runs.codebook.map((x) => x.cpu)) / refCpu, 2),
      unit: '×',
      target: '< 1',
      ok: median(runs.codebook.map((x) => x.cpu)) < refCpu,
    });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
