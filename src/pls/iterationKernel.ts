import { SINGULAR_EPS } from '../stats/index.js';
import { compileWasm, wasmApi } from '../wasm/index.js';
import type { FitPlan } from './fitPlan.js';
import { collinearPredictors, innerProxySingular, outerWeightsSingular } from './innerWeights.js';
import type { InnerScheme } from './types.js';
import { iterationLayout, iterationWasm, MAX_TERMS, straightLineTerms, type IterationLayout } from './iterationWasm.js';

/**
 * The PLS iteration of {@link fitWithPlan} compiled for one plan and one inner scheme. `run(S, w, SWt, state)`
 * starts from the weights in w, iterates, writes the final weights back into w and
 * state = [iterations, converged (0/1), weightDiff]; returns false (w untouched) when a proxy correlation is not
 * finite, where the plain loop takes a different summation (the caller then runs the plain loop). On true, SWt and
 * the plan's C hold S·W and W'SW of the final weights.
 */
export interface IterationKernel {
  plan: FitPlan;
  scheme: InnerScheme;
  run(S: Float64Array, w: Float64Array, SWt: Float64Array, state: Float64Array, maxIterations: number, tolerance: number): boolean;
  /**
   * Present when the kernel forms the fit's arrays too (the WebAssembly form): after `run` returned true, copies its
   * weights, construct correlations, cross-loadings, paths and R² (those of `fitWithPlan`'s end) into the arrays
   * given; w, SWt and C are then not written by `run`. Its `run` throws the path model's collinear-predictors error
   * where fitWithPlan's end would.
   */
  finish?(weights: Float64Array, constructCorrelation: Float64Array, crossLoadings: Float64Array, paths: Float64Array, rSquared: Float64Array): void;
}

type Factory = (C: Float64Array, tiny: number, fail: (what: number, b: number) => never) => IterationKernel['run'];

/**
 * Compiled sources (null: code generation refused), at most {@link MAX_CACHED}: the kernels of one model share their
 * compiled function, so V8 optimises it once (a bootstrap builds a new estimator per call).
 */
const factories = new Map<string, Factory | null>();
const MAX_CACHED = 16;


/**
 * Source of the iteration of {@link fitWithPlan} for a plan (mode A only) and scheme, with the structure's indices
 * as constants: every floating-point operation of the plain loop in the same order (S·W as a loop over rows, block
 * a's terms in ascending item order; C = W'SW, R_Y, the inner weights, their variances, F, cov and the outer
 * normalisation straight-line, zero tests kept at run time). Null when the straight-line part would be too large.
 *
 * @example
 * iterationKernelSource(fitPlan(structure), 'path') // 'const m = …'
 */
