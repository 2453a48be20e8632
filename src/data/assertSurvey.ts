import * as z from 'zod';
import { CsiError } from '../errors.js';
import type { Survey } from './survey.js';

/** zod schema of the parts of a {@link Survey} the estimators read (the columns must be Float64Arrays of length n). */
export const surveyShapeSchema = z.object({
  n: z.number().int().nonnegative(),
  itemNames: z.array(z.string()),
  items: z.array(z.instanceof(Float64Array)),
  weights: z.instanceof(Float64Array).nullable(),
  numeric: z.array(z.object({ name: z.string(), values: z.instanceof(Float64Array) })),
});

/**
 * Throws CsiError('INVALID_OPTION') naming the first problem when `survey` is not a Survey (null, a plain array of
 * rows, columns of the wrong type or length): the public entry points call it so bad input never ends in a
 * TypeError. `what` names the caller in the message.
 *
 * @example
 * assertSurvey(null, 'estimate') // throws "estimate: the survey must be a Survey (e.g. from readSurvey), got null."
 */
export function assertSurvey(survey: unknown, what: string): asserts survey is Survey {
  const got = survey === null ? 'null' : Array.isArray(survey) ? 'an array' : typeof survey;
  if (survey === null || typeof survey !== 'object' || Array.isArray(survey)) {
    throw new CsiError('INVALID_OPTION', `${what}: the survey must be a Survey (e.g. from readSurvey), got ${got}.`);
  }
  // jitless: zod's generated fast path costs more to compile (~ms) than the few parses of a run save
  const r = surveyShapeSchema.safeParse(survey, { jitless: true });
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new CsiError('INVALID_OPTION', `${what}: the survey is not a Survey: ${issue.path.join('.') || '(root)'}: ${issue.message}.`);
  }
  const s = r.data;
  if (s.items.length !== s.itemNames.length) throw new CsiError('INVALID_OPTION', `${what}: the survey has ${s.itemNames.length} item names but ${s.items.length} item columns.`);
  s.items.forEach((col, k) => {
    if (col.length !== s.n) throw new CsiError('INVALID_OPTION', `${what}: item column ${s.itemNames[k]} has ${col.length} values for n = ${s.n} rows.`, { column: s.itemNames[k] });
  });
  if (s.weights && s.weights.length !== s.n) throw new CsiError('INVALID_OPTION', `${what}: ${s.weights.length} weights for n = ${s.n} rows.`);
}
