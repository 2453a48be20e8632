import * as z from 'zod';
import { MISSING_RULES } from '../stats/index.js';
import { allWarnings } from './allWarnings.js';
import type { PlsResult } from './types.js';

/** A finite number, or null where a figure is undefined (NaN in the library). */
const num = z.number().nullable();
const effect = z.object({ from: z.string(), to: z.string(), estimate: z.number() }).strict();

/**
 * The JSON document `csi estimate --json` prints: the estimation result in plain JSON (no typed arrays, NaN → null).
 *
 * | field | content |
 * |---|---|
 * | n, sumWeights | rows used; their total weight (= n without weights) |
 * | iterations, converged | seminr's iteration count (0-based loop index at the break), convergence |
 * | settings | scheme, missing, maxIterations, tolerance, consistent, scores, fSquared, quality, weighted, twoStage |
 * | outerWeights, loadings | construct → item → number |
 * | paths, directEffects, indirectEffects, totalEffects | [{ from, to, estimate }] |
 * | rSquared | construct → { r2, adjR2 } |
 * | reliability | construct → { alpha, rhoC, rhoA, ave } |
 * | htmt | [{ a, b, value }] |
 * | fornellLarcker | { constructs, matrix (diagonal √AVE, off-diagonal construct correlations), pass } |
 * | vif | { items: construct → item → VIF, inner: construct → predictor → VIF } |
 * | fSquared | only with `--f2`: [{ from, to, value }] |
 * | missing | what the missing-value rule did |
 * | items | item → { mean, sd, n, scale: [min, max] or null }, after the missing rule, weighted where weights are used |
 * | warnings | every warning as `CODE: message` (estimation, quality and, from the CLI, loading notes): one list |
 * | bootstrap | only with `--boot N`: bootstrap summaries per path/effect (see the inference docs) |
 */
export const plsResultJsonSchema = z
  .object({
    n: z.number().int().nonnegative(),
    sumWeights: z.number().nonnegative(),
    iterations: z.number().int().nonnegative(),
    converged: z.boolean(),
    settings: z
      .object({
        scheme: z.enum(['path', 'factorial', 'centroid']),
        missing: z.enum(MISSING_RULES),
        maxIterations: z.number().int(),
        tolerance: z.number(),
        consistent: z.boolean(),
        scores: z.boolean(),
        fSquared: z.boolean(),
        quality: z.boolean(),
        weighted: z.boolean(),
        twoStage: z.boolean(),
      })
      .strict(),
    outerWeights: z.record(z.string(), z.record(z.string(), z.number())),
    loadings: z.record(z.string(), z.record(z.string(), z.number())),
    paths: z.array(effect),
    rSquared: z.record(z.string(), z.object({ r2: z.number(), adjR2: z.number() }).strict()),
    directEffects: z.array(effect),
    indirectEffects: z.array(effect),
    totalEffects: z.array(effect),
    reliability: z.record(z.string(), z.object({ alpha: num, rhoC: num, rhoA: num, ave: num }).strict()),
    htmt: z.array(z.object({ a: z.string(), b: z.string(), value: num }).strict()),
    fornellLarcker: z
      .object({ constructs: z.array(z.string()), matrix: z.array(z.array(num)), pass: z.record(z.string(), z.boolean()) })
      .strict()
      .optional(),
    vif: z
      .object({ items: z.record(z.string(), z.record(z.string(), num)), inner: z.record(z.string(), z.record(z.string(), num)) })
      .strict()
      .optional(),
    fSquared: z.array(z.object({ from: z.string(), to: z.string(), value: num }).strict()).optional(),
    missing: z
      .object({
        rule: z.enum(MISSING_RULES),
        rowsUsed: z.number(),
        missingCells: z.number(),
        cellsReplaced: z.number(),
        rowsDeleted: z.number(),
        minPairwiseN: z.number().nullable(),
      })
      .strict(),
    items: z.record(
      z.string(),
      z.object({ mean: z.number(), sd: z.number(), n: z.number().nonnegative(), scale: z.tuple([z.number(), z.number()]).nullable() }).strict(),
    ),
    warnings: z.array(z.string()),
    /** Added by `csi estimate --boot N` (src/inference's bootstrap summaries; its schema is theirs). */
    bootstrap: z.unknown().optional(),
  })
  .strict();

/** The JSON form of an estimation result (see {@link plsResultJsonSchema}). */
export type PlsResultJson = z.infer<typeof plsResultJsonSchema>;

/**
 * Converts a {@link PlsResult} to its plain-JSON document (schema {@link plsResultJsonSchema}): drops the typed-array
 * core (`fit`), scores and cross-loadings, keeps reliability and HTMT from `quality`, turns warnings into strings.
 *
 * @example
 * JSON.stringify(resultToJson(estimate(survey, model)))
 */
export function resultToJson(result: PlsResult): PlsResultJson {
  const fin = (v: number): number | null => (Number.isFinite(v) ? v : null);
  const reliability: PlsResultJson['reliability'] = {};
  for (const [name, r] of Object.entries(result.quality?.reliability ?? {})) {
    reliability[name] = { alpha: fin(r.alpha), rhoC: fin(r.rhoC), rhoA: fin(r.rhoA), ave: fin(r.ave) };
  }
  const warnings = allWarnings(result).map((w) => `${w.code}: ${w.message}`);
  const q = result.quality;
  const finRecord = (r: Record<string, Record<string, number>>): Record<string, Record<string, number | null>> =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([i, x]) => [i, fin(x)]))]));
  return {
    n: result.n,
    sumWeights: result.sumWeights,
    iterations: result.iterations,
    converged: result.converged,
    settings: { ...result.settings },
    outerWeights: result.outerWeights,
    loadings: result.loadings,
    paths: result.paths,
    rSquared: result.rSquared,
    directEffects: result.directEffects,
    indirectEffects: result.indirectEffects,
    totalEffects: result.totalEffects,
    reliability,
    htmt: (result.quality?.htmt ?? []).map((h) => ({ a: h.a, b: h.b, value: fin(h.value) })),
    ...(q
      ? {
          fornellLarcker: { constructs: q.fornellLarcker.constructs, matrix: q.fornellLarcker.matrix.map((row) => row.map(fin)), pass: q.fornellLarcker.pass },
          vif: { items: finRecord(q.itemVif), inner: finRecord(q.innerVif) },
        }
      : {}),
    ...(q?.fSquared ? { fSquared: q.fSquared.map((e) => ({ from: e.from, to: e.to, value: fin(e.value) })) } : {}),
    missing: { ...result.missing },
    items: result.items,
    warnings,
  };
}
