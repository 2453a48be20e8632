import type { Survey } from '../data/index.js';
import { CsiError } from '../errors.js';
import { expectationPairs, itemGapsFromSurvey, linearIndexScore, pairedGap, scoreColumn, codebookScales, type GapPair } from '../gaps/index.js';
import { distributionFromSurvey, kpiChange, kpisFromSurvey, levelSumWeights, surveyLevelRows, type KpiSpec } from '../kpi/index.js';
import { surveyColumns } from '../stats/index.js';
import type { GapResult, KpiResult, SegmentLevel, Study, WaveChange, WaveResult } from './types.js';

/** What a study asks of issue 15: KPIs, construct gaps, the distribution table. */
export interface KpiSectionSpec {
  kpis?: readonly KpiSpec[];
  /** Construct gaps PERCEIVED − EXPECTED (need index weights). */
  gaps?: readonly GapPair[];
  /** The distribution table; `cuts` by item/construct name or by scale "min-max". */
  distribution?: boolean | { cuts?: Record<string, readonly number[]> };
}

/** The index weights and item scales construct gaps and construct distributions need (the Study's own keys). */
export interface KpiSectionIndex {
  indexWeights?: Record<string, Record<string, number>>;
  indexScales?: Record<string, readonly [number, number]>;
  /**
   * Respondent 0-100 indices by construct (e.g. `studyIndexScores`, under the study's missing rule). A construct
   * without scores here is scored from `indexWeights` with its items on their own 0-100 scales, casewise.
   */
  scores?: Record<string, Float64Array>;
}

/** The Study keys of issue 15. */
export type KpiSection = Pick<Study, 'kpis' | 'gaps' | 'gapItems' | 'distribution'>;

/** A construct's respondent 0-100 index from `index.indexWeights`, its items on their own scales, casewise. Errors: UNKNOWN_CONSTRUCT. */
function constructScore(survey: Survey, name: string, index: KpiSectionIndex, scales: Record<string, readonly [number, number]>): Float64Array {
  const w = index.indexWeights?.[name];
  if (!w) throw new CsiError('UNKNOWN_CONSTRUCT', `Gap: construct ${name} is not in the model or has no index (constructs with indices: ${Object.keys(index.indexWeights ?? {}).join(', ') || 'none; give item scales'}).`, { construct: name });
  return scoreColumn(linearIndexScore(name, w, scales), (k) => surveyColumns(survey, [k])[0]);
}

/**
 * The Study keys of issue 15 for a survey (or the `rows` of one segment level or wave): `kpis` from the KPI specs
 * (falling back to the codebook's `kpis`), `gaps` for the construct pairs (index weights required), `gapItems` for the
 * codebook's `expectationOf` pairs, `distribution` for every item and, with index weights, every construct (0-100
 * respondent indices, cuts mapped from the items' common scale). Keys are present only when there is something in them.
 *
 * @example
 * kpiSection(survey, { kpis: [{ kind: 'nps', column: 'NPS' }], distribution: true }) // { kpis: { nps }, distribution }
 */
export function kpiSection(survey: Survey, spec: KpiSectionSpec, index: KpiSectionIndex = {}, rows?: Int32Array): KpiSection {
  return section(survey, spec, index, rows, true);
}

/** {@link kpiSection}; `itemGaps` false leaves out the codebook's item gaps (a level with construct gaps never shows them). */
function section(survey: Survey, spec: KpiSectionSpec, index: KpiSectionIndex, rows: Int32Array | undefined, itemGaps: boolean): KpiSection {
  const out: KpiSection = {};
  const opts = rows ? { rows } : {};
  const specs = spec.kpis ?? survey.codebook.kpis ?? [];
  if (specs.length > 0) out.kpis = kpisFromSurvey(survey, specs, opts);
  const scales = { ...codebookScales(survey), ...(index.indexScales ?? {}) };
  const scoreOf = (name: string): Float64Array => index.scores?.[name] ?? constructScore(survey, name, index, scales);
  const pick = (a: Float64Array) => (rows ? Float64Array.from(rows, (r) => a[r]) : a);
  if (spec.gaps && spec.gaps.length > 0) {
    const weights = survey.weights ? pick(survey.weights) : null;
    out.gaps = spec.gaps.map((g) => pairedGap(pick(scoreOf(g.perceived)), pick(scoreOf(g.expected)), { perceived: g.perceived, expected: g.expected, weights }));
  }
  if (itemGaps && expectationPairs(survey.codebook).length > 0) out.gapItems = itemGapsFromSurvey(survey, opts);
  if (spec.distribution) {
    const cuts = typeof spec.distribution === 'object' ? spec.distribution.cuts : undefined;
    const constructs: Record<string, { scores: Float64Array; itemScale?: [number, number] }> = {};
    for (const [name, weights] of Object.entries(index.indexWeights ?? {})) {
      const items = Object.keys(weights);
      const common = items.every((k) => scales[k]?.[0] === scales[items[0]]?.[0] && scales[k]?.[1] === scales[items[0]]?.[1]);
      constructs[name] = { scores: scoreOf(name), ...(common && scales[items[0]] ? { itemScale: [scales[items[0]][0], scales[items[0]][1]] as [number, number] } : {}) };
    }
    out.distribution = distributionFromSurvey(survey, { ...opts, ...(cuts ? { cuts } : {}), constructs });
  }
  return out;
}

