/** One line of the benchmark table printed by `npm run bench`. */
export type BenchRow = { bench: string; case: string; value: number; unit: string; target?: string; ok?: boolean };
