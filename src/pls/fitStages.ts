import { CsiError } from '../errors.js';
import type { ModelSpec } from '../model/index.js';
import { combinationCorrelations } from './combinationCorrelations.js';
import { fitWithPlan, type FitPlsOptions, type PlsProblem } from './fitPls.js';
import { fitPlan, type FitPlan } from './fitPlan.js';
import { iterationKernel, type IterationKernel } from './iterationKernel.js';
import { fitOptionsOf } from './settings.js';
import { stageOneModel, stageTwoModel, type StageModel } from './twoStage.js';
import type { InnerScheme, PlsFit, PlsSettings } from './types.js';

/** The fits of one estimation: the final (stage-2) fit and, for higher-order models, stage 1. */
export interface CoreFits {
  final: PlsFit;
  firstStage: PlsFit | null;
  /** Items G (the correlation matrix's order). */
  items: string[];
  S: Float64Array;
  /** Every construct (final ones, then dimensions) as weights on the standardized items G: |G| × mAll. */
  allNames: string[];
  V: Float64Array;
}

/**
 * Runs the PLS fits of a model on the item correlation matrix S of items G: one fit, or for a model with
 * higher-order constructs seminr's disjoint two-stage approach (methodology §8.10): stage 1 on {@link stageOneModel};
 * each dimension score Y_d = Z·u_d is a unit-variance combination of the standardized items (u_d = stage-1 weights
 * / √(w'Sw)), so stage 2's indicator correlations are U'SU (U = [items | u_d]) without touching rows; every construct
 * of both stages is returned as weights V on G (for scores, cross-loadings and construct correlations).
 *
 * @example
 * const core = estimateCore(S, items, 250, model, settings);
 * core.final.paths; core.V
 */
export function estimateCore(S: Float64Array, items: string[], n: number, model: ModelSpec, settings: PlsSettings, plans: CorePlans = corePlans(model)): CoreFits {
  const g = items.length;
  const fitOptions = fitOptionsOf(settings);
  if (!plans.s1) {
    const fit = fitStage(plans.s2, items, S, n, fitOptions);
    return { final: fit, firstStage: null, items, S, allNames: fit.constructNames, V: fit.weights };
  }
  const itemIndex = new Map<string, number>();
  items.forEach((name, k) => itemIndex.set(name, k));
  const fit1 = fitStage(plans.s1, items, S, n, fitOptions);
  const m1 = fit1.constructNames.length;
  // Each stage-1 construct as a unit-variance combination of G.
  const dimCol = new Map<string, Float64Array>();
  for (let d = 0; d < m1; d++) {
    const u = new Float64Array(g);
    for (let k = 0; k < g; k++) u[k] = fit1.weights[k * m1 + d];
    dimCol.set(fit1.constructNames[d], scaleToUnit(u, S, g));
  }
  const indicators = plans.s2.structure.itemNames;
  const q = indicators.length;
  const U = new Float64Array(g * q); // U[k·q + i]: indicator i as weights on G
  indicators.forEach((name, i) => {
    const k = itemIndex.get(name);
    if (k !== undefined) U[k * q + i] = 1;
    else {
      const u = dimCol.get(name);
      if (!u) throw new CsiError('MODEL_INVALID', `Dimension ${name} is not estimated in stage 1 (it is in no stage-1 path).`, { construct: name });
      for (let kk = 0; kk < g; kk++) U[kk * q + i] = u[kk];
    }
  });
  const S2 = combinationCorrelations(S, g, U, q).RC;
  const fit2 = fitStage(plans.s2, indicators, S2, n, fitOptions);
  // Effective weights of every construct on G.
  const m2 = fit2.constructNames.length;
  const dims = model.constructs.filter((c) => (c.dimensions?.length ?? 0) > 0).flatMap((c) => c.dimensions ?? []);
  const allNames = [...fit2.constructNames, ...dims.filter((d) => !fit2.constructNames.includes(d))];
  const mAll = allNames.length;
  const V = new Float64Array(g * mAll);
  for (let c = 0; c < m2; c++) {
    for (let i = 0; i < q; i++) {
      const w = fit2.weights[i * m2 + c];
      if (w === 0) continue;
      for (let k = 0; k < g; k++) V[k * mAll + c] += w * U[k * q + i];
    }
  }
  for (let c = m2; c < mAll; c++) {
    const u = dimCol.get(allNames[c])!;
    for (let k = 0; k < g; k++) V[k * mAll + c] = u[k];
  }
  const warn = (fit: PlsFit, stage: string) => fit.warnings.map((w) => ({ ...w, message: `${stage}: ${w.message}` }));
  fit2.warnings = [...warn(fit1, 'Stage 1'), ...warn(fit2, 'Stage 2')];
  return { final: fit2, firstStage: fit1, items, S, allNames, V };
}

