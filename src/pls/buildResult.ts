import type { CsiWarning } from '../errors.js';
import type { ModelSpec } from '../model/index.js';
import { adjustedRSquared } from '../stats/index.js';
import { assessQuality, consistentPls, type ConsistentResult, type QualityReport } from '../quality/index.js';
import { combinationCorrelations } from './combinationCorrelations.js';
import { effectPlan, effectsInto, type EffectPlan } from './effects.js';
import { defineLazy } from './lazyProperty.js';
import { numberRecordMaker, recordMaker, type NumberRecordMaker, type RecordMaker } from './recordMaker.js';
import { estimateCore, type CoreFits } from './fitStages.js';
import type { ItemSummary, MissingReport, PlsEffect, PlsFit, PlsResult, PlsSettings } from './types.js';

/** What {@link buildResult} needs besides the fits. */
export interface BuildContext {
  settings: PlsSettings;
  n: number;
  sumWeights: number;
  missing: MissingReport;
  /** Per-item summaries ({@link ItemSummary}). */
  items: Record<string, ItemSummary>;
  warnings: CsiWarning[];
  model: ModelSpec;
}

/**
 * The named, JSON-friendly {@link PlsResult} of a fit: weights and loadings per block (stage-1 ones for dimensions),
 * cross-loadings and construct correlations from the construct weights V on the items (C = V'SV, r = C_ab/√(C_aa C_bb)),
 * paths, R² and adjusted R² = 1 − (1 − R²)(n − 1)/(n − k − 1) (n = Σw of the rows used, k = predictors; seminr
 * `calc_insample`), direct/indirect/total effects ({@link effectMatrices}), PLSc when asked and `assessQuality`
 * (with f² by re-estimation, seminr's `fSquared`, when `settings.fSquared`). `quality` is computed on its first
 * read ({@link defineLazy}: an enumerable property, so JSON, spreading and deep equality see it as before). The names
 * come from a {@link ResultLayout} (built here when not given).
 *
 * @example
 * const result = buildResult(estimateCore(S, items, n, model, settings), context);
 */