/**
 * {@link kpiSection} per level of a segment column: `{ level: { n, sumWeights, kpis?, gaps? } }` to merge into
 * `segments[COL].levels` (construct gaps, else item gaps, go to `gaps`).
 *
 * @example
 * kpiSectionBySegment(survey, spec, index, 'line')['4G'].kpis?.nps
 */
export function kpiSectionBySegment(survey: Survey, spec: KpiSectionSpec, index: KpiSectionIndex, column: string): Record<string, Pick<SegmentLevel, 'n' | 'sumWeights' | 'kpis' | 'gaps'>> {
  const lr = surveyLevelRows(survey, column);
  // Score each gap construct once over all rows; every level then picks its rows from the same scores.
  const scores: Record<string, Float64Array> = { ...(index.scores ?? {}) };
  const scales = { ...codebookScales(survey), ...(index.indexScales ?? {}) };
  for (const name of new Set((spec.gaps ?? []).flatMap((g) => [g.perceived, g.expected]))) scores[name] ??= constructScore(survey, name, index, scales);
  const scored: KpiSectionIndex = { ...index, scores };
  const out: Record<string, Pick<SegmentLevel, 'n' | 'sumWeights' | 'kpis' | 'gaps'>> = {};
  for (const l of lr.order) {
    const rows = lr.rows[l];
    const part = section(survey, { ...spec, distribution: false }, scored, rows, !(spec.gaps && spec.gaps.length > 0));
    const gaps: GapResult[] | undefined = part.gaps ?? part.gapItems;
    out[l] = { n: rows.length, sumWeights: levelSumWeights(survey, rows), ...(part.kpis ? { kpis: part.kpis } : {}), ...(gaps ? { gaps } : {}) };
  }
  return out;
}

/**
 * KPIs per wave and each wave's change from the previous one ({@link kpiChange}): the `order`, `levels[w].kpis` and
 * KPI `changes` of a {@link WaveResult} (indices and trend are the tracking module's).
 *
 * @example
 * kpiSectionByWave(survey, spec, 'wave').changes // [{ measure: 'nps', from: '2026Q1', to: '2026Q2', diff, lower, upper, p }]
 */
export function kpiSectionByWave(survey: Survey, spec: KpiSectionSpec, column: string): Pick<WaveResult, 'column' | 'order' | 'orderSource' | 'base' | 'changes'> & { levels: Record<string, { n: number; kpis?: Record<string, KpiResult> }> } {
  const lr = surveyLevelRows(survey, column);
  const specs = spec.kpis ?? survey.codebook.kpis ?? [];
  const levels: Record<string, { n: number; kpis?: Record<string, KpiResult> }> = {};
  for (const l of lr.order) levels[l] = { n: lr.rows[l].length, ...(specs.length > 0 ? { kpis: kpisFromSurvey(survey, specs, { rows: lr.rows[l] }) } : {}) };
  const changes: WaveChange[] = [];
  for (let k = 1; k < lr.order.length; k++) {
    const [from, to] = [lr.order[k - 1], lr.order[k]];
    const a = levels[from].kpis ?? {};
    const b = levels[to].kpis ?? {};
    for (const key of Object.keys(a)) changes.push(kpiChange(key, from, to, a[key], b[key]));
  }
  return { column, order: lr.order, orderSource: lr.orderSource, base: lr.order[0] ?? null, levels, changes };
}
