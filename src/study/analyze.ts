import { fileRowOf, type Codebook, type Survey } from '../data/index.js';
import { CsiError, type CsiWarning } from '../errors.js';
import {
  checkColumnsInScale,
  constructIndices,
  impacts,
  indexScores,
  ipma,
  indexScales,
  rollUpHierarchy,
  type ConstructIndices,
  type ItemScale,
} from '../indices/index.js';
import { parseModel, parseModelJson, type ModelSpec } from '../model/index.js';
import { estimateFromMoments, resultToJson, type EstimateOptions, type PlsResult } from '../pls/index.js';
import { estimateSurvey } from '../inference/index.js';
import { surveyColumns, type MissingRule, type Moments } from '../stats/index.js';

import { studyIndexScores } from '../gaps/index.js';
import { kpiSection, type KpiSectionIndex, type KpiSectionSpec } from './kpiSection.js';
import { parseStudySpec, type StudySpec, type StudySpecInput } from './spec.js';
import type { Study } from './types.js';
import { addTracking } from './addTracking.js';
import type { GroupedMoments } from '../segments/index.js';

/** What {@link analyzeDetailed} returns: the Study and the pieces the CLI still renders from (estimation text, bootstrap). */
export interface AnalyzeDetail {
  study: Study;
  result: PlsResult;
  model: ModelSpec;
  spec: StudySpec;
  /** The moments the indices came from. */
  moments: Moments;
}

/** True when `input` is {@link Moments} (sums), not a {@link Survey} (columns). */
function isMoments(input: Survey | Moments): input is Moments {
  return 'sw' in input && 'c' in input;
}

/** The model of a spec: text is parsed, JSON validated. */
export function studyModel(spec: StudySpec): ModelSpec {
  return typeof spec.model === 'string' ? parseModel(spec.model) : parseModelJson(spec.model);
}

/** The estimation options a spec names (seminr defaults otherwise). */
export function studyEstimateOptions(spec: StudySpec): EstimateOptions {
  const e = spec.estimation ?? {};
  const o: EstimateOptions = {};
  if (e.scheme) o.scheme = e.scheme;
  if (e.missing) o.missing = e.missing;
  if (e.maxIterations !== undefined) o.maxIterations = e.maxIterations;
  if (e.tolerance !== undefined) o.tolerance = e.tolerance;
  if (e.consistent !== undefined) o.consistent = e.consistent;
  if (e.fSquared !== undefined) o.fSquared = e.fSquared;
  return o;
}

/**
 * Runs a study: estimates the model on a survey (or on engine/segment moments) and adds every analysis the spec
 * names, returning one plain, JSON-safe {@link Study} (today's `csi estimate --json` keys at the top level, plus
 * `indices`, `indexWeights`, `indexWeightSource`, `indexScales`, `ipma`, `impacts`, `hierarchy`, `indexScores`).
 * Formulas live in `src/indices/`; this only assembles.
 *
 * @example
 * const study = analyze(survey, { model: 'Sat =~ s1 + s2\nQ =~ q1 + q2\nSat ~ Q', scale: [1, 10], ipma: ['Sat'] });
 * study.indices?.Sat.mean; study.ipma?.Sat.priorities
 */
export function analyze(input: Survey | Moments, spec: StudySpecInput): Study {
  return analyzeDetailed(input, spec).study;
}

/**
 * {@link analyze}, also returning the estimation result, model and moments (for renderers and the CLI's bootstrap).
 *
 * @example
 * const { study, result } = analyzeDetailed(survey, spec);
 */
export function analyzeDetailed(input: Survey | Moments, specInput: StudySpecInput): AnalyzeDetail {
  const spec = parseStudySpec(specInput);
  const model = studyModel(spec);
  const options = studyEstimateOptions(spec);
  let result: PlsResult;
  let moments: Moments;
  if (isMoments(input)) {
    moments = input;
    result = estimateFromMoments(input, model, options);
  } else {
    // One pass over the rows: the indices read the moments the estimate was made from.
    ({ result, moments } = estimateSurvey(input, model, options));
  }
  const study = studyFromResult(result, moments, model, spec, isMoments(input) ? undefined : input);
  return { study, result, model, spec, moments };
}

