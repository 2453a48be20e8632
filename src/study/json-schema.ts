import * as z from 'zod';
import { plsResultJsonSchema } from '../pls/index.js';
import type { HierarchyNode } from './types.js';

const num = z.number().nullable();

/** `gaps[]`, `gapItems[]`: one paired perception − expectation gap on the 0-100 scale (issue 15). */
export const gapJsonSchema = z
  .object({ perceived: z.string(), expected: z.string(), n: z.number(), mean: num, sd: num, se: num, lower: num, upper: num, t: num, p: num, ratio: num, shareBelow: num })
  .strict();

/** `kpis[K]`: one KPI (issue 15); csat/fcr/time shares on [0, 1], nps points on [−100, 100]. */
export const kpiJsonSchema = z
  .object({
    kind: z.enum(['nps', 'csat', 'fcr', 'ces', 'time']),
    column: z.string(),
    n: z.number(),
    nEff: z.number(),
    estimate: num,
    lower: num,
    upper: num,
    method: z.string(),
    se: num.optional(),
    promoters: z.number().optional(),
    passives: z.number().optional(),
    detractors: z.number().optional(),
    median: num.optional(),
    share: num.optional(),
    threshold: z.number().optional(),
    box: z.tuple([z.number(), z.number()]).optional(),
  })
  .strict();

/** `distribution[item or construct]`: the satisfaction distribution table row (issue 15). */
export const distributionJsonSchema = z.object({ categories: z.array(z.string()), cuts: z.array(z.number()), shares: z.array(num), n: z.number() }).strict();

/** `indices[C]`: mean index with SD, SE, 95 % t interval, n, Kish's n_eff. */
export const indexEstimateJsonSchema = z.object({ n: z.number(), mean: num, sd: num, se: num, lower: num, upper: num, nEff: z.number().optional() }).strict();

const quadrant = z.enum(['strength', 'fix', 'opportunity', 'maintain']);
const impPerf = z.object({ importance: z.number(), performance: num }).strict();

/** `ipma[T]`. */
export const ipmaJsonSchema = z
  .object({
    constructs: z.record(z.string(), impPerf),
    items: z.record(z.string(), impPerf),
    thresholds: z.object({ importance: z.number(), performance: z.number() }).strict(),
    quadrants: z.record(z.string(), quadrant),
    priorities: z.array(z.string()),
    quadrantNames: z.object({ strength: z.string(), fix: z.string(), opportunity: z.string(), maintain: z.string() }).strict().optional(),
  })
  .strict();

/** One node of `hierarchy` (recursive). */
export const hierarchyNodeJsonSchema: z.ZodType<HierarchyNode> = z.lazy(() =>
  z
    .object({
      name: z.string(),
      label: z.object({ en: z.string().optional(), zh: z.string().optional() }).strict().optional(),
      level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      weight: z.number(),
      weightSource: z.string(),
      index: z.object({ mean: num, se: num, lower: num, upper: num }).strict(),
      n: z.number(),
      children: z.array(hierarchyNodeJsonSchema),
      ahp: z.object({ lambdaMax: z.number(), ci: z.number(), cr: z.number() }).strict().optional(),
    })
    .strict(),
);

const estimateJson = z.object({ n: z.number(), mean: num, sd: num, se: num, lower: num, upper: num, nEff: z.number().optional() }).strict();

/** `segments[COL]` (issue 14). */
export const segmentBreakdownJsonSchema = z
  .object({
    order: z.array(z.string()),
    levels: z.record(z.string(), z.object({ n: z.number(), sumWeights: z.number(), indices: z.record(z.string(), estimateJson.extend({ diffFromAll: num })), kpis: z.record(z.string(), kpiJsonSchema).optional(), gaps: z.array(gapJsonSchema).optional() }).strict()),
    pairwise: z.array(z.object({ construct: z.string(), a: z.string(), b: z.string(), diff: z.number(), t: num, df: num, p: num, pAdjusted: num }).strict()),
    adjust: z.enum(['holm', 'bh', 'none']),
    reestimated: z
      .record(z.string(), z.object({ n: z.number(), paths: z.array(z.object({ from: z.string(), to: z.string(), estimate: z.number() }).strict()), rSquared: z.record(z.string(), z.object({ r2: z.number(), adjR2: z.number() }).strict()) }).strict())
      .optional(),
    permutation: z.array(z.object({ from: z.string(), to: z.string(), a: z.string(), b: z.string(), diff: z.number(), p: num }).strict()).optional(),
  })
  .strict();

