/**
 * A resample's weighted sums over row-major rows, with code generated for the number of items p: the p sums and
 * the p(p+1)/2 cross-products live in local variables for the whole pass (V8 keeps them in registers or stack
 * slots: no typed-array load, bounds check or store per product), and each row's items are read once into locals.
 *
 * The generated code performs exactly the floating-point operations of the loops it replaces, in the same order,
 * so the sums are bit-identical to them:
 *
 * - `'pair'`: rows drawn at least once are taken two at a time, c_ab += (w1·x1_a)·x1_b + (w2·x2_a)·x2_b (a lone
 *   last row is paired with itself at weight 0), the order of the plain loop in `resampleMoments`;
 * - `'row'`: row by row, c_ab += w·(x_a·x_b), the order of the precomputed row-products table.
 *
 * In both, s_a += w·x_a, sw += w, sww += w·w, n += count, row by row, with w = count (× weight).
 *
 * Where code cannot be generated (a Content-Security-Policy without 'unsafe-eval') or p is larger than
 * {@link MAX_GENERATED_ITEMS} (V8 stops optimizing functions that large: measured 12× slower at p = 40),
 * {@link resampleKernel} returns null and the caller keeps its loops.
 */

/**
 * The generated pass: adds the rows' sums to s (p), c (packed upper triangle, row by row) and tot = [sw, sww, n]
 * (pass zeros for a fresh pass; the sums continue from the values given, in the same order as one longer pass).
 */
export type ResampleKernel = (
  x: Float64Array,
  n: number,
  counts: Uint32Array | null,
  weights: Float64Array | null,
  s: Float64Array,
  c: Float64Array,
  tot: Float64Array,
) => void;

/** Largest p with a generated kernel (666 cross-products; p = 40 measured 12× slower than the loops). */
export const MAX_GENERATED_ITEMS = 36;

const cache = new Map<string, ResampleKernel | null>();

/**
 * The source of the kernel for p items in the given order (the body of a function of x, n, counts, weights, s, c,
 * tot; see {@link ResampleKernel}). Pure string building, exported for review and tests.
 *
 * @example
 * resampleKernelSource(1, 'row') // declares s0, c0, loops the rows with `c0 += w * (x0 * x0);`
 */
export function resampleKernelSource(p: number, order: 'pair' | 'row'): string {
  const L: string[] = [];
  const cells: [number, number][] = [];
  for (let a = 0; a < p; a++) for (let b = a; b < p; b++) cells.push([a, b]);
  const each = (f: (a: number) => string): string => Array.from({ length: p }, (_, a) => f(a)).join(' ');
  // the sums continue from s, c and tot (so a pass may be split into calls without changing any operation)
  L.push('let sw = tot[0], sww = tot[1], nRows = tot[2];');
  L.push(each((a) => `let s${a} = s[${a}];`));
  L.push(cells.map((_, q) => `let c${q} = c[${q}];`).join(' '));
  if (order === 'row') {
    L.push('for (let i = 0; i < n; i++) {');
    L.push('  const k = counts === null ? 1 : counts[i];');
    L.push('  if (k === 0) continue;');
    L.push('  const w = weights === null ? k : k * weights[i];');
    L.push(`  nRows += k; sw += w; sww += w * w; const o = i * ${p};`);
    L.push(`  ${each((a) => `const x${a} = x[o + ${a}]; s${a} += w * x${a};`)}`);
    for (let q = 0; q < cells.length; q++) L.push(`  c${q} += w * (x${cells[q][0]} * x${cells[q][1]});`);
    L.push('}');
  } else {
    // i runs one past the end: there a pending lone row is paired with itself at weight 0.
    L.push('let pend = -1, pw = 0;');
    L.push('for (let i = 0; i <= n; i++) {');
    L.push('  let w = 0, j = i;');
    L.push('  if (i < n) {');
    L.push('    const k = counts === null ? 1 : counts[i];');
    L.push('    if (k === 0) continue;');
    L.push('    w = weights === null ? k : k * weights[i];');
    L.push(`    nRows += k; sw += w; sww += w * w; const o = i * ${p};`);
    L.push(`    ${each((a) => `s${a} += w * x[o + ${a}];`)}`);
    L.push('    if (pend < 0) { pend = i; pw = w; continue; }');
    L.push('  } else if (pend < 0) break;');
    L.push('  else { j = pend; w = 0; }');
    L.push(`  const o1 = pend * ${p}, o2 = j * ${p}, w1 = pw, w2 = w;`);
    L.push('  pend = -1;');
    L.push(`  ${each((a) => `const y${a} = x[o1 + ${a}], z${a} = x[o2 + ${a}];`)}`);
    L.push(`  ${each((a) => `const u${a} = w1 * y${a}, v${a} = w2 * z${a};`)}`);
    for (let q = 0; q < cells.length; q++) {
      const [a, b] = cells[q];
      L.push(`  c${q} += u${a} * y${b} + v${a} * z${b};`);
    }
    L.push('}');
  }
  L.push(each((a) => `s[${a}] = s${a};`));
  L.push(cells.map((_, q) => `c[${q}] = c${q};`).join(' '));
  L.push('tot[0] = sw; tot[1] = sww; tot[2] = nRows;');
  return L.join('\n');
}

/**
 * The generated kernel for p items in the given order (compiled once per p and order), or null when p >
 * {@link MAX_GENERATED_ITEMS} or the environment forbids generating code.
 *
 * @example
 * const k = resampleKernel(2, 'pair');
 * const s = new Float64Array(2), c = new Float64Array(3), tot = new Float64Array(3);
 * k?.(Float64Array.of(1, 2, 3, 4), 2, null, null, s, c, tot); // s = [4, 6], c = [10, 14, 20], tot = [2, 2, 2]
 */
export function resampleKernel(p: number, order: 'pair' | 'row'): ResampleKernel | null {
  if (!(p >= 1 && p <= MAX_GENERATED_ITEMS)) return null;
  const key = `${order}${p}`;
  let k = cache.get(key);
  if (k === undefined) {
    try {
      k = new Function('x', 'n', 'counts', 'weights', 's', 'c', 'tot', resampleKernelSource(p, order)) as ResampleKernel;
    } catch {
      k = null; // e.g. EvalError under a Content-Security-Policy
    }
    cache.set(key, k);
  }
  return k;
}
