import type { PlsFit } from '../pls/index.js';
import type { StatisticLayout } from './statistics.js';

/** The fit's shape a {@link statisticReader} is prepared for: item count, constructs and their item blocks. */
export type ReaderShape = Pick<PlsFit, 'itemNames' | 'constructNames' | 'blocks'>;

/** Reads a layout's statistics from a fit into `out`; the same numbers as {@link readStatistics}, no allocation. */
export type StatisticReader = (fit: PlsFit, out: Float64Array) => void;

/** Output slots and fit positions of one statistic family. */
interface Slots {
  out: Int32Array;
  at: Int32Array;
}

function slotsOf(layout: StatisticLayout, group: string): Slots {
  const out: number[] = [];
  const at: number[] = [];
  layout.specs.forEach((s, k) => {
    if (s.group === group) {
      out.push(k);
      at.push(layout.positions[k]);
    }
  });
  return { out: Int32Array.from(out), at: Int32Array.from(at) };
}

/**
 * {@link readStatistics} prepared once per layout and model shape, for a loop over resample fits of one model: the
 * positions of each family in flat index arrays, the HTMT item pairs of each block and construct pair listed once,
 * and total effects formed in buffers owned by the reader ({@link totalEffectsInto}). Every value is computed by
 * the same operations in the same order as `readStatistics` (its `totalEffectsMatrix` and quality's `htmt`), so
 * the numbers are equal to the bit; nothing is allocated per call. The layout must be `direct`; fits must have `shape`'s items and blocks.
 *
 * @example
 * const read = statisticReader(layout, result.fit);
 * read(resampleFit, out); // out = what readStatistics(resampleFit, layout, out) writes
 */
export function statisticReader(layout: StatisticLayout, shape: ReaderShape): StatisticReader {
  const p = shape.itemNames.length;
  const m = shape.constructNames.length;
  const weights = slotsOf(layout, 'outerWeights');
  const loadings = slotsOf(layout, 'loadings');
  const paths = slotsOf(layout, 'paths');
  const totals = slotsOf(layout, 'totalEffects');
  const r2 = slotsOf(layout, 'rSquared');
  const ht = slotsOf(layout, 'htmt');
  const work: TotalWork = {
    total: new Float64Array(m * m),
    power: new Float64Array(m * m),
    next: new Float64Array(m * m),
    nzStart: new Int32Array(m + 1),
    nzIdx: new Int32Array(m * m),
  };
  const htmtOf = ht.out.length > 0 ? htmtReader(shape, p, m) : null;
  const htmtValues = new Float64Array((m * (m - 1)) / 2);
  // (small named functions: a fresh process optimizes them at once)
  return function readFit(fit, out) {
    copySlots(fit.weights, weights, out);
    copySlots(fit.crossLoadings, loadings, out);
    copySlots(fit.paths, paths, out);
    copySlots(fit.rSquared, r2, out);
    if (totals.out.length > 0) copySlots(totalEffectsInto(fit.paths, m, work), totals, out);
    if (htmtOf) {
      htmtOf(fit.itemCorrelation, htmtValues);
      copySlots(htmtValues, ht, out);
    }
  };
}

/** out[slots.out[i]] = from[slots.at[i]]. */
function copySlots(from: Float64Array, slots: Slots, out: Float64Array): void {
  const o = slots.out;
  const at = slots.at;
  for (let i = 0; i < o.length; i++) out[o[i]] = from[at[i]];
}

/** Buffers of {@link totalEffectsInto}. */
interface TotalWork {
  total: Float64Array;
  power: Float64Array;
  next: Float64Array;
  nzStart: Int32Array;
  nzIdx: Int32Array;
}

/**
 * `totalEffectsMatrix`(B, m) (statistics.ts) in `work`'s buffers (returns work.total): T = Σ_{k≥1} Bᵏ, stopping when Bᵏ = 0
 * or after m powers, each term added in the same order. A finite power entry a visits only the non-zero paths
 * B[l, ·] (ascending): the terms skipped are the exact zeros totalEffectsMatrix skips; a non-finite one visits every
 * j (∞ · 0 = NaN is added there).
 */
