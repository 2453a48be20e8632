/**
 * `csi estimate` on a 1,000,000-row × 24-item CSV, end to end (issue 3: ≤ 4 s; issue 19: ≤ 300 MB peak RSS, whole process:
 * node start, CSV → Survey, one moments pass, PLS, quality, JSON out). The CLI is built into a temporary folder as
 * `npm run build` ships it (scripts/build-cli.ts: loader, one-script bundle, V8 code cache), so no TypeScript loader
 * start-up is counted; wall time and peak RSS
 * come from GNU time. Median of 3 runs. The model: four mode-A constructs of six items each, a chain of paths.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../scripts/build-cli.js';
import { ensureLoadCsv } from './load-generate.js';
import { median, type BenchRow } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = 3;
const MODEL = `A =~ Q1 + Q2 + Q3 + Q4 + Q5 + Q6
B =~ Q7 + Q8 + Q9 + Q10 + Q11 + Q12
C =~ Q13 + Q14 + Q15 + Q16 + Q17 + Q18
D =~ Q19 + Q20 + Q21 + Q22 + Q23 + Q24
B ~ A
C ~ A + B
D ~ B + C
`;

export default async function estimateCliBench(): Promise<BenchRow[]> {
  if (!existsSync('/usr/bin/time')) return [{ bench: 'estimate-cli', case: 'skipped: /usr/bin/time (GNU time) is absent', value: 0, unit: '' }];
  const csv = ensureLoadCsv(resolve(here, '.data/load-1m-24.csv'));
  // inside the repo, so the bundle resolves the optional engine packages it leaves external
  const dir = mkdtempSync(resolve(here, '.data/cli-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    // as `npm run build` ships it (scripts/build-cli.ts): the loader, the one-script bundle and its V8 code cache
    const cli = await buildCli(dir);
    const model = join(dir, 'model.txt');
    writeFileSync(model, MODEL);
    const load = loadavg()[0];
    const walls: number[] = [];
    const rss: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const res = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'estimate', csv, '--model', model, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      walls.push((performance.now() - t0) / 1000);
      if (res.status !== 0) throw new Error(`csi estimate failed: ${res.stderr.split('\n').slice(-4).join(' ')}`);
      const json = JSON.parse(res.stdout) as { n: number };
      if (json.n !== 1_000_000) throw new Error(`csi estimate used ${json.n} rows`);
      rss.push(Number(res.stderr.trim().split('\n').pop()) / 1024);
    }
    const w = median(walls);
    const m = median(rss);
    // start-up: `csi --help` against bare `node -e 0`, interleaved, median of 7 (CPU time: less disturbed by load)
    const startup = { node: [] as number[], help: [] as number[] };
    for (let r = 0; r < 7; r++) {
      for (const [key, args] of [['node', ['-e', '0']], ['help', [cli, '--help']]] as const) {
        const res = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], { encoding: 'utf8' });
        const [u, sys] = res.stderr.trim().split('\n').pop()!.split(' ').map(Number);
        startup[key].push((u + sys) * 1000);
      }
    }
    const added = median(startup.help) - median(startup.node);
    // issue 19: 100,000 × 24, whole process (seminr 2.0 s)
    const csv100k = ensureLoadCsv(resolve(here, '.data/load-100k-24.csv'), 100_000);
    // wall and CPU time (user + system, from GNU time: less disturbed when other processes share the cores)
    const walls100k: number[] = [];
    const cpus100k: number[] = [];
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      const res = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, cli, 'estimate', csv100k, '--model', model, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      walls100k.push((performance.now() - t0) / 1000);
      if (res.status !== 0) throw new Error(`csi estimate failed: ${res.stderr.split('\n').slice(-4).join(' ')}`);
      const [u, sys] = res.stderr.trim().split('\n').pop()!.split(' ').map(Number);
      cpus100k.push(u + sys);
    }
    const w100k = median(walls100k);
    const c100k = median(cpus100k);
    return [
      { bench: 'estimate-cli', case: 'node -e 0: CPU time (median of 7)', value: Math.round(median(startup.node)), unit: 'ms' },
      { bench: 'estimate-cli', case: 'csi --help: CPU time added to node -e 0 (median of 7)', value: Math.round(added), unit: 'ms', target: '≤ 30 (issue 19)', ok: added <= 30 },
      { bench: 'estimate-cli', case: 'csi estimate 100,000×24 CSV --json: wall, whole process (median of 7)', value: +w100k.toFixed(3), unit: 's', target: '≤ 0.13 (issue 19; seminr 2.0 s)', ok: w100k <= 0.13 },
      { bench: 'estimate-cli', case: 'csi estimate 100,000×24 CSV --json: wall, whole process (minimum of 7)', value: +Math.min(...walls100k).toFixed(3), unit: 's', target: '≤ 0.13 (issue 19)', ok: Math.min(...walls100k) <= 0.13 },
      { bench: 'estimate-cli', case: 'csi estimate 100,000×24 CSV --json: CPU time user + system (median of 7)', value: +c100k.toFixed(3), unit: 's' },
      { bench: 'estimate-cli', case: 'machine load average (1 min) at start', value: +load.toFixed(2), unit: '' },
      { bench: 'estimate-cli', case: 'csi estimate 1e6×24 CSV --json: wall, whole process', value: +w.toFixed(2), unit: 's', target: '≤ 4', ok: w <= 4 },
      { bench: 'estimate-cli', case: 'csi estimate 1e6×24 CSV --json: peak RSS', value: Math.round(m), unit: 'MB', target: '≤ 300 (issue 19)', ok: m <= 300 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