export function iterationKernelSource(plan: FitPlan, scheme: InnerScheme): string | null {
  const { p, m, sortedBlocks, blockIdx, neighbours, preds, succ, structure } = plan;
  const adjacency = structure.adjacency;
  if (straightLineTerms(plan) > MAX_TERMS) return null;
  const L: string[] = [];
  const items: number[] = [];
  for (let a = 0; a < m; a++) for (const k of blockIdx[a]) items.push(k);
  items.sort((x, y) => x - y);
  L.push(`let iterations = 0, converged = false, weightDiff = NaN;`);
  L.push(`let ${items.map((k) => `w${k} = w[${k}]`).join(', ')};`);
  // The plain loop `for (it = 0; it <= maxIterations; it++)`, with S·W and C formed at the top of each pass and once
  // more for the final weights (the plain post-processing's proxyCovariances): `done` ends the loop after that.
  const cs: string[] = [];
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) cs.push(`c${a}_${b} = 0`);
  L.push(`let ${cs.join(', ')};`);
  L.push(`let it = 0, done = !(it <= maxIterations);`);
  L.push(`for (;;) {`);
  swSource(L, plan);
  // C = W'SW: C[a, b] = Σ_{k ∈ block a, ascending} w[k] (SW)[k, b] (from 0); d = √diag(C).
  for (let a = 0; a < m; a++) {
    const K = sortedBlocks[a];
    for (let b = 0; b < m; b++) L.push(`c${a}_${b} = 0${Array.from(K, (k) => ` + w${k} * SWt[${b * p + k}]`).join('')};`);
  }
  L.push(`if (done) break;`);
  L.push(`iterations = it;`);
  const fDecl: string[] = [];
  for (let b = 0; b < m; b++) for (const a of neighbours[b]) fDecl.push(`f${a}_${b} = 0`);
  if (fDecl.length > 0) L.push(`let ${fDecl.join(', ')};`);
  for (let a = 0; a < m; a++) L.push(`const d${a} = Math.sqrt(c${a}_${a});`);
  // R_Y. A non-finite entry (their sum is then NaN or ±∞; an overflowing sum of finite ones only costs a rerun):
  // back to the plain loop.
  const offDiagonal: string[] = [];
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      if (a === b) {
        L.push(`const r${a}_${b} = 1;`);
      } else {
        L.push(`const r${a}_${b} = c${a}_${b} / (d${a} * d${b});`);
        offDiagonal.push(`r${a}_${b}`);
      }
    }
  }
  L.push(`const finite = 0${offDiagonal.map((x) => ` + ${x}`).join('')};`);
  L.push(`if (!(finite - finite === 0)) return false;`);
  // Inner weights E on the neighbour pairs (the only entries read).
  const declared = new Set<string>();
  const set = (a: number, b: number, expr: string) => {
    const name = `e${a}_${b}`;
    L.push(declared.has(name) ? `${name} = ${expr};` : `let ${name} = ${expr};`);
    declared.add(name);
  };
  if (scheme === 'path') {
    for (let b = 0; b < m; b++) for (const a of succ[b]) set(a, b, `r${a}_${b}`);
    for (let t = 0; t < m; t++) {
      const P = preds[t];
      if (P.length === 0) continue;
      solveSource(L, P, t);
      for (let i = 0; i < P.length; i++) set(P[i], t, `o${t}_${i}`);
    }
  } else {
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        if (adjacency[a * m + b] || adjacency[b * m + a]) set(a, b, scheme === 'factorial' ? `r${a}_${b}` : `Math.sign(r${a}_${b})`);
      }
    }
  }
  // Variances of the inner proxies, F = E / √var on the neighbours.
  for (let b = 0; b < m; b++) {
    const N = neighbours[b];
    L.push(`{ let v = 0;`);
    for (const a of N) {
      L.push(`if (e${a}_${b} !== 0) {`);
      for (const c of N) L.push(`v += e${a}_${b} * r${a}_${c} * e${c}_${b};`);
      L.push(`}`);
    }
    L.push(`if (!(v > 0)) fail(1, ${b});`);
    L.push(`const sv = Math.sqrt(v);`);
    for (const a of N) L.push(`f${a}_${b} = e${a}_${b} / sv;`);
    L.push(`}`);
  }
  // cov(z_k, Ẑ_b) = Σ_{a ∈ N(b), F[a,b] ≠ 0} (SW)[k,a] / d_a · F[a,b]; mode A: w_new = cov, then scaled.
  for (let b = 0; b < m; b++) {
    const N = neighbours[b];
    for (const k of blockIdx[b]) {
      L.push(`let n${k} = 0;`);
      for (const a of N) L.push(`if (f${a}_${b} !== 0) n${k} += (SWt[${a * p + k}] / d${a}) * f${a}_${b};`);
    }
  }
  for (let b = 0; b < m; b++) {
    const K = blockIdx[b];
    L.push(`{ let v = 0;`);
    for (const ki of K) for (const kj of K) L.push(`v += n${ki} * S[${ki * p + kj}] * n${kj};`);
    L.push(`if (!(v > 0)) fail(2, ${b});`);
    L.push(`const sd = Math.sqrt(v);`);
    for (const k of K) L.push(`n${k} /= sd;`);
    L.push(`}`);
  }
  L.push(`let diff = 0;`);
  for (const k of items) L.push(`diff += Math.abs(n${k} - w${k});`);
  L.push(`weightDiff = diff;`);
  L.push(items.map((k) => `w${k} = n${k};`).join(' '));
  L.push(`if (diff < tolerance) { converged = true; done = true; } else { it++; done = !(it <= maxIterations); }`);
  L.push(`}`);
  L.push(items.map((k) => `w[${k}] = w${k};`).join(' '));
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) L.push(`C[${a * m + b}] = c${a}_${b};`);
  L.push(`state[0] = iterations; state[1] = converged ? 1 : 0; state[2] = weightDiff;`);
  L.push(`return true;`);
  return `return function run(S, w, SWt, state, maxIterations, tolerance) {\n${L.join('\n')}\n};`;
}

