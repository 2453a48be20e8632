/**
 * Child process of the load benchmark: loads the CSV given on the command line into a Survey and prints one JSON
 * line with n, p, the load time, the process's CPU time since start and its peak RSS. Bundled with esbuild before it runs, so no TypeScript loader starts.
 */
import { readSurveyFile } from '../src/node.js';
import type { Codebook } from '../src/data/codebook.js';

const [path, mode, itemsArg] = process.argv.slice(2);
const p = Number(itemsArg ?? 24);
const codebook: Codebook | undefined =
  mode === 'codebook' ? { items: Array.from({ length: p }, (_, k) => ({ id: `Q${k + 1}`, scale: { min: 1, max: 10 } })) } : undefined;
const t0 = performance.now();
const survey = await readSurveyFile(path, { codebook });
const loadMs = performance.now() - t0;
process.stdout.write(
  `${JSON.stringify({ n: survey.n, p: survey.items.length, loadMs, cpuS: (process.cpuUsage().user + process.cpuUsage().system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
