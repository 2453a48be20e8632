/**
 * Generated code for the integer-packed resample pass without a table (large n; see `packedIntegerRowsPass` for
 * the arithmetic): the same sums with the packed accumulators as local variables and the loops unrolled, compiled
 * once per (p, lanes) with `new Function`. It adds exact integers only, so its sums are those of the loops bit for
 * bit; where generating code is forbidden (a Content-Security-Policy) it is null and the loops run.
 */
import type { ResampleKernel } from './resample-kernel.js';

const cache = new Map<string, ResampleKernel | null>();

/**
 * The body of the generated packed pass for p items in `lanes` lanes of `bits` bits: a function of (x, n, counts,
 * weights, sp, acc, tot) that adds Σ w·P_g to sp (G = ⌈p / lanes⌉ groups), Σ w·x_a·P_g to acc[a·G + g] for the
 * groups g ≥ ⌊a / lanes⌋, and [Σ w, Σ w², Σ counts] to tot, continuing from the values given (so a pass may be
 * split into calls). Pure string building, exported for review and tests.
 *
 * @example
 * packedKernelSource(2, 2, 26) // declares sp0, a0g0, a1g0, packs P0 = x0 + x1 * 67108864, …
 */
export function packedKernelSource(p: number, lanes: number, bits: number): string {
  const G = Math.ceil(p / lanes);
  const unit = 2 ** bits;
  const L: string[] = [];
  const cells: [number, number][] = [];
  for (let a = 0; a < p; a++) for (let g = Math.floor(a / lanes); g < G; g++) cells.push([a, g]);
  L.push('let sw = tot[0], sww = tot[1], nRows = tot[2];');
  for (let g = 0; g < G; g++) L.push(`let sp${g} = sp[${g}];`);
  for (const [a, g] of cells) L.push(`let a${a}g${g} = acc[${a * G + g}];`);
  L.push('for (let i = 0; i < n; i++) {');
  L.push('  const k = counts === null ? 1 : counts[i];');
  L.push('  if (k === 0) continue;');
  L.push('  const w = weights === null ? k : k * weights[i];');
  L.push(`  nRows += k; sw += w; sww += w * w; const o = i * ${p};`);
  for (let a = 0; a < p; a++) L.push(`  const x${a} = x[o + ${a}];`);
  for (let g = 0; g < G; g++) {
    const terms: string[] = [];
    for (let l = 0; l < lanes; l++) {
      const b = g * lanes + l;
      if (b < p) terms.push(l === 0 ? `x${b}` : `x${b} * ${unit ** l}`);
    }
    L.push(`  const P${g} = ${terms.join(' + ')};`);
    L.push(`  sp${g} += w * P${g};`);
  }
  for (let a = 0; a < p; a++) L.push(`  const v${a} = w * x${a};`);
  for (const [a, g] of cells) L.push(`  a${a}g${g} += v${a} * P${g};`);
  L.push('}');
  for (let g = 0; g < G; g++) L.push(`sp[${g}] = sp${g};`);
  for (const [a, g] of cells) L.push(`acc[${a * G + g}] = a${a}g${g};`);
  L.push('tot[0] = sw; tot[1] = sww; tot[2] = nRows;');
  return L.join('\n');
}

/**
 * The generated packed pass for (p, lanes, bits) with the signature of a resample kernel (its s and c arguments
 * are the packed sums sp and acc), or null when p > 64 or the environment forbids generating code.
 *
 * @example
 * const k = packedKernel(2, 2, 26);
 * const sp = new Float64Array(1), acc = new Float64Array(2), tot = new Float64Array(3);
 * k?.(Float64Array.of(1, 2), 1, null, null, sp, acc, tot); // sp = [1 + 2·2^26], acc = [1·sp[0], 2·sp[0]]
 */
export function packedKernel(p: number, lanes: number, bits: number): ResampleKernel | null {
  if (!(p >= 1 && p <= 64)) return null;
  const key = `${p}/${lanes}/${bits}`;
  let k = cache.get(key);
  if (k === undefined) {
    try {
      k = new Function('x', 'n', 'counts', 'weights', 'sp', 'acc', 'tot', packedKernelSource(p, lanes, bits)) as ResampleKernel;
    } catch {
      k = null; // e.g. EvalError under a Content-Security-Policy
    }
    cache.set(key, k);
  }
  return k;
}
