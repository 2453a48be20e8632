import * as z from 'zod';
import { codebookSchema, kpiDeclarationSchema } from '../data/index.js';
import { CsiError } from '../errors.js';
import { hierarchySpecSchema } from '../indices/index.js';
import { modelSpecSchema } from '../model/index.js';
import { targetsSchema } from '../tracking/index.js';

/** Estimation choices of a study (those of `EstimateOptions` that a study file may set). */
export const estimationSpecSchema = z
  .object({
    scheme: z.enum(['path', 'factorial', 'centroid']).optional(),
    missing: z.enum(['mean', 'casewise', 'pairwise']).optional(),
    maxIterations: z.number().int().nonnegative().optional(),
    tolerance: z.number().positive().optional(),
    consistent: z.boolean().optional(),
    fSquared: z.boolean().optional(),
  })
  .strict();

/**
 * What a study computes: one zod-validated object, also a JSON file (`csi estimate --study FILE`; flags override it).
 * Later issues add keys (`segments`, `waves`, `gaps`, `kpis`, `targets`, `distribution`, `bootstrap`) beside these.
 *
 * | key | meaning |
 * |---|---|
 * | model | lavaan-style text, or the plain-JSON ModelSpec |
 * | codebook | the codebook (its declared item scales and labels); default the survey's |
 * | estimation | scheme, missing, maxIterations, tolerance, consistent, fSquared |
 * | scale | [min, max] for every item (`--scale MIN:MAX`), wins over the codebook's scales |
 * | indexWeights | 'pls' (default), 'equal', or `{ construct: { item (or dimension): weight } }` |
 * | ipma | IPMA targets (each adds `ipma[T]` and `impacts[T]`) |
 * | impactStep | index points of driver gain for `impacts` (default 5, ACSI) |
 * | ipmaThresholds | fixed quadrant thresholds `{ importance, performance }` (default the drivers' means) |
 * | hierarchy | the `--hierarchy FILE` content (levels, weight source per level, AHP matrices) |
 * | indexScores | also return per-respondent indices (needs rows) |
 * | segments | categorical columns to break every index down by (issue 14; pooled index weights) |
 * | adjust | pairwise p adjustment within one construct's pairs of one column: 'holm' (default), 'bh', 'none' |
 * | minN | levels and waves below this n are warned about (default 30) |
 * | segmentEstimate | also re-estimate the model per level (own rows, own mean replacement) |
 * | permutations, seed | permutation test of every path difference between levels (with segmentEstimate) |
 * | waves | `{ column, base }`: indices per wave, changes (previous and base), trend |
 * | targets | the targets file's content: `[{ measure, comparator, value, change, per }]` → `scorecard` |
 * | gaps | construct gaps `[{ perceived, expected }]` on the 0-100 indices (issue 15) |
 * | kpis | KPIs `[{ kind, column, box?, threshold? }]` (else the codebook's `kpis`) |
 * | distribution | the satisfaction distribution table: `true`, or `{ cuts: { item, construct or "min-max": [c1, c2, c3] } }` |
 */
export const studySpecSchema = z
  .object({
    model: z.union([z.string(), modelSpecSchema]),
    codebook: codebookSchema.optional(),
    estimation: estimationSpecSchema.optional(),
    scale: z.tuple([z.number(), z.number()]).optional(),
    indexWeights: z.union([z.enum(['pls', 'equal']), z.record(z.string(), z.record(z.string(), z.number()))]).optional(),
    ipma: z.array(z.string()).optional(),
    impactStep: z.number().positive().optional(),
    ipmaThresholds: z.object({ importance: z.number().optional(), performance: z.number().optional() }).strict().optional(),
    hierarchy: hierarchySpecSchema.optional(),
    indexScores: z.boolean().optional(),
    segments: z.array(z.string().min(1)).optional(),
    adjust: z.enum(['holm', 'bh', 'none']).optional(),
    minN: z.number().int().positive().optional(),
    segmentEstimate: z.boolean().optional(),
    permutations: z.number().int().positive().optional(),
    seed: z.number().int().nonnegative().optional(),
    waves: z.object({ column: z.string().min(1), base: z.string().nullable().optional() }).strict().optional(),
    targets: targetsSchema.optional(),
    gaps: z.array(z.object({ perceived: z.string().min(1), expected: z.string().min(1) }).strict()).optional(),
    kpis: z.array(kpiDeclarationSchema).optional(),
    distribution: z.union([z.boolean(), z.object({ cuts: z.record(z.string(), z.array(z.number())).optional() }).strict()]).optional(),
  })
  .strict();

/** A validated study specification (see {@link studySpecSchema}). */
export type StudySpec = z.infer<typeof studySpecSchema>;
/** What a caller may pass: the same object before defaults. */
export type StudySpecInput = z.input<typeof studySpecSchema>;

/**
 * Validates a study specification (an object, e.g. `JSON.parse` of a study file). Errors are one
 * CsiError('INVALID_STUDY') whose message starts with the JSON path of the first problem.
 *
 * @example
 * parseStudySpec({ model: 'Sat =~ s1 + s2', scale: [1, 10] }).scale // [1, 10]
 */
export function parseStudySpec(json: unknown): StudySpec {
  // jitless: a spec is parsed once, and zod's generated fast path costs more to compile (~ms) than it saves
  const r = studySpecSchema.safeParse(json, { jitless: true });
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  throw new CsiError('INVALID_STUDY', `Study ${path}: ${issue.message}`);
}
