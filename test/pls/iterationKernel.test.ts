import { describe, expect, it } from 'vitest';
import { parseModel, type ModelSpec } from '../../src/model/index.js';
import { fitPlan, type PlsStructure } from '../../src/pls/fitPlan.js';
import { fitWithPlan, type FitPlsOptions } from '../../src/pls/fitPls.js';
import { stageStructure } from '../../src/pls/fitStages.js';
import { stageTwoModel } from '../../src/pls/twoStage.js';
import { iterationKernel, iterationKernelSource, type KernelBackend } from '../../src/pls/iterationKernel.js';
import { leanEstimator } from '../../src/pls/leanEstimator.js';
import type { InnerScheme, PlsFit } from '../../src/pls/types.js';
import { momentsFromSurvey, type MissingRule } from '../../src/stats/index.js';
import { resampleCounts } from '../../src/inference/index.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';
import { mulberry32 as rng } from '../helpers/random.js';

const SCHEMES: InnerScheme[] = ['path', 'factorial', 'centroid'];
const ARRAYS = ['weights', 'crossLoadings', 'constructCorrelation', 'paths', 'rSquared', 'itemCorrelation'] as const;

type Outcome = { fit: PlsFit } | { error: unknown };

function run(structure: PlsStructure, S: Float64Array, options: FitPlsOptions, compiled: KernelBackend | false): { outcome: Outcome; used: boolean } {
  const plan = fitPlan(structure);
  const kernel = compiled ? iterationKernel(plan, options.scheme, compiled) : null;
  try {
    return { outcome: { fit: fitWithPlan(plan, S, 250, options, undefined, kernel) }, used: kernel !== null };
  } catch (error) {
    return { outcome: { error }, used: kernel !== null };
  }
}

/** Every array element equal by Object.is, every scalar, warning and error identical. */
function expectSame(a: Outcome, b: Outcome, what: string): void {
  if ('error' in a || 'error' in b) {
    expect('error' in a && 'error' in b, `${what}: both throw`).toBe(true);
    const ea = (a as { error: { code?: string; message: string; details?: unknown } }).error;
    const eb = (b as { error: { code?: string; message: string; details?: unknown } }).error;
    expect([ea.code, ea.message, ea.details], what).toEqual([eb.code, eb.message, eb.details]);
    return;
  }
  for (const key of ARRAYS) {
    const x = a.fit[key];
    const y = b.fit[key];
    expect(x.length, `${what} ${key}`).toBe(y.length);
    // Object.is asserted as a boolean (a string would print −0 as 0)
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) expect(Object.is(x[i], y[i]), `${what} ${key}[${i}] ${Object.is(x[i], -0) ? '-0' : x[i]} vs ${Object.is(y[i], -0) ? '-0' : y[i]}`).toBe(true);
  }
  expect(Object.is(a.fit.weightDiff, b.fit.weightDiff), `${what} weightDiff ${a.fit.weightDiff} ${b.fit.weightDiff}`).toBe(true);
  expect([a.fit.iterations, a.fit.converged, a.fit.warnings], what).toEqual([b.fit.iterations, b.fit.converged, b.fit.warnings]);
}

/** Outcomes seen by {@link compare} (so that the tests show they reach errors and non-convergence). */
const seen = { errors: 0, notConverged: 0, fits: 0 };

/** Compiled (WebAssembly and JavaScript) and plain iteration on one structure and S: whether both compiled forms ran. */
function compare(structure: PlsStructure, S: Float64Array, options: FitPlsOptions, what: string): boolean {
  const plain = run(structure, S, options, false);
  const gen = run(structure, S, options, 'js');
  expectSame(gen.outcome, plain.outcome, `${what} (JavaScript)`);
  const wasm = run(structure, S, options, 'wasm');
  expectSame(wasm.outcome, plain.outcome, `${what} (WebAssembly)`);
  if ('error' in plain.outcome) seen.errors++;
  else if (plain.outcome.fit.converged) seen.fits++;
  else seen.notConverged++;
  return gen.used && wasm.used;
}

