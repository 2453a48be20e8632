import { CsiError } from '../errors.js';
import type { Label } from '../data/index.js';
import type { ConstructSpec, ModelSpec, PathSpec } from './types.js';
import { validateModel } from './validate.js';

/**
 * A typed builder that reads like the path diagram (seminr style) and yields the same plain JSON as the text
 * syntax. Every function is pure and returns plain objects:
 *
 * ```ts
 * model(
 *   composite('Image', items('IMAG', 1, 5)),
 *   composite('Value', ['PERV1', 'PERV2'], { mode: 'B' }),
 *   paths('Image', ['Expectation', 'Satisfaction']),
 * )
 * ```
 */

/** Options of {@link composite} and {@link higherComposite}. */
export interface CompositeOptions {
  /** Outer-weight mode: 'A' (correlation weights, like `=~`) or 'B' (regression weights, like `<~`). Default 'A'. */
  mode?: 'A' | 'B';
  /** Bilingual label shown in hierarchies and reports. Default: none. */
  label?: Label;
}

/** The model's name and level-1 target, as a part of {@link model}. */
export interface ModelInfoPart {
  kind: 'modelInfo';
  name?: string;
  target?: string;
}

/** Anything {@link model} accepts: a construct, the paths from {@link paths}, or {@link modelInfo}. */
export type ModelPart = ConstructSpec | readonly PathSpec[] | ModelInfoPart;

/**
 * Item names `prefix + from` … `prefix + to` (inclusive), like seminr's `multi_items`.
 *
 * @example
 * items('IMAG', 1, 5) // ['IMAG1', 'IMAG2', 'IMAG3', 'IMAG4', 'IMAG5']
 */
export function items(prefix: string, from: number, to: number): string[] {
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) {
    throw new CsiError('INVALID_OPTION', `items('${prefix}', ${from}, ${to}): expected integers with from ≤ to.`, {});
  }
  const out: string[] = [];
  for (let k = from; k <= to; k += 1) out.push(prefix + k);
  return out;
}

/**
 * A first-order composite measured by items (level 4 → a level-2 or level-3 construct). A single string is a
 * single-item construct.
 *
 * @example
 * composite('Image', items('IMAG', 1, 3)) // { name: 'Image', mode: 'A', items: ['IMAG1', 'IMAG2', 'IMAG3'] }
 * composite('Value', ['PERV1', 'PERV2'], { mode: 'B' }) // { name: 'Value', mode: 'B', items: ['PERV1', 'PERV2'] }
 */
export function composite(name: string, itemNames: string | readonly string[], options: CompositeOptions = {}): ConstructSpec {
  const c: ConstructSpec = { name, mode: options.mode ?? 'A', items: typeof itemNames === 'string' ? [itemNames] : [...itemNames] };
  if (options.label) c.label = { ...options.label };
  return c;
}

/**
 * A higher-order composite whose indicators are other constructs, its dimensions (level 3 → level 2), estimated by
 * the disjoint two-stage approach (methodology §4.3, §8.10).
 *
 * @example
 * higherComposite('Quality', ['Network', 'Billing']) // { name: 'Quality', mode: 'A', dimensions: ['Network', 'Billing'] }
 */
export function higherComposite(name: string, dimensions: readonly string[], options: CompositeOptions = {}): ConstructSpec {
  const c: ConstructSpec = { name, mode: options.mode ?? 'A', dimensions: [...dimensions] };
  if (options.label) c.label = { ...options.label };
  return c;
}

/**
 * Structural paths from every `from` to every `to`. Order as seminr's `paths()`: for each target, its sources in
 * the order given (so `paths(['A', 'B'], 'Y')` equals the text `Y ~ A + B`).
 *
 * @example
 * paths('Image', ['Expectation', 'Satisfaction'])
 * // [{ from: 'Image', to: 'Expectation' }, { from: 'Image', to: 'Satisfaction' }]
 */
export function paths(from: string | readonly string[], to: string | readonly string[]): PathSpec[] {
  const fs = typeof from === 'string' ? [from] : from;
  const ts = typeof to === 'string' ? [to] : to;
  const out: PathSpec[] = [];
  for (const t of ts) for (const f of fs) out.push({ from: f, to: t });
  return out;
}

/**
 * The model's name and level-1 target construct, as a part of {@link model}.
 *
 * @example
 * modelInfo({ name: 'ECSI', target: 'Satisfaction' }) // { kind: 'modelInfo', name: 'ECSI', target: 'Satisfaction' }
 */
export function modelInfo(info: { name?: string; target?: string }): ModelInfoPart {
  const part: ModelInfoPart = { kind: 'modelInfo' };
  if (info.name !== undefined) part.name = info.name;
  if (info.target !== undefined) part.target = info.target;
  return part;
}

/**
 * Assembles constructs, paths and model info (in any order; constructs and paths keep the order given) into a
 * validated plain-JSON {@link ModelSpec}; throws the CsiError of {@link validateModel} when the model is invalid.
 *
 * @example
 * model(
 *   composite('Image', items('IMAG', 1, 2)),
 *   composite('Satisfaction', ['CUSA1']),
 *   paths('Image', 'Satisfaction'),
 * )
 * // { constructs: [{ name: 'Image', ... }, { name: 'Satisfaction', ... }], paths: [{ from: 'Image', to: 'Satisfaction' }] }
 */
export function model(...parts: ModelPart[]): ModelSpec {
  const spec: ModelSpec = { constructs: [], paths: [] };
  for (const part of parts) {
    if (Array.isArray(part)) spec.paths.push(...(part as readonly PathSpec[]).map((p) => ({ from: p.from, to: p.to })));
    else if ((part as ModelInfoPart).kind === 'modelInfo') {
      const info = part as ModelInfoPart;
      if (info.name !== undefined) spec.name = info.name;
      if (info.target !== undefined) spec.target = info.target;
    } else spec.constructs.push(part as ConstructSpec);
  }
  return validateModel(spec);
}