function totalEffectsInto(B: Float64Array, m: number, work: TotalWork): Float64Array {
  const { total, nzStart, nzIdx } = work;
  let { power, next } = work;
  total.set(B);
  power.set(B);
  for (let l = 0, t = 0; l < m; l++) {
    nzStart[l] = t;
    for (let j = 0; j < m; j++) if (B[l * m + j] !== 0) nzIdx[t++] = j;
    nzStart[l + 1] = t;
  }
  for (let k = 2; k <= m; k++) {
    next.fill(0);
    let any = false;
    for (let i = 0; i < m; i++) {
      for (let l = 0; l < m; l++) {
        const a = power[i * m + l];
        if (a === 0) continue;
        if (a - a === 0) {
          for (let t = nzStart[l]; t < nzStart[l + 1]; t++) {
            const j = nzIdx[t];
            const v = a * B[l * m + j];
            if (v !== 0) {
              next[i * m + j] += v;
              any = true;
            }
          }
        } else {
          for (let j = 0; j < m; j++) {
            const v = a * B[l * m + j];
            if (v !== 0) {
              next[i * m + j] += v;
              any = true;
            }
          }
        }
      }
    }
    if (!any) break;
    for (let q = 0; q < m * m; q++) total[q] += next[q];
    const t = power;
    power = next;
    next = t;
  }
  work.power = power;
  work.next = next;
  return total;
}

/**
 * quality's `htmt` on item positions listed once: into[pair] for the construct pairs a < b in order, from the item
 * correlations r (p × p). Monotrait mean of block a: Σ_{x<y} |r[a_x, a_y]| (x, then y ascending) / (k(k − 1)/2),
 * 1 for a single item; heterotrait mean Σ_{g∈a} Σ_{h∈b} |r[g, h]| / (|a||b|); HTMT = hetero / √(mono_a · mono_b),
 * NaN when that root is not positive (Henseler, Ringle & Sarstedt 2015, absolute correlations as seminr).
 */
function htmtReader(shape: ReaderShape, p: number, m: number): (r: Float64Array, into: Float64Array) => void {
  const blocks = shape.blocks;
  const monoIdx: number[] = [];
  const monoStart = new Int32Array(m + 1);
  const size = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    const block = blocks[a];
    const k = block.length;
    size[a] = k;
    monoStart[a] = monoIdx.length;
    for (let x = 0; x < k; x++) for (let y = x + 1; y < k; y++) monoIdx.push(block[x] * p + block[y]);
  }
  monoStart[m] = monoIdx.length;
  const mono = Int32Array.from(monoIdx);
  const heteroIdx: number[] = [];
  const pairA: number[] = [];
  const pairB: number[] = [];
  const heteroStart: number[] = [];
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      heteroStart.push(heteroIdx.length);
      pairA.push(a);
      pairB.push(b);
      for (const g of blocks[a]) for (const h of blocks[b]) heteroIdx.push(g * p + h);
    }
  }
  heteroStart.push(heteroIdx.length);
  const hetero = Int32Array.from(heteroIdx);
  const hStart = Int32Array.from(heteroStart);
  const A = Int32Array.from(pairA);
  const Bc = Int32Array.from(pairB);
  const monoMean = new Float64Array(m);
  return function htmtInto(r, into) {
    for (let a = 0; a < m; a++) {
      const k = size[a];
      if (k <= 1) {
        monoMean[a] = 1;
        continue;
      }
      let s = 0;
      for (let i = monoStart[a]; i < monoStart[a + 1]; i++) s += Math.abs(r[mono[i]]);
      monoMean[a] = s / ((k * (k - 1)) / 2);
    }
    for (let q = 0; q < A.length; q++) {
      const a = A[q];
      const b = Bc[q];
      let s = 0;
      for (let i = hStart[q]; i < hStart[q + 1]; i++) s += Math.abs(r[hetero[i]]);
      const h = s / (size[a] * size[b]);
      const denom = Math.sqrt(monoMean[a] * monoMean[b]);
      into[q] = denom > 0 ? h / denom : Number.NaN;
    }
  };
}
