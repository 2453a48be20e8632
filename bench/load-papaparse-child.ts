/**
 * Reference child for the load benchmark: the approach the issue measured (papaparse streaming in chunk mode with
 * fastMode, writing straight into growing Float64Array columns), so that csikit's loader can be compared with it on
 * the same machine at the same moment. Prints one JSON line like load-child.ts.
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const [path] = process.argv.slice(2);
const t0 = performance.now();
let cols: Float64Array[] = [];
let cap = 0;
let n = 0;
let header: string[] | null = null;
await new Promise<void>((resolve, reject) => {
  Papa.parse(createReadStream(path) as unknown as File, {
    fastMode: true,
    chunk(res: Papa.ParseResult<string[]>) {
      for (const row of res.data) {
        if (header === null) {
          header = row;
          cols = header.map(() => new Float64Array(0));
          continue;
        }
        if (row.length !== header.length) continue;
        if (n >= cap) {
          cap = cap === 0 ? 1024 : cap * 2;
          cols = cols.map((c) => {
            const a = new Float64Array(cap);
            a.set(c);
            return a;
          });
        }
        for (let k = 0; k < row.length; k++) cols[k][n] = Number(row[k]);
        n++;
      }
    },
    complete: () => resolve(),
    error: (e: Error) => reject(e),
  });
});
const loadMs = performance.now() - t0;
process.stdout.write(
  `${JSON.stringify({ n, p: cols.length, loadMs, cpuS: (process.cpuUsage().user + process.cpuUsage().system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
