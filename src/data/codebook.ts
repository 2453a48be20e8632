import * as z from 'zod';

/**
 * The codebook: a plain-JSON description of a survey file, validated by {@link codebookSchema}.
 *
 * Items are the numeric questionnaire answers (level 4 of the hierarchy). Everything else is named explicitly:
 * the respondent id, segment (categorical) columns, other numeric columns (waiting time, NPS question if it is not
 * modelled), and an optional sampling-weight column. Columns of the file that the codebook does not name are ignored
 * and listed in the survey's log.
 */

/** Bilingual label. Either language may be absent. */
export const labelSchema = z.object({ en: z.string().optional(), zh: z.string().optional() }).strict();
export type Label = z.infer<typeof labelSchema>;

/** A value that means "no answer" (e.g. 99 = don't know, 98 = refused). */
export const missingCodeSchema = z
  .object({ value: z.number(), label: labelSchema.optional() })
  .strict();
export type MissingCode = z.infer<typeof missingCodeSchema>;

/** A range of values that mean "no answer", inclusive (SPSS user-missing ranges, e.g. 900 to 999). */
export const missingRangeSchema = z
  .object({ min: z.number(), max: z.number(), label: labelSchema.optional() })
  .strict()
  .refine((r) => r.max >= r.min, { error: 'missingRanges: max must be at least min' });
export type MissingRange = z.infer<typeof missingRangeSchema>;

/**
 * A value label: the code an answer is stored as and the text(s) that mean it, both ways. A text cell equal to
 * `label.en`, `label.zh` or one of `aliases` (trimmed; case-insensitive) is read as `value`, so survey-platform
 * exports with text answers ("非常满意", "Very satisfied") load; reports show the label for the code.
 */
export const valueLabelSchema = z
  .object({ value: z.number(), label: labelSchema.optional(), aliases: z.array(z.string().min(1)).optional() })
  .strict();
export type ValueLabel = z.infer<typeof valueLabelSchema>;

/** Inclusive answer scale, e.g. `{ min: 1, max: 10 }`. */
export const scaleSchema = z
  .object({ min: z.number(), max: z.number() })
  .strict()
  .refine((s) => s.max > s.min, { error: 'scale.max must be greater than scale.min' });
export type Scale = z.infer<typeof scaleSchema>;

/** One questionnaire item. */
export const itemSchema = z
  .object({
    id: z.string().min(1),
    label: labelSchema.optional(),
    scale: scaleSchema,
    /** Flip as `min + max − x` on load, so that higher is always better. */
    reverse: z.boolean().optional(),
    /** Values that mean missing (kept as NaN, counted in the log). */
    missing: z.array(missingCodeSchema).optional(),
    /** Ranges of values that mean missing (inclusive), as SPSS user-missing ranges. */
    missingRanges: z.array(missingRangeSchema).optional(),
    /** Value labels: codes ↔ answer texts; text cells matching a label are read as its code. */
    values: z.array(valueLabelSchema).optional(),
    /** True when the scale was inferred from the observed range (draft codebooks). */
    inferred: z.boolean().optional(),
    /** This item asks the expectation of the named item (perception − expectation gaps, issue 15). */
    expectationOf: z.string().min(1).optional(),
    /** This item asks the adequate (minimum acceptable) level of the named item (zone of tolerance). */
    adequateOf: z.string().min(1).optional(),
    /** This item asks the desired level of the named item (zone of tolerance). */
    desiredOf: z.string().min(1).optional(),
    /**
     * The construct this item measures, e.g. `"Image"` or `"Satisfaction"`: with a preset (`csi estimate --preset ecsi
     * --codebook CB`) items are bound to the preset's construct of that name (case-insensitive) instead of a `--map` file.
     */
    group: z.string().min(1).optional(),
  })
  .strict();
export type CodebookItem = z.infer<typeof itemSchema>;

/** A categorical (segment) column: business line, region, channel, wave ... */
export const segmentSchema = z
  .object({
    id: z.string().min(1),
    label: labelSchema.optional(),
    /** Optional fixed level order; values outside it are an error. Labels per level are optional. */
    levels: z.array(z.object({ value: z.string(), label: labelSchema.optional() }).strict()).optional(),
  })
  .strict();
export type CodebookSegment = z.infer<typeof segmentSchema>;

/** A numeric non-item column (waiting time in seconds, a 0/1 flag ...). */
export const numericColumnSchema = z
  .object({
    id: z.string().min(1),
    label: labelSchema.optional(),
    missing: z.array(missingCodeSchema).optional(),
    /** Ranges of values that mean missing (inclusive). */
    missingRanges: z.array(missingRangeSchema).optional(),
    /** Value labels: codes ↔ texts, as for items. */
    values: z.array(valueLabelSchema).optional(),
  })
  .strict();
export type CodebookNumeric = z.infer<typeof numericColumnSchema>;

/** A KPI declared in the codebook (issue 15), as `--kpi kind:column[:…]` declares it on the command line. */
export const kpiDeclarationSchema = z
  .object({
    kind: z.enum(['nps', 'csat', 'fcr', 'ces', 'time']),
    column: z.string().min(1),
    /** csat: inclusive top box [low, high]; default the top two categories of the item's scale. */
    box: z.tuple([z.number(), z.number()]).optional(),
    /** time: answers ≤ threshold count as within the service level. */
    threshold: z.number().optional(),
  })
  .strict();
export type KpiDeclaration = z.infer<typeof kpiDeclarationSchema>;

/** The whole codebook. */
export const codebookSchema = z
  .object({
    title: labelSchema.optional(),
    /** Respondent id column; ids must be unique. */
    id: z.string().optional(),
    /** Sampling-weight column; weights must be finite and ≥ 0. */
    weight: z.string().optional(),
    items: z.array(itemSchema),
    segments: z.array(segmentSchema).optional(),
    numeric: z.array(numericColumnSchema).optional(),
    /** KPIs to report (issue 15). */
    kpis: z.array(kpiDeclarationSchema).optional(),
  })
  .strict();
export type Codebook = z.infer<typeof codebookSchema>;

/**
 * Each item's declared answer scale as `[min, max]`, keyed by item id: what estimation results echo per item. Scales the
 * codebook marks `inferred` (guessed from the observed range) are left out: they are not declared.
 *
 * @example
 * itemScales(codebook).CUSA1 // [1, 10]
 */
export function itemScales(codebook: Codebook): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const item of codebook.items) if (item.inferred !== true) out[item.id] = [item.scale.min, item.scale.max];
  return out;
}