/**
 * Source of S·W, transposed: SWt[a·p + k] = Σ_{l ∈ block a, ascending} S[k, l] w[l] (from 0), a row of S at a time
 * (proxyCovariances in fitPls.ts, the same terms in the same order for each entry).
 */
function swSource(L: string[], plan: FitPlan): void {
  const { p, m, sortedBlocks } = plan;
  L.push(`for (let k = 0, q = 0; k < ${p}; k++, q += ${p}) {`);
  for (let a = 0; a < m; a++) L.push(`SWt[${a * p} + k] = 0${Array.from(sortedBlocks[a], (l) => ` + S[q + ${l}] * w${l}`).join('')};`);
  L.push(`}`);
}

/**
 * Source of `solveSubSpdInto(R_Y, m, P, t, ·)` (stats/linalg.ts) unrolled for the predecessors P of t: the Cholesky
 * factor of R_Y[P, P] (locals l{t}_{i}_{j}), then the two triangular solves into o{t}_{i}, the same operations in the
 * same order. Its pivot threshold is SINGULAR_EPS · max|diag| where the diagonal of R_Y is 1, so SINGULAR_EPS.
 */
function solveSource(L: string[], P: Int32Array, t: number): void {
  const k = P.length;
  const l = (i: number, j: number) => `l${t}_${i}_${j}`;
  const o = (i: number) => `o${t}_${i}`;
  const r = (a: number, b: number) => `r${a}_${b}`;
  for (let j = 0; j < k; j++) {
    L.push(`let ${l(j, j)} = ${r(P[j], P[j])}${Array.from({ length: j }, (_, q) => ` - ${l(j, q)} * ${l(j, q)}`).join('')};`);
    L.push(`if (!(${l(j, j)} > tiny)) fail(0, ${t});`);
    L.push(`${l(j, j)} = Math.sqrt(${l(j, j)});`);
    for (let i = j + 1; i < k; i++) L.push(`const ${l(i, j)} = (${r(P[i], P[j])}${Array.from({ length: j }, (_, q) => ` - ${l(i, q)} * ${l(j, q)}`).join('')}) / ${l(j, j)};`);
  }
  for (let i = 0; i < k; i++) L.push(`let ${o(i)} = (${r(P[i], t)}${Array.from({ length: i }, (_, q) => ` - ${l(i, q)} * ${o(q)}`).join('')}) / ${l(i, i)};`);
  for (let i = k - 1; i >= 0; i--) {
    if (i === k - 1) {
      L.push(`${o(i)} = ${o(i)} / ${l(i, i)};`);
    } else {
      L.push(`${o(i)} = (${o(i)}${Array.from({ length: k - 1 - i }, (_, q) => ` - ${l(i + 1 + q, i)} * ${o(i + 1 + q)}`).join('')}) / ${l(i, i)};`);
    }
  }
}

/** Which form {@link iterationKernel} builds: WebAssembly, else JavaScript (`auto`), or only one of them (tests). */
export type KernelBackend = 'auto' | 'wasm' | 'js';

/**
 * The {@link IterationKernel} of a plan and scheme, or null where the plain loop runs: mode-B blocks, a structure too
 * large to compile (see {@link iterationKernelSource}), or no code generation. Built as WebAssembly
 * ({@link iterationWasm}: compiled at once by the engine's baseline compiler, so a fresh process's first fits run
 * fast, where a generated JavaScript function runs in the interpreter until the optimizer has compiled it), else —
 * no WebAssembly, or its compilation refused (a Content Security Policy; a browser's main thread refusing to compile
 * a large module synchronously) — as a JavaScript function (`new Function`; refused too under a strict CSP). Both
 * give the plain loop's results bit for bit, errors included.
 *
 * @example
 * const kernel = iterationKernel(plan, 'path');
 * fitWithPlan(plan, S, n, options, undefined, kernel);
 */
