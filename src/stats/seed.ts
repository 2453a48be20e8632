import { CsiError } from '../errors.js';

/**
 * The one seed contract of every resampling in csikit (the in-memory bootstrap, its parallel runner, the in-engine
 * Poisson bootstrap of DuckDB and ClickHouse): an integer in [0, {@link SEED_MAX}]; when none is given a random one is
 * drawn and reported in the result (`seed`), so any run can be repeated.
 *
 * The same seed does not give the same resamples in memory and in an engine, by design: the in-memory bootstrap
 * draws multinomial resamples (n rows with replacement, seminr's bootstrap) from a counter-based generator keyed by
 * (seed, resample); an engine draws Poisson(1) counts per row from a hash of (row key, seed, replicate). Both are
 * reproducible on their own side: same seed, data and engine → the same resamples.
 */
export type Seed = number;

/** Largest seed: 2^31 − 1 (what every engine's hash takes as a plain integer literal). */
export const SEED_MAX = 2 ** 31 - 1;

/**
 * The seed to use: the one given (checked: an integer in [0, {@link SEED_MAX}], else CsiError INVALID_OPTION), or a
 * random one when none is given. Report the returned value.
 *
 * @example
 * resolveSeed(2026) // 2026
 * resolveSeed(undefined) // e.g. 1736209341 (random, to be reported)
 */
export function resolveSeed(seed: number | undefined): Seed {
  if (seed === undefined) return Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed) || seed < 0 || seed > SEED_MAX) {
    throw new CsiError('INVALID_OPTION', `seed must be an integer from 0 to 2^31 − 1, got ${String(seed)}.`);
  }
  return seed;
}