/**
 * The Study of an estimation result already in hand (the engine path: moments from DuckDB/ClickHouse and
 * `estimateFromMoments`): `resultToJson(result)` plus the analyses of the spec, from `moments` (and the survey's rows
 * only for per-respondent indices and entropy weights).
 *
 * @example
 * const study = studyFromResult(result, engine.moments, model, parseStudySpec({ model: text, scale: [1, 10] }));
 */
export function studyFromResult(result: PlsResult, moments: Moments, model: ModelSpec, spec: StudySpec, survey?: Survey, grouped?: GroupedMoments): Study {
  const study: Study = resultToJson(result);
  const warnings: CsiWarning[] = [];
  const items = [...new Set(model.constructs.flatMap((c) => c.items ?? []))];
  const codebook: Codebook | undefined = spec.codebook ?? survey?.codebook;
  const scales = indexScales(items, { ...(spec.scale ? { scale: spec.scale } : {}), ...(codebook ? { codebook } : {}) });
  const wantsTracking = (spec.segments?.length ?? 0) > 0 || spec.waves !== undefined || spec.targets !== undefined;
  const wantsIndices = wantsTracking || spec.scale !== undefined || spec.codebook !== undefined || spec.ipma !== undefined || spec.hierarchy !== undefined || spec.indexWeights !== undefined || spec.indexScores === true || hasDeclaredScales(survey);
  const missing = result.settings.missing;
  if (!wantsIndices) {
    addKpiSection(study, spec, survey, missing);
    return study;
  }
  if (Object.keys(scales).length === 0) {
    warnings.push({ code: 'NO_SCALE', message: 'No indices: the items have no declared scale (give a codebook with item scales, or --scale MIN:MAX; the observed range is never used).' });
    study.warnings.push(...warnings.map((w) => `${w.code}: ${w.message}`));
    addKpiSection(study, spec, survey, missing);
    return study;
  }
  if (spec.scale && survey) checkColumnsInScale(columnsOf(survey, items), scales, (r) => fileRowOf(survey.log, r) ?? r + 2);
  const ci = constructIndices(result, moments, { model, scales, ...(spec.indexWeights ? { weights: spec.indexWeights } : {}) });
  warnings.push(...ci.warnings);
  study.indices = ci.indices;
  study.indexWeights = ci.indexWeights;
  study.indexWeightSource = ci.source;
  study.indexScales = usedScales(ci, scales);
  for (const t of spec.ipma ?? []) {
    study.ipma ??= {};
    study.impacts ??= {};
    study.ipma[t] = ipma(result, ci, t, { model, scales, ...(spec.ipmaThresholds ? { thresholds: spec.ipmaThresholds } : {}) });
    study.impacts[t] = impacts(result, ci, t, spec.impactStep ?? 5);
    study.impactStep = spec.impactStep ?? 5;
  }
  if (spec.hierarchy) {
    const h = rollUpHierarchy(result, ci, { model, scales, spec: spec.hierarchy, ...(codebook ? { codebook } : {}), ...(survey ? { columns: columnsOf(survey, items) } : {}) });
    study.hierarchy = h.root;
    warnings.push(...h.warnings);
  }
  if (spec.indexScores && survey) {
    const scores = indexScores(ci.forms, columnsOf(survey, items), ci.itemMoments, result.settings.missing);
    study.indexScores = {
      ids: survey.ids ? [...survey.ids] : null,
      scores: Object.fromEntries(Object.entries(scores).map(([c, s]) => [c, Array.from(s, (v) => (Number.isFinite(v) ? v : null))])),
    };
  } else if (spec.indexScores) {
    warnings.push({ code: 'NEEDS_ROWS', message: 'Per-respondent indices need the rows: not available from moments.' });
  }
  // issue 15 before 14: the whole-sample KPIs feed the scorecard; the same request is repeated per level and wave
  const kpi = addKpiSection(study, spec, survey, missing);
  // issue 14: segments, waves, scorecard (src/study/addTracking.ts)
  if (wantsTracking) warnings.push(...addTracking(study, spec, { ...(survey ? { survey } : {}), ...(grouped ? { grouped } : {}), ...(codebook ? { codebook } : {}), model, ci, missing, options: studyEstimateOptions(spec), ...(kpi ? { kpi } : {}) }));
  study.warnings.push(...warnings.map((w) => `${w.code}: ${w.message}`));
  return study;
}