const structureOf = (model: ModelSpec): PlsStructure => stageStructure(stageTwoModel(model));

describe.skipIf(!HAS_SHARED)(`compiled PLS iteration = plain loop, bit for bit — ${HAS_SHARED ? 'mobi, peer fixtures' : SKIP_MESSAGE}`, () => {
  it('mobi ECSI, three schemes, original and 30 resamples, also capped iterations and tolerance 0', () => {
    const survey = sharedSurvey('datasets/mobi.csv');
    const model = parseModel(sharedText('reference/mobi-ecsi.model'));
    const structure = structureOf(model);
    for (const scheme of SCHEMES) {
      const lean = leanEstimator(model, { scheme })!;
      for (let r = 0; r < 31; r++) {
        const mo = momentsFromSurvey(survey, { items: lean.items, counts: r === 0 ? null : resampleCounts(survey.n, 1, r) });
        const S = lean.fit(mo).itemCorrelation;
        expect(compare(structure, S, { scheme, maxIterations: 300, tolerance: 1e-7 }, `${scheme} #${r}`)).toBe(true);
        if (r < 3) {
          for (const [maxIterations, tolerance] of [[-1, 1e-7], [0, 1e-7], [2, 1e-7], [300, 0], [5, 1e-3]]) {
            compare(structure, S, { scheme, maxIterations, tolerance }, `${scheme} #${r} max ${maxIterations} tol ${tolerance}`);
          }
        }
      }
    }
  });

  it('every peer-fixture model with its data (first-order ones; mode B and higher order take the plain loop)', () => {
    const rows = sharedText('reference/peer-fixtures/cases.tsv')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .map((l) => l.split('\t'));
    let compiled = 0;
    for (const [id, , data, modelFile, , opts] of rows) {
      const model = parseModel(sharedText(`reference/peer-fixtures/models/${modelFile}`));
      const missing = (/--missing (\w+)/.exec(opts ?? '')?.[1] ?? 'mean') as MissingRule;
      const lean = leanEstimator(model, { missing });
      if (!lean) continue;
      const survey = sharedSurvey(data.replace(/^shared\//, ''));
      const S = lean.fit(momentsFromSurvey(survey, { items: lean.items, missing })).itemCorrelation;
      for (const scheme of SCHEMES) if (compare(structureOf(model), S, { scheme, maxIterations: 300, tolerance: 1e-7 }, `${id} ${scheme}`)) compiled++;
    }
    expect(compiled).toBeGreaterThan(0);
  });

  it('leanEstimator fit and fitShared use it and equal the full estimator path', () => {
    const survey = sharedSurvey('datasets/mobi.csv');
    const model = parseModel(sharedText('reference/mobi-ecsi.model'));
    const lean = leanEstimator(model)!;
    const mo = momentsFromSurvey(survey, { items: lean.items });
    const S = lean.fit(mo).itemCorrelation;
    const plain = run(structureOf(model), S, { scheme: 'path', maxIterations: 300, tolerance: 1e-7 }, false).outcome;
    expect(iterationKernel(fitPlan(structureOf(model)), 'path')?.run.length).toBe(6);
    expectSame({ fit: lean.fit(mo) }, plain, 'fit');
    expectSame({ fit: lean.fitShared(mo) }, plain, 'fitShared');
  });
});


/** A random structure (blocks of 1–5 items, possibly shuffled and with unused items; a chain plus random paths) and the correlation matrix of random data. */
function randomCase(seed: number): { structure: PlsStructure; S: Float64Array } {
  const u = rng(seed);
  const m = 2 + Math.floor(u() * 6);
  const sizes = Array.from({ length: m }, () => 1 + Math.floor(u() * 5));
  const extra = u() < 0.3 ? 2 : 0;
  const p = sizes.reduce((s, x) => s + x, 0) + extra;
  const order = Array.from({ length: p }, (_, i) => i);
  if (u() < 0.5) for (let i = p - 1; i > 0; i--) { const j = Math.floor(u() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
  let at = 0;
  const blocks = sizes.map((s) => order.slice(at, (at += s)));
  const adjacency = new Uint8Array(m * m);
  for (let a = 0; a + 1 < m; a++) adjacency[a * m + a + 1] = 1;
  for (let a = 0; a < m; a++) for (let b = a + 2; b < m; b++) if (u() < 0.3) adjacency[a * m + b] = 1;
  // Data: one factor per construct along the chain, items = loading · factor + noise; n = 40.
  const n = 40;
  const z = Array.from({ length: p }, () => new Float64Array(n));
  const gauss = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  for (let i = 0; i < n; i++) {
    const f: number[] = [];
    for (let a = 0; a < m; a++) f.push((a > 0 ? 0.6 * f[a - 1] : 0) + gauss());
    for (let a = 0; a < m; a++) for (const k of blocks[a]) z[k][i] = (u() < 0.2 ? -0.3 : 0.8) * f[a] + gauss();
    for (let k = p - extra; k < p; k++) z[order[k]][i] = gauss();
  }
  const S = new Float64Array(p * p);
  const mean = z.map((c) => c.reduce((s, x) => s + x, 0) / n);
  const sd = z.map((c, k) => Math.sqrt(c.reduce((s, x) => s + (x - mean[k]) ** 2, 0) / (n - 1)));
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) {
    let v = 0;
    for (let i = 0; i < n; i++) v += (z[a][i] - mean[a]) * (z[b][i] - mean[b]);
    S[a * p + b] = v / (n - 1) / (sd[a] * sd[b]);
  }
  return {
    structure: {
      itemNames: Array.from({ length: p }, (_, k) => `x${k}`),
      constructNames: Array.from({ length: m }, (_, a) => `C${a}`),
      blocks,
      modes: blocks.map(() => 'A' as const),
      adjacency,
    },
    S,
  };
}

describe('compiled PLS iteration = plain loop on random structures and correlation matrices', () => {
  it('300 random cases × three schemes, and degenerate matrices (errors identical)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { structure, S } = randomCase(seed);
      for (const scheme of SCHEMES) {
        expect(compare(structure, S, { scheme, maxIterations: 300, tolerance: 1e-7 }, `seed ${seed} ${scheme}`)).toBe(true);
        if (seed <= 20) compare(structure, S, { scheme, maxIterations: 3, tolerance: 1e-7 }, `seed ${seed} ${scheme} max 3`);
      }
      if (seed <= 30) {
        const p = structure.itemNames.length;
        // An item uncorrelated with everything, a duplicated item, a NaN correlation, all zero.
        const T = Float64Array.from(S);
        for (let k = 0; k < p; k++) if (k !== 0) T[k] = T[k * p] = 0;
        const D = Float64Array.from(S);
        for (let k = 0; k < p; k++) D[k * p + 1] = D[p + k] = S[k * p];
        D[p + 1] = 1;
        const N = Float64Array.from(S);
        N[1] = N[p] = NaN;
        const Z = new Float64Array(p * p);
        for (const M of [T, D, N, Z]) for (const scheme of SCHEMES) compare(structure, M, { scheme, maxIterations: 300, tolerance: 1e-7 }, `seed ${seed} ${scheme} degenerate`);
      }
    }
    expect(seen.errors).toBeGreaterThan(0);
    expect(seen.notConverged).toBeGreaterThan(0);
    expect(seen.fits).toBeGreaterThan(0);
  });

  it('models of one structure share a WebAssembly instance: fits alternate freely, errors name each model\'s constructs', () => {
    const options = { scheme: 'path' as const, maxIterations: 300, tolerance: 1e-7 };
    let errors = 0;
    for (let seed = 1; seed <= 60 && errors < 4; seed++) {
      const { structure, S } = randomCase(seed);
      const renamed: PlsStructure = { ...structure, constructNames: structure.constructNames.map((c) => `Other${c}`) };
      const planA = fitPlan(structure);
      const planB = fitPlan(renamed);
      const kA = iterationKernel(planA, 'path', 'wasm');
      const kB = iterationKernel(planB, 'path', 'wasm');
      expect(kA && kB).toBeTruthy();
      const p = structure.itemNames.length;
      // a duplicated item: collinear predictors or a singular proxy inside the compiled iteration, for some seeds
      const D = Float64Array.from(S);
      for (let k = 0; k < p; k++) D[k * p + 1] = D[p + k] = S[k * p];
      D[p + 1] = 1;
      const cases: [PlsStructure, Float64Array][] = [[structure, S], [renamed, D], [renamed, S], [structure, D], [structure, S]];
      for (const [st, M] of cases) {
        const plan = st === structure ? planA : planB;
        let outcome: Outcome;
        try {
          outcome = { fit: fitWithPlan(plan, M, 250, options, undefined, st === structure ? kA : kB) };
        } catch (error) {
          outcome = { error };
        }
        expectSame(outcome, run(st, M, options, false).outcome, `seed ${seed} ${st.constructNames[0]} shared instance`);
        if ('error' in outcome) {
          errors++;
          expect(String((outcome.error as Error).message).includes('Other')).toBe(st === renamed);
        }
      }
    }
    expect(errors).toBeGreaterThanOrEqual(2);
  });

  it('no code generation (a Content Security Policy): null, and the plain loop runs', () => {
    const { structure, S } = randomCase(7);
    const savedFunction = globalThis.Function;
    const savedWasm = globalThis.WebAssembly;
    globalThis.Function = function refused() {
      throw new EvalError('Refused to evaluate a string as JavaScript');
    } as unknown as FunctionConstructor;
    (globalThis as { WebAssembly?: unknown }).WebAssembly = undefined;
    let kernel;
    try {
      kernel = iterationKernel(fitPlan(structure), 'path');
    } finally {
      globalThis.Function = savedFunction;
      globalThis.WebAssembly = savedWasm;
    }
    expect(kernel).toBeNull();
    expect(iterationKernelSource(fitPlan(structure), 'path')).toContain('function run');
    const plan = fitPlan({ ...structure, modes: structure.modes.map((_, j) => (j === 0 ? 'B' : 'A')) });
    expect(iterationKernel(plan, 'path')).toBeNull();
    expect(iterationKernel(plan, 'path', 'wasm')).toBeNull();
    void S;
  });

  it('WebAssembly refused (CSP without wasm-unsafe-eval): the JavaScript kernel, same results; JavaScript refused: WebAssembly', () => {
    // a structure no other test compiled (modules are cached by structure)
    const { structure, S } = randomCase(100_003);
    const options = { scheme: 'path' as const, maxIterations: 300, tolerance: 1e-7 };
    const plain = run(structure, S, options, false).outcome;
    const savedModule = WebAssembly.Module;
    let calls = 0;
    (WebAssembly as { Module: unknown }).Module = function refused() {
      calls++;
      throw new WebAssembly.CompileError('Wasm code generation disallowed by embedder');
    };
    let kernel;
    try {
      expect(iterationKernel(fitPlan(structure), 'path', 'wasm')).toBeNull();
      const plan = fitPlan(structure);
      kernel = iterationKernel(plan, 'path');
      expect(kernel).not.toBeNull();
      expectSame({ fit: fitWithPlan(plan, S, 250, options, undefined, kernel) }, plain, 'JavaScript kernel after WebAssembly refused');
    } finally {
      (WebAssembly as { Module: unknown }).Module = savedModule;
    }
    expect(calls).toBe(1); // the refusal is remembered for the structure
    const savedFunction = globalThis.Function;
    globalThis.Function = function refused() {
      throw new EvalError('Refused to evaluate a string as JavaScript');
    } as unknown as FunctionConstructor;
    try {
      const { structure: other, S: S2 } = randomCase(100_004);
      const plan = fitPlan(other);
      const wasm = iterationKernel(plan, 'path');
      expect(wasm).not.toBeNull();
      expectSame({ fit: fitWithPlan(plan, S2, 250, options, undefined, wasm) }, run(other, S2, options, false).outcome, 'WebAssembly kernel with new Function refused');
    } finally {
      globalThis.Function = savedFunction;
    }
  });
});
