import type { ModelSpec } from './types.js';
import { checkModelShape } from './schema.js';
import { validateModel, type ValidateModelOptions } from './validate.js';

/** Options of {@link parseModelJson}: the same as {@link validateModel}'s. */
export type ParseModelJsonOptions = ValidateModelOptions;

/**
 * Reads a plain-JSON model (e.g. `JSON.parse` of a file an app saved) into a validated {@link ModelSpec}.
 * Shape errors throw CsiError('MODEL_INVALID') whose message starts with the JSON path (`constructs[2].items[0]: ...`)
 * and, when the offending construct has a name, carries it as `construct`; model errors are those of
 * {@link validateModel}.
 *
 * @example
 * parseModelJson({ constructs: [{ name: 'A', items: ['a1'] }] })
 * // { constructs: [{ name: 'A', mode: 'A', items: ['a1'] }], paths: [] }
 */
export function parseModelJson(json: unknown, options: ParseModelJsonOptions = {}): ModelSpec {
  return validateModel(checkModelShape(json, 'model JSON'), options);
}
