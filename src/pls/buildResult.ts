import type { CsiWarning } from '../errors.js';
import type { ModelSpec } from '../model/index.js';
import { adjustedRSquared } from '../stats/index.js';
import { assessQuality, consistentPls, type ConsistentResult, type QualityReport } from '../quality/index.js';
import { combinationCorrelations } from './combinationCorrelations.js';
import { effectMatrices } from './effects.js';
import { defineLazy } from './lazyProperty.js';
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
 * read ({@link defineLazy}: an enumerable property, so JSON, spreading and deep equality see it as before).
 *
 * @example
 * const result = buildResult(estimateCore(S, items, n, model, settings), context);
 */
export function buildResult(core: CoreFits, ctx: BuildContext): PlsResult {
  const { final: fit, firstStage } = core;
  const { settings } = ctx;
  const names = fit.constructNames;
  const m = names.length;

  // PLSc corrects mode-A constructs measured by items; a higher-order construct stays a composite (as seminr).
  const higherOrder = new Set(ctx.model.constructs.filter((c) => (c.dimensions?.length ?? 0) > 0).map((c) => c.name));
  const plsc = (f: PlsFit): ConsistentResult =>
    consistentPls(f, { commonFactors: f.constructNames.filter((nm, j) => f.modes[j] === 'A' && !higherOrder.has(nm)) });
  let consistent: ConsistentResult | undefined;
  if (settings.consistent) consistent = plsc(fit);
  const B = consistent ? consistent.paths : fit.paths;
  const r2 = consistent ? consistent.rSquared : fit.rSquared;

  const outerWeights: Record<string, Record<string, number>> = {};
  const loadings: Record<string, Record<string, number>> = {};
  const ownBlock = (f: PlsFit, j: number, L: Float64Array) => {
    const mm = f.constructNames.length;
    const w: Record<string, number> = {};
    const l: Record<string, number> = {};
    for (const k of f.blocks[j]) {
      w[f.itemNames[k]] = f.weights[k * mm + j];
      l[f.itemNames[k]] = L[k * mm + j];
    }
    outerWeights[f.constructNames[j]] = w;
    loadings[f.constructNames[j]] = l;
  };
  for (let j = 0; j < m; j++) ownBlock(fit, j, consistent ? consistent.loadings : fit.crossLoadings);
  if (firstStage) {
    for (let j = 0; j < firstStage.constructNames.length; j++) {
      if (!(firstStage.constructNames[j] in outerWeights)) ownBlock(firstStage, j, firstStage.crossLoadings);
    }
  }

  // Every construct (dimensions included) from the effective weights V on items G.
  const { items, S, allNames, V } = core;
  const g = items.length;
  const mAll = allNames.length;
  const { XL, RC } = firstStage ? combinationCorrelations(S, g, V, mAll) : { XL: fit.crossLoadings, RC: fit.constructCorrelation };
  const crossLoadings: Record<string, Record<string, number>> = {};
  items.forEach((item, k) => {
    const row: Record<string, number> = {};
    allNames.forEach((c, a) => (row[c] = XL[k * mAll + a]));
    crossLoadings[item] = row;
  });
  const constructCorrelations: Record<string, Record<string, number>> = {};
  allNames.forEach((a, i) => {
    const row: Record<string, number> = {};
    allNames.forEach((b, j) => (row[b] = RC[i * mAll + j]));
    constructCorrelations[a] = row;
  });

  const idx = new Map<string, number>();
  names.forEach((nm, j) => idx.set(nm, j));
  const paths: PlsEffect[] = ctx.model.paths.map((pth) => ({ from: pth.from, to: pth.to, estimate: B[idx.get(pth.from)! * m + idx.get(pth.to)!] }));
  const rSquared: Record<string, { r2: number; adjR2: number }> = {};
  const nn = fit.n; // Σw behind the correlations (the smallest pairwise Σw under pairwise deletion)
  for (let t = 0; t < m; t++) {
    if (Number.isNaN(r2[t])) continue;
    let k = 0;
    for (let a = 0; a < m; a++) if (fit.adjacency[a * m + t]) k++;
    rSquared[names[t]] = { r2: r2[t], adjR2: adjustedRSquared(r2[t], nn, k) };
  }
  const eff = effectMatrices(B, fit.adjacency, m);
  const list = (mat: Float64Array, mask: Uint8Array): PlsEffect[] => {
    const out: PlsEffect[] = [];
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) if (mask[a * m + b]) out.push({ from: names[a], to: names[b], estimate: mat[a * m + b] });
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
    directEffects: list(B, fit.adjacency),
    indirectEffects: list(eff.indirect, eff.indirectReach),
    totalEffects: list(eff.total, eff.reach),
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