export function buildResult(core: CoreFits, ctx: BuildContext, layout: ResultLayout = resultLayout(core, ctx.model)): PlsResult {
  const { final: fit, firstStage } = core;
  const { settings } = ctx;
  const { m } = layout;

  // PLSc corrects mode-A constructs measured by items; a higher-order construct stays a composite (as seminr).
  const plsc = (f: PlsFit): ConsistentResult => {
    const higherOrder = new Set(ctx.model.constructs.filter((c) => (c.dimensions?.length ?? 0) > 0).map((c) => c.name));
    return consistentPls(f, { commonFactors: f.constructNames.filter((nm, j) => f.modes[j] === 'A' && !higherOrder.has(nm)) });
  };
  let consistent: ConsistentResult | undefined;
  if (settings.consistent) consistent = plsc(fit);
  const B = consistent ? consistent.paths : fit.paths;
  const r2 = consistent ? consistent.rSquared : fit.rSquared;

  const weightRows: Record<string, number>[] = [];
  const loadingRows: Record<string, number>[] = [];
  for (const own of layout.own) {
    const f = own.first ? firstStage! : fit;
    weightRows.push(own.maker(f.weights, own.at));
    loadingRows.push(own.maker(own.first ? f.crossLoadings : consistent ? consistent.loadings : f.crossLoadings, own.at));
  }
  const outerWeights = layout.ownTable(weightRows);
  const loadings = layout.ownTable(loadingRows);

  // Every construct (dimensions included) from the effective weights V on items G.
  const { items, S, allNames, V } = core;
  const g = items.length;
  const mAll = allNames.length;
  const { XL, RC } = firstStage ? combinationCorrelations(S, g, V, mAll) : { XL: fit.crossLoadings, RC: fit.constructCorrelation };
  const crossRows: Record<string, number>[] = [];
  for (let k = 0; k < g; k++) crossRows.push(layout.constructRow(XL, layout.crossAt[k]));
  const crossLoadings = layout.itemTable(crossRows);
  const corrRows: Record<string, number>[] = [];
  for (let a = 0; a < mAll; a++) corrRows.push(layout.constructRow(RC, layout.corrAt[a]));
  const constructCorrelations = layout.constructTable(corrRows);

  const paths: PlsEffect[] = [];
  for (let i = 0; i < layout.paths.at.length; i++) paths.push({ from: layout.paths.from[i], to: layout.paths.to[i], estimate: B[layout.paths.at[i]] });
  const nn = fit.n; // Σw behind the correlations (the smallest pairwise Σw under pairwise deletion)
  const rSquared = rSquaredTable(layout, r2, nn);
  const { total, indirect } = layout.effectValues;
  effectsInto(layout.effects, B, total, indirect);
  const list = (mat: Float64Array, pairs: EffectPairs): PlsEffect[] => {
    const out: PlsEffect[] = [];
    for (let i = 0; i < pairs.at.length; i++) out.push({ from: pairs.from[i], to: pairs.to[i], estimate: mat[pairs.at[i]] });
    return out;
  };

  const warnings = [...ctx.warnings, ...fit.warnings];
  if (consistent) warnings.push(...consistent.warnings);
  const converged = fit.converged && (firstStage ? firstStage.converged : true);
  const quality = (): QualityReport => assessQuality(fit, {
    ...(consistent ? { consistent } : {}),
    ...(settings.fSquared ? { reestimate: (without: { from: string; to: string }) => {
      // Never called for a construct's only predictor (fSquared takes R²_excl = 0 there, as seminr).
      const reduced: ModelSpec = { ...ctx.model, paths: ctx.model.paths.filter((pth) => !(pth.from === without.from && pth.to === without.to)) };
      const again = estimateCore(S, items, fit.n, reduced, settings);
      const t = again.final.constructNames.indexOf(without.to);
      return (settings.consistent ? plsc(again.final).rSquared : again.final.rSquared)[t];
    } } : {}),
  });

  const directEffects = list(B, layout.direct);
  const indirectEffects = list(indirect, layout.indirect);
  const totalEffects = list(total, layout.total);
  const result: PlsResult = {
    n: ctx.n,
    sumWeights: ctx.sumWeights,
    iterations: fit.iterations,
    converged,
    weightDiff: fit.weightDiff,
    settings,
    constructs: allNames,
    outerWeights,
    loadings,
    crossLoadings,
    paths,
    rSquared,
    directEffects,
    indirectEffects,
    totalEffects,
    constructCorrelations,
    missing: ctx.missing,
    items: ctx.items,
    warnings,
    fit,
  };
  // Computed on first read (it costs more than the estimation itself); the same report whenever it is read.
  if (settings.quality) defineLazy(result, 'quality', quality);
  if (firstStage) result.firstStage = firstStage;
  if (consistent) result.consistent = consistent;
  return result;
}

/** R² and adjusted R² of every construct whose R² is a number, keyed by construct (in construct order). */
function rSquaredTable(layout: ResultLayout, r2: Float64Array, nn: number): Record<string, { r2: number; adjR2: number }> {
  const { m, names, predictors, endogenous } = layout;
  // The usual case: exactly the endogenous constructs have an R² (one literal); else name by name.
  let usual = true;
  for (let t = 0; t < m; t++) if (Number.isNaN(r2[t]) === (predictors[t] > 0)) usual = false;
  if (usual) {
    const values: { r2: number; adjR2: number }[] = [];
    for (let i = 0; i < endogenous.length; i++) {
      const t = endogenous[i];
      values.push({ r2: r2[t], adjR2: adjustedRSquared(r2[t], nn, predictors[t]) });
    }
    return layout.rSquaredTable(values);
  }
  const rSquared: Record<string, { r2: number; adjR2: number }> = {};
  for (let t = 0; t < m; t++) {
    if (Number.isNaN(r2[t])) continue;
    rSquared[names[t]] = { r2: r2[t], adjR2: adjustedRSquared(r2[t], nn, predictors[t]) };
  }
  return rSquared;
}

/** Effects listed for pairs (from, to): names and the entry from·m + to, in row-major order. */
interface EffectPairs {
  from: string[];
  to: string[];
  at: Int32Array;
}

/**
 * The names of a result's tables, derived from the fits' structure and the model alone (computed once per model by
 * the estimator, see `preparedModel`): which entries of which matrix go under which names, and makers of the
 * named tables ({@link numberRecordMaker}).
 */
