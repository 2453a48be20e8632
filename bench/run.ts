/**
 * `npm run bench`: discovers bench/*.bench.ts, runs each (or those whose name contains one of the command-line
 * arguments: `npm run bench -- load`), and prints one table: bench | case | value | unit | target | ok.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const rows: BenchRow[] = [];
let failed = 0;
for (const f of files) {
  const name = f.replace(/\.bench\.ts$/, '');
  process.stderr.write(`running ${name} ...\n`);
  try {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: () => Promise<BenchRow[]> };
    rows.push(...(await mod.default()));
  } catch (e) {
    failed++;
    rows.push({ bench: name, case: `failed: ${(e as Error).message.split('\n').slice(0, 3).join(' ')}`, value: NaN, unit: '', ok: false });
  }
}

const head = ['bench', 'case', 'value', 'unit', 'target', 'ok'];
const cells = rows.map((r) => [r.bench, r.case, Number.isNaN(r.value) ? '–' : String(r.value), r.unit, r.target ?? '', r.ok === undefined ? '' : r.ok ? 'yes' : 'NO']);
const widths = head.map((h, j) => Math.max(h.length, ...cells.map((c) => c[j].length)));
const line = (c: string[]) => `| ${c.map((x, j) => (j === 2 ? x.padStart(widths[j]) : x.padEnd(widths[j]))).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const c of cells) console.log(line(c));
console.log('\nFigures are noisy when other work runs on this 2-core machine.');
if (failed > 0 || rows.some((r) => r.ok === false)) process.exitCode = 1;