/** True when the survey's codebook declares (not infers) a scale for some item. */
function hasDeclaredScales(survey?: Survey): boolean {
  return !!survey && survey.codebook.items.some((i) => i.inferred !== true);
}

function columnsOf(survey: Survey, items: string[]): Record<string, Float64Array> {
  return Object.fromEntries(surveyColumns(survey, items).map((col, i) => [items[i], col]));
}

function usedScales(ci: ConstructIndices, scales: Record<string, ItemScale>): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const f of Object.values(ci.forms)) for (const k of f.items) out[k] = [scales[k][0], scales[k][1]];
  return out;
}

/**
 * Adds the issue-15 keys (`kpis`, `gaps`, `gapItems`, `distribution`) to a Study: KPIs of the spec (else the codebook's),
 * construct gaps on the Study's own indices (respondent scores from its `indexWeights` and `indexScales` under the
 * study's missing rule), the codebook's item gaps, the distribution table. They need rows: from moments alone the
 * keys are left out with a `NEEDS_ROWS` warning. Returns the request and index figures for the per-level and per-wave
 * repeats (undefined without rows). Errors: UNKNOWN_CONSTRUCT for a gap naming a construct that has no index.
 */
function addKpiSection(study: Study, spec: StudySpec, survey: Survey | undefined, missing: MissingRule): { spec: KpiSectionSpec; index: KpiSectionIndex } | undefined {
  const asked = (spec.kpis?.length ?? 0) > 0 || (spec.gaps?.length ?? 0) > 0 || !!spec.distribution;
  if (!survey) {
    if (asked) study.warnings.push('NEEDS_ROWS: KPIs, gaps and the distribution table need the rows: not available from moments.');
    return undefined;
  }
  const constructs = [...new Set([...(spec.gaps ?? []).flatMap((g) => [g.perceived, g.expected]), ...(spec.distribution ? Object.keys(study.indexWeights ?? {}) : [])])];
  const weights = study.indexWeights ?? {};
  const scales = study.indexScales ?? {};
  for (const c of constructs) {
    if (!weights[c]) {
      const inModel = study.paths.some((p) => p.from === c || p.to === c) || Object.keys(study.outerWeights).includes(c);
      throw new CsiError('UNKNOWN_CONSTRUCT', inModel ? `Gap: construct ${c} has no 0-100 index (give item scales in the codebook or --scale).` : `Gap: construct ${c} is not in the model.`, { construct: c });
    }
  }
  const scores = constructs.length > 0 ? studyIndexScores(survey, constructs, weights, scales, missing) : {};
  const sectionSpec: KpiSectionSpec = { ...(spec.kpis ? { kpis: spec.kpis } : {}), ...(spec.gaps ? { gaps: spec.gaps } : {}), ...(spec.distribution ? { distribution: spec.distribution } : {}) };
  const index: KpiSectionIndex = { indexWeights: weights, indexScales: scales, scores };
  Object.assign(study, kpiSection(survey, sectionSpec, index));
  return { spec: sectionSpec, index };
}
