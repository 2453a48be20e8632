import { z } from 'zod';
import type { IndexTreeNode as IndicesNode, IndexEstimateShape as IndicesEstimate, IpmaShape as IndicesIpma } from '../indices/index.js';
import { plsResultJsonSchema } from '../pls/index.js';
import type { HierarchyNode, IndexEstimate, IpmaResult } from './types.js';

const num = z.number().nullable();

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
  })
  .strict();

// The index layer's shapes and the Study contract's stay assignable both ways (compile-time check).
const _a = (x: IndicesEstimate): IndexEstimate => x;
const _b = (x: IndexEstimate): IndicesEstimate => x;
const _c = (x: IndicesNode): HierarchyNode => x;
const _d = (x: HierarchyNode): IndicesNode => x;
const _e = (x: IndicesIpma): IpmaResult => x;
const _f = (x: IpmaResult): IndicesIpma => x;
void [_a, _b, _c, _d, _e, _f];