/** `waves` (issue 14). */
export const wavesJsonSchema = z
  .object({
    column: z.string(),
    order: z.array(z.string()),
    orderSource: z.string(),
    base: z.string().nullable(),
    levels: z.record(z.string(), z.object({ n: z.number(), indices: z.record(z.string(), estimateJson), kpis: z.record(z.string(), kpiJsonSchema).optional(), gaps: z.array(gapJsonSchema).optional() }).strict()),
    changes: z.array(z.object({ measure: z.string(), from: z.string(), to: z.string(), diff: z.number(), se: num, lower: num, upper: num, p: num }).strict()),
    trend: z.record(z.string(), z.object({ slope: z.number(), se: z.number(), p: z.number(), q: z.number(), df: z.number(), scaledSe: z.number(), scaledP: z.number() }).strict()),
    own: z
      .object({
        levels: z.record(z.string(), z.record(z.string(), num)),
        changes: z.array(z.object({ measure: z.string(), from: z.string(), to: z.string(), diff: z.number(), itemMeans: z.number(), weights: z.number() }).strict()),
      })
      .strict()
      .optional(),
  })
  .strict();

/** `scorecard` (issue 14). */
export const scorecardJsonSchema = z.array(
  z
    .object({
      measure: z.string(),
      wave: z.string().nullable(),
      comparator: z.enum(['>=', '<=', '>', '<']),
      value: num,
      change: num,
      estimate: num,
      bound: num,
      status: z.enum(['met', 'not met', 'not yet distinguishable']),
      pMet: num,
      n: z.number(),
      nEff: z.number(),
      minDetectable: num,
    })
    .strict(),
);

/**
 * The JSON document `csi estimate --json` prints and `analyze` returns: {@link plsResultJsonSchema} plus one key per
 * analysis. Issue 13 keys:
 *
 * | key | content |
 * |---|---|
 * | indices | construct → { mean, sd, se, lower, upper, n, nEff } (0-100, 95 % t interval) |
 * | indexWeights | construct → item → weight on the raw item score (sums to 1) |
 * | indexWeightSource | 'pls' \| 'equal' \| 'explicit' |
 * | indexScales | item → [min, max] used |
 * | ipma | target → { constructs, items, thresholds, quadrants, priorities, quadrantNames } |
 * | impacts | target → construct → index points of target gain per `impactStep`-point driver gain |
 * | impactStep | the driver gain behind `impacts` (default 5, ACSI) |
 * | hierarchy | the rolled-up tree (name, label, level, weight, weightSource, index, n, children, ahp) |
 * | indexScores | { ids, scores: construct → per-respondent index } (only when asked) |
 * | segments | column → { order, levels (n, sumWeights, indices, kpis?, gaps?), pairwise, adjust, reestimated?, permutation? } (issue 14) |
 * | waves | { column, order, orderSource, base, levels (n, indices, kpis?, gaps?), changes, trend } (issue 14; KPI measures `kpi:KEY`) |
 * | scorecard | [{ measure, wave, comparator, value, change, estimate, bound, status, pMet, n, nEff, minDetectable }] |
 * | gaps, gapItems | [{ perceived, expected, n, mean, sd, se, lower, upper, t, p, ratio, shareBelow }] |
 * | kpis | key (kind, or kind:column) → { kind, column, n, nEff, estimate, lower, upper, method, se, … } |
 * | distribution | item or construct → { categories, cuts, shares, n } |
 */
export const studyJsonSchema = plsResultJsonSchema
  .extend({
    indices: z.record(z.string(), indexEstimateJsonSchema).optional(),
    indexWeights: z.record(z.string(), z.record(z.string(), z.number())).optional(),
    indexWeightSource: z.string().optional(),
    indexScales: z.record(z.string(), z.tuple([z.number(), z.number()])).optional(),
    ipma: z.record(z.string(), ipmaJsonSchema).optional(),
    impacts: z.record(z.string(), z.record(z.string(), z.number())).optional(),
    impactStep: z.number().optional(),
    hierarchy: hierarchyNodeJsonSchema.optional(),
    indexScores: z.object({ ids: z.array(z.string()).nullable(), scores: z.record(z.string(), z.array(num)) }).strict().optional(),
    segments: z.record(z.string(), segmentBreakdownJsonSchema).optional(),
    waves: wavesJsonSchema.optional(),
    scorecard: scorecardJsonSchema.optional(),
    gaps: z.array(gapJsonSchema).optional(),
    gapItems: z.array(gapJsonSchema).optional(),
    kpis: z.record(z.string(), kpiJsonSchema).optional(),
    distribution: z.record(z.string(), distributionJsonSchema).optional(),
  })
  .strict();