export interface ResultLayout {
  m: number;
  /** Final construct names. */
  names: string[];
  /** Each outer-weights / loadings block, in the tables' order: final constructs, then stage-1 ones not among them. */
  own: { first: boolean; at: Int32Array; maker: NumberRecordMaker }[];
  ownTable: RecordMaker<Record<string, number>>;
  /** Row maker over every construct's name (cross-loadings, construct correlations). */
  constructRow: NumberRecordMaker;
  crossAt: Int32Array[];
  corrAt: Int32Array[];
  itemTable: RecordMaker<Record<string, number>>;
  constructTable: RecordMaker<Record<string, number>>;
  paths: EffectPairs;
  /** Number of predictors of each final construct. */
  predictors: Int32Array;
  /** Constructs with predictors, ascending. */
  endogenous: Int32Array;
  rSquaredTable: RecordMaker<{ r2: number; adjR2: number }>;
  effects: EffectPlan;
  /** Workspace of the total and indirect effects (read only to list them). */
  effectValues: { total: Float64Array; indirect: Float64Array };
  direct: EffectPairs;
  indirect: EffectPairs;
  total: EffectPairs;
}

/**
 * The {@link ResultLayout} of an estimation's fits (only their structure is read) and model.
 *
 * @example
 * const layout = resultLayout(core, model);
 * buildResult(core, context, layout);
 */
export function resultLayout(core: CoreFits, model: ModelSpec): ResultLayout {
  const { final: fit, firstStage, items, allNames } = core;
  const names = fit.constructNames;
  const m = names.length;
  const own: ResultLayout['own'] = [];
  const ownNames: string[] = [];
  // The table as it is filled name by name (so that `in` below answers as it would on the table itself).
  const mirror: Record<string, Record<string, number>> = {};
  const ownBlock = (f: PlsFit, j: number, first: boolean): void => {
    const mm = f.constructNames.length;
    const keys = f.blocks[j].map((k) => f.itemNames[k]);
    own.push({ first, at: Int32Array.from(f.blocks[j], (k) => k * mm + j), maker: numberRecordMaker(keys) });
    ownNames.push(f.constructNames[j]);
    const row: Record<string, number> = {};
    for (const key of keys) row[key] = 0;
    mirror[f.constructNames[j]] = row;
  };
  for (let j = 0; j < m; j++) ownBlock(fit, j, false);
  if (firstStage) {
    for (let j = 0; j < firstStage.constructNames.length; j++) {
      if (!(firstStage.constructNames[j] in mirror)) ownBlock(firstStage, j, true);
    }
  }
  const mAll = allNames.length;
  const rowAt = (row: number): Int32Array => Int32Array.from(allNames, (_, a) => row * mAll + a);
  const idx = new Map<string, number>();
  names.forEach((nm, j) => idx.set(nm, j));
  const predictors = new Int32Array(m);
  for (let t = 0; t < m; t++) for (let a = 0; a < m; a++) if (fit.adjacency[a * m + t]) predictors[t]++;
  const endogenous = Int32Array.from(names.map((_, t) => t).filter((t) => predictors[t] > 0));
  const effects = effectPlan(fit.adjacency, m);
  const pairs = (mask: Uint8Array): EffectPairs => {
    const from: string[] = [];
    const to: string[] = [];
    const at: number[] = [];
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) if (mask[a * m + b]) {
      from.push(names[a]);
      to.push(names[b]);
      at.push(a * m + b);
    }
    return { from, to, at: Int32Array.from(at) };
  };
  return {
    m,
    names,
    own,
    ownTable: recordMaker(ownNames),
    constructRow: numberRecordMaker(allNames),
    crossAt: items.map((_, k) => rowAt(k)),
    corrAt: allNames.map((_, a) => rowAt(a)),
    itemTable: recordMaker(items),
    constructTable: recordMaker(allNames),
    paths: {
      from: model.paths.map((pth) => pth.from),
      to: model.paths.map((pth) => pth.to),
      at: Int32Array.from(model.paths, (pth) => idx.get(pth.from)! * m + idx.get(pth.to)!),
    },
    predictors,
    endogenous,
    rSquaredTable: recordMaker(Array.from(endogenous, (t) => names[t])),
    effects,
    effectValues: { total: new Float64Array(m * m), indirect: new Float64Array(m * m) },
    direct: pairs(fit.adjacency),
    indirect: pairs(effects.indirectReach),
    total: pairs(effects.reach),
  };
}