/**
 * One stage's structure and its {@link FitPlan} (built on the first fit, so an invalid structure throws there), and
 * the plan's compiled iterations by inner scheme (built on the plan's second fit: a model estimated once does not
 * pay for compiling; see {@link iterationKernel}).
 */
export interface StagePlan {
  structure: StageStructure;
  plan: FitPlan | null;
  /** Fits made with this plan so far. */
  fits?: number;
  kernels?: Map<InnerScheme, IterationKernel | null>;
}

/** The stage structures of a model, built once per model: stage 2 (the whole model when first-order) and stage 1. */
export interface CorePlans {
  /** Stage 1 of a higher-order model; null for a first-order model. */
  s1: StagePlan | null;
  s2: StagePlan;
}

/**
 * The {@link CorePlans} of a model: what {@link estimateCore} derives from the model alone, reusable across fits.
 *
 * @example
 * const plans = corePlans(model);
 * estimateCore(S, items, n, model, settings, plans);
 */
export function corePlans(model: ModelSpec): CorePlans {
  const twoStage = model.constructs.some((c) => (c.dimensions?.length ?? 0) > 0);
  return {
    s1: twoStage ? { structure: stageStructure(stageOneModel(model)), plan: null } : null,
    s2: { structure: stageStructure(stageTwoModel(model)), plan: null },
  };
}

/** fitWithPlan on a stage's plan, over the stage's indicators taken from S (indicators `indicators`). */
function fitStage(st: StagePlan, indicators: readonly string[], S: Float64Array, n: number, options: FitPlsOptions): PlsFit {
  const used = st.structure.itemNames;
  const p = used.length;
  let Ssub = S;
  if (p !== indicators.length || used.some((name, i) => name !== indicators[i])) {
    // Only the indicators of this stage's constructs, block by block.
    const index = new Map<string, number>();
    indicators.forEach((name, k) => index.set(name, k));
    const pos = used.map((name) => index.get(name)!);
    Ssub = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) Ssub[i * p + j] = S[pos[i] * indicators.length + pos[j]];
  }
  st.plan ??= fitPlan(st.structure);
  st.fits = (st.fits ?? 0) + 1;
  let kernel: IterationKernel | null = null;
  if (st.fits >= 2) {
    st.kernels ??= new Map();
    kernel = st.kernels.get(options.scheme) ?? null;
    if (!st.kernels.has(options.scheme)) st.kernels.set(options.scheme, (kernel = iterationKernel(st.plan, options.scheme)));
  }
  return fitWithPlan(st.plan, Ssub, n, options, undefined, kernel);
}

/** The structure of a stage model's PLS problem (everything but S and n), indicators numbered block by block. */
export type StageStructure = Omit<PlsProblem, 'S' | 'n'>;

/**
 * The structure of a stage model as {@link fitPls} reads it: indicators block by block, modes, path adjacency.
 *
 * @example
 * const { itemNames, blocks } = stageStructure(stageTwoModel(model));
 */
export function stageStructure(stage: StageModel): StageStructure {
  const m = stage.constructs.length;
  const cIndex = new Map<string, number>();
  stage.constructs.forEach((c, j) => cIndex.set(c.name, j));
  const adjacency = new Uint8Array(m * m);
  for (const pth of stage.paths) adjacency[cIndex.get(pth.from)! * m + cIndex.get(pth.to)!] = 1;
  let offset = 0;
  const blocks = stage.constructs.map((c) => c.indicators.map(() => offset++));
  return {
    itemNames: stage.constructs.flatMap((c) => c.indicators),
    constructNames: stage.constructs.map((c) => c.name),
    blocks,
    modes: stage.constructs.map((c) => c.mode),
    adjacency,
  };
}

/** u / √(u'Su). */
function scaleToUnit(u: Float64Array, S: Float64Array, g: number): Float64Array {
  let v = 0;
  for (let a = 0; a < g; a++) {
    if (u[a] === 0) continue;
    for (let b = 0; b < g; b++) v += u[a] * S[a * g + b] * u[b];
  }
  const sd = Math.sqrt(v);
  return u.map((x) => x / sd);
}
