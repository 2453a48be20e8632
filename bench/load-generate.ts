import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes the load-benchmark CSV if it is absent: `rows` respondents × `items` items named Q1..Qp on a 1-10 scale,
 * from a seeded generator (mulberry32, seed 20260101) so every machine measures the same bytes. Each respondent has
 * a latent level (uniform 5.8-10.2); answers are that level plus noise (sum of three uniforms, sd ≈ 1.25), rounded
 * and clipped to 1-10, so about a fifth are two-digit 10s, as in real satisfaction data. 53.1 MB for 1e6 × 24.
 *
 * @example
 * ensureLoadCsv('bench/.data/load-1m-24.csv') // returns the path, writing the file first if it is absent
 */
export function ensureLoadCsv(path: string, rows = 1_000_000, items = 24): string {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  let a = 20260101 >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  writeSync(fd, `${Array.from({ length: items }, (_, k) => `Q${k + 1}`).join(',')}\n`);
  let buf: string[] = [];
  for (let r = 0; r < rows; r++) {
    const level = 5.8 + rand() * 4.4;
    const cells = new Array<string>(items);
    for (let k = 0; k < items; k++) {
      const v = Math.round(level + (rand() + rand() + rand() - 1.5) * 2.5);
      cells[k] = String(v < 1 ? 1 : v > 10 ? 10 : v);
    }
    buf.push(cells.join(','));
    if (buf.length === 10000) {
      writeSync(fd, `${buf.join('\n')}\n`);
      buf = [];
    }
  }
  if (buf.length) writeSync(fd, `${buf.join('\n')}\n`);
  closeSync(fd);
  renameSync(tmp, path);
  return path;
}
