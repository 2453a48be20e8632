import * as z from 'zod';
import { CsiError } from '../errors.js';
import { labelSchema } from '../data/index.js';
import type { ModelSpec } from './types.js';

const nameSchema = z.string().refine((s) => s.trim() !== '', { error: 'must be a non-empty name' });

/** zod schema of one construct of the plain-JSON model. `mode` defaults to 'A'. */
export const constructSpecSchema = z
  .object({
    name: nameSchema,
    mode: z.enum(['A', 'B']).default('A'),
    items: z.array(nameSchema).optional(),
    dimensions: z.array(nameSchema).optional(),
    label: labelSchema.optional(),
  })
  .strict();

/** zod schema of a structural path. */
export const pathSpecSchema = z.object({ from: nameSchema, to: nameSchema }).strict();

/**
 * zod schema of the plain-JSON {@link ModelSpec} (shape only; {@link parseModelJson} also runs
 * {@link validateModel}). `paths` defaults to [] and each construct's `mode` to 'A'.
 */
export const modelSpecSchema = z
  .object({
    constructs: z.array(constructSpecSchema),
    paths: z.array(pathSpecSchema).default([]),
    target: nameSchema.optional(),
    name: z.string().optional(),
  })
  .strict();

// The schema's output must be assignable to ModelSpec and back (compile-time check).
type SchemaOut = z.output<typeof modelSpecSchema>;
const _toSpec = (x: SchemaOut): ModelSpec => x;
const _fromSpec = (x: ModelSpec): SchemaOut => x;
void _toSpec;
void _fromSpec;

/** `constructs[2].items[0]`-style rendering of a zod issue path. */
function pathText(path: readonly PropertyKey[]): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s === '' ? String(k) : `.${String(k)}`;
  return s === '' ? '(root)' : s;
}

/**
 * The shape check of {@link parseModelJson}, also run by {@link validateModel} on every model a caller hands in
 * (so `{ constructs: [null] }` or `mode: 'C'` is a CsiError('MODEL_INVALID'), not a TypeError or a silent mode A).
 * Returns the parsed spec (defaults filled).
 *
 * @example
 * checkModelShape({ constructs: [{ name: 'A', mode: 'C', items: ['a1'] }] }, 'model')
 * // throws "Invalid model at constructs[0].mode: Invalid option: expected one of "A"|"B""
 */
export function checkModelShape(json: unknown, what: string): ModelSpec {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new CsiError('MODEL_INVALID', `Invalid ${what} at (root): expected an object with constructs (and paths), got ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}.`);
  }
  // jitless: a model is checked once, and zod's generated fast path costs more to compile (~3 ms) than it saves
  const r = modelSpecSchema.safeParse(json, { jitless: true });
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = pathText(issue.path);
    let construct: string | undefined;
    if (issue.path[0] === 'constructs' && typeof issue.path[1] === 'number') {
      const c = (json as { constructs?: unknown[] }).constructs?.[issue.path[1]] as { name?: unknown } | undefined;
      if (c && typeof c.name === 'string' && c.name.trim() !== '') construct = c.name;
    }
    throw new CsiError('MODEL_INVALID', `Invalid ${what} at ${where}: ${issue.message}`, construct === undefined ? {} : { construct });
  }
  return r.data as ModelSpec;
}