export function iterationKernel(plan: FitPlan, scheme: InnerScheme, backend: KernelBackend = 'auto'): IterationKernel | null {
  if (plan.modeB.length > 0) return null;
  const names = plan.structure.constructNames;
  const fail = (what: number, b: number): never => {
    if (what === 0 || what === 3) throw collinearPredictors(names[b], Array.from(plan.preds[b], (a) => names[a]), what === 0 ? 'inner weighting' : 'path model');
    throw what === 1 ? innerProxySingular(names[b]) : outerWeightsSingular(names[b]);
  };
  if (backend !== 'js') {
    const wasm = wasmKernel(plan, scheme, fail);
    if (wasm) return wasm;
    if (backend === 'wasm') return null;
  }
  const source = iterationKernelSource(plan, scheme);
  if (source === null) return null;
  let make = factories.get(source);
  if (make === undefined) {
    try {
      make = new Function('C', 'tiny', 'fail', source) as Factory;
    } catch {
      make = null; // e.g. EvalError under a Content Security Policy
    }
    if (factories.size >= MAX_CACHED) factories.delete(factories.keys().next().value!);
    factories.set(source, make);
  }
  return make === null ? null : { plan, scheme, run: make(plan.work.C, SINGULAR_EPS, fail) };
}

/**
 * One instance per compiled structure (null: not compiled or compilation refused), at most {@link MAX_CACHED}: its
 * memory holds one fit at a time, and `fail` is the error maker of the kernel running now (kernels of models with
 * the same structure but other names share the instance; a fit's `run` and `finish` follow each other synchronously).
 */
interface WasmEntry {
  fail: (what: number, b: number) => never;
  iterate: (maxIterations: number, tolerance: number) => number;
  mem: Float64Array;
  at: IterationLayout;
}
const instances = new Map<string, WasmEntry | null>();

/**
 * The kernel on the shared instance of the plan's {@link iterationWasm} module: `run` copies S and the start
 * weights in and the state out, `finish` the fit's arrays. Null when there is no WebAssembly, the structure is not
 * compiled, or compilation is refused.
 */
function wasmKernel(plan: FitPlan, scheme: InnerScheme, fail: (what: number, b: number) => never): IterationKernel | null {
  if (wasmApi() === null) return null;
  // the module is a function of the scheme and the structure's blocks, modes and paths alone
  const { structure } = plan;
  const key = `${scheme}|${structure.itemNames.length}|${structure.modes.join(',')}|${structure.blocks.map((b) => b.join(',')).join(';')}|${structure.adjacency.join('')}`;
  let entry = instances.get(key);
  if (entry === undefined) {
    entry = wasmInstance(plan, scheme);
    if (instances.size >= MAX_CACHED) instances.delete(instances.keys().next().value!);
    instances.set(key, entry);
  }
  if (entry === null) return null;
  const e = entry;
  const { p, m } = plan;
  const { mem, at } = e;
  const view = (from: number, length: number) => mem.subarray(from, from + length);
  const stateOut = view(at.state, 3);
  const weightsOut = view(at.weights, p * m);
  const rOut = view(at.R, m * m);
  const loadingsOut = view(at.crossLoadings, p * m);
  const pathsOut = view(at.paths, m * m);
  const r2Out = view(at.rSquared, m);
  return {
    plan,
    scheme,
    run(S, w, _SWt, state, maxIterations, tolerance) {
      e.fail = fail;
      mem.set(S, at.S);
      mem.set(w, at.w);
      if (e.iterate(maxIterations, tolerance) === 0) return false;
      state.set(stateOut);
      return true;
    },
    finish(weights, constructCorrelation, crossLoadings, paths, rSquared) {
      weights.set(weightsOut);
      constructCorrelation.set(rOut);
      crossLoadings.set(loadingsOut);
      paths.set(pathsOut);
      rSquared.set(r2Out);
    },
  };
}

/** An instance of the plan's module, or null (not compiled; compilation or instantiation refused). */
function wasmInstance(plan: FitPlan, scheme: InnerScheme): WasmEntry | null {
  const bytes = iterationWasm(plan, scheme);
  if (bytes === null) return null;
  const entry: WasmEntry = {
    fail: () => {
      throw new Error('no kernel is running');
    },
    iterate: () => 0,
    mem: new Float64Array(0),
    at: iterationLayout(plan.p, plan.m),
  };
  const module = compileWasm(bytes);
  if (module === null) return null; // refused (CSP without 'wasm-unsafe-eval', a browser's main-thread size limit)
  try {
    const instance = new WebAssembly.Instance(module, { env: { call: (what: number, b: number) => entry.fail(what, b) } });
    entry.mem = new Float64Array((instance.exports.memory as WebAssembly.Memory).buffer);
    entry.iterate = instance.exports.run as WasmEntry['iterate'];
  } catch {
    return null; // instantiation refused (e.g. out of memory)
  }
  return entry;
}
