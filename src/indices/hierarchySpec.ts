import * as z from 'zod';

/** A pairwise comparison matrix over named elements: `{ dimensions: [...], matrix: [[...]] }` (the `csi ahp` file). */
export const ahpMatrixSchema = z
  .object({
    dimensions: z.array(z.string().min(1)).min(1),
    matrix: z.array(z.array(z.number())),
  })
  .strict();
export type AhpMatrix = z.infer<typeof ahpMatrixSchema>;

/**
 * Weights of one group of siblings in the hierarchy: a source name (`pls`, `equal`, `entropy`, `effects`), explicit
 * numbers `{ child: weight }` (normalised to sum 1), or an AHP matrix `{ ahp: { dimensions, matrix } }`.
 */
export const levelWeightsSchema = z.union([
  z.enum(['pls', 'equal', 'entropy', 'effects']),
  z.object({ ahp: ahpMatrixSchema }).strict(),
  z.record(z.string(), z.number()),
]);
export type LevelWeights = z.infer<typeof levelWeightsSchema>;

/**
 * The `--hierarchy FILE` content: how every level of the four-level tree is weighted.
 *
 * | key | meaning |
 * |---|---|
 * | target | the level-1 construct (default: the model's target, else Satisfaction) |
 * | levels | `{ "2": w, "3": w, "4": w }`: weights of the nodes of that level within their parent (default `pls`) |
 * | nodes | `{ CONSTRUCT: w }`: weights of one level-2 or level-3 construct's children, overriding its level's (level 2 under the index: `levels.2`) |
 * | force | accept AHP matrices with CR ≥ 0.10 (default false: refused) |
 */
export const hierarchySpecSchema = z
  .object({
    target: z.string().optional(),
    levels: z.object({ '2': levelWeightsSchema.optional(), '3': levelWeightsSchema.optional(), '4': levelWeightsSchema.optional() }).strict().optional(),
    nodes: z.record(z.string(), levelWeightsSchema).optional(),
    force: z.boolean().optional(),
  })
  .strict();
export type HierarchySpec = z.infer<typeof hierarchySpecSchema>;
