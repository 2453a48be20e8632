import * as z from 'zod';
import { CsiError } from '../errors.js';

/**
 * One target of a targets file: a level target (`value`, `change` null) or a change target (`change`, `value` null,
 * compared wave over wave). `per: "wave"` scores every wave; `per: null` the whole sample.
 */
export const targetSchema = z
  .object({
    measure: z.string().min(1),
    comparator: z.enum(['>=', '<=', '>', '<']),
    value: z.number().finite().nullable().optional().default(null),
    per: z.enum(['wave']).nullable().optional().default(null),
    change: z.number().finite().nullable().optional().default(null),
  })
  .strict()
  .refine((t) => (t.value === null) !== (t.change === null), { message: 'give exactly one of "value" and "change"' });

/** A parsed target. */
export type Target = z.output<typeof targetSchema>;

/** The targets file: a JSON array of targets. */
export const targetsSchema = z.array(targetSchema).min(1);

/**
 * Parses and validates a targets file's text (JSON array, zod-validated). Throws CsiError INVALID_OPTION naming the
 * first problem (the target's index and field).
 *
 * @example
 * parseTargets('[{"measure": "Satisfaction", "comparator": ">=", "value": 75, "per": "wave"}]')[0].value // 75
 */
export function parseTargets(text: string, file = 'targets file'): Target[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CsiError('INVALID_OPTION', `The ${file} is not valid JSON (${(e as Error).message}).`);
  }
  const r = targetsSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue.path.length ? ` at target ${issue.path.map((p) => (typeof p === 'number' ? p + 1 : p)).join(' → ')}` : '';
    throw new CsiError('INVALID_OPTION', `The ${file} is malformed${where}: ${issue.message}.`);
  }
  return r.data;
}
