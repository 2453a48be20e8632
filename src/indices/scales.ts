import type { Codebook } from '../data/index.js';
import { CsiError } from '../errors.js';
import type { ItemScale } from './linearIndex.js';

/** Options of {@link indexScales}. */
export interface IndexScalesOptions {
  /** One scale [min, max] for every item (`--scale MIN:MAX`); wins over the codebook. */
  scale?: readonly [number, number];
  /** The codebook whose declared (not inferred) item scales apply. */
  codebook?: Codebook;
}

/**
 * The declared answer scale of each item: `scale` for all items when given, else the codebook's scale of each item
 * that was declared (an `inferred` scale is the observed range and never used for indices: methodology §6.2 step 2).
 * Items with neither are left out. A scale with min ≥ max is CsiError('INVALID_SCALE').
 *
 * @example
 * indexScales(['a', 'b'], { scale: [1, 10] }) // { a: [1, 10], b: [1, 10] }
 */
export function indexScales(items: readonly string[], options: IndexScalesOptions): Record<string, ItemScale> {
  const out: Record<string, ItemScale> = {};
  if (options.scale) {
    const [lo, hi] = options.scale;
    checkScale(lo, hi);
    for (const k of items) out[k] = [lo, hi];
    return out;
  }
  const declared = new Map((options.codebook?.items ?? []).filter((i) => i.inferred !== true).map((i) => [i.id, i.scale] as const));
  for (const k of items) {
    const s = declared.get(k);
    if (!s) continue;
    checkScale(s.min, s.max, k);
    out[k] = [s.min, s.max];
  }
  return out;
}

/**
 * Checks a scale: finite numbers with min < max, else CsiError('INVALID_SCALE') naming the item when given.
 *
 * @example
 * checkScale(1, 10) // ok; checkScale(5, 5) throws
 */
export function checkScale(min: number, max: number, item?: string): void {
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
    throw new CsiError('INVALID_SCALE', `Scale ${min}:${max}${item ? ` of item ${item}` : ''} is invalid: min must be below max.`, item ? { column: item } : {});
  }
}

/**
 * Parses `MIN:MAX` (the `--scale` flag), e.g. `1:10`. Bad text or min ≥ max is CsiError('INVALID_SCALE').
 *
 * @example
 * parseScale('1:10') // [1, 10]
 */
export function parseScale(text: string): [number, number] {
  const m = /^\s*(-?[\d.]+)\s*:\s*(-?[\d.]+)\s*$/.exec(text);
  if (!m) throw new CsiError('INVALID_SCALE', `--scale must be MIN:MAX, e.g. 1:10 (got ${text}).`);
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  checkScale(lo, hi);
  return [lo, hi];
}

/**
 * Checks that every observed value of the given columns lies within its item's scale (needed when the scale comes
 * from `--scale`, which the loader did not check). Throws CsiError('OUT_OF_SCALE') naming the item and row index.
 *
 * @example
 * checkColumnsInScale({ a: new Float64Array([1, 11]) }, { a: [1, 10] }) // throws: item a, 11
 */
export function checkColumnsInScale(columns: Record<string, Float64Array>, scales: Record<string, ItemScale>, rowOf: (r: number) => number = (r) => r + 2): void {
  for (const [k, col] of Object.entries(columns)) {
    const s = scales[k];
    if (!s) continue;
    for (let r = 0; r < col.length; r++) {
      const v = col[r];
      if (v < s[0] || v > s[1]) {
        throw new CsiError('OUT_OF_SCALE', `Item ${k}: ${v} is outside its scale ${s[0]}:${s[1]}.`, { column: k, row: rowOf(r) });
      }
    }
  }
}
