/** One line of the benchmark table printed by `npm run bench`. */
export type BenchRow = { bench: string; case: string; value: number; unit: string; target?: string; ok?: boolean };

/** Median (upper median for an even count) of a small sample of timings. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** x rounded to d decimals, for the table. */
export function round(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}
