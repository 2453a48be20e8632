import { CsiError, shownList, type CsiErrorCode, type CsiLocation } from '../errors.js';
import { checkModelShape } from './schema.js';
import type { ModelSpec } from './types.js';

/** Options of {@link validateModel}. */
export interface ValidateModelOptions {
  /**
   * The data columns available (e.g. a survey's item names). When given, every item of the model must be one of
   * them (UNKNOWN_ITEM otherwise). Default: not checked.
   */
  items?: readonly string[];
}

/** A place in the model that an error can point at; the parser maps it to a line and column of the text. */
export type SourceRef =
  /** The `nth` (0-based) declaration of a construct. */
  | { kind: 'construct'; construct: string; nth?: number }
  /** The `nth` occurrence of item or dimension `name` in the block of `construct`. */
  | { kind: 'indicator'; construct: string; name: string; nth?: number }
  /** The `nth` occurrence of the path `from → to`. */
  | { kind: 'path'; from: string; to: string; nth?: number };

/** Maps a {@link SourceRef} to a 1-based line/column of model text, when known. */
export type Locate = (ref: SourceRef) => { line: number; col: number } | undefined;

/**
 * Checks a model and returns it unchanged, or throws the first problem found as a {@link CsiError} naming the
 * construct (and, for models parsed from text, the line and column of the offending statement).
 *
 * Checks, in this order, each with its own code:
 * - no constructs, an empty name (MODEL_INVALID); a name declared twice (DUPLICATE_CONSTRUCT);
 * - a construct with both items and dimensions (MIXED_BLOCK); with neither (EMPTY_CONSTRUCT);
 * - a dimension that is undeclared (UNKNOWN_CONSTRUCT), the construct itself, a higher-order construct (only two
 *   measurement levels exist), listed twice or under two higher-order constructs, or used in a structural path or
 *   as the target (INVALID_DIMENSION: a dimension reaches the structural model only through its higher-order construct);
 * - an item in two blocks or twice in one block (DUPLICATE_ITEM, `column` = the item); an item named like another
 *   construct (MODEL_INVALID: ambiguous in text, where such a name means a dimension); an item that is not among
 *   `options.items` (UNKNOWN_ITEM);
 * - a path from or to an undeclared construct (UNKNOWN_CONSTRUCT); a self-loop `A → A` and any directed cycle
 *   `A → B → A` (CYCLE, the message spells the cycle); a path declared twice (DUPLICATE_PATH);
 * - when the model has paths, a structural construct that is in none of them (NO_PREDICTORS: an isolated
 *   construct has no predictors and predicts nothing);
 * - a `target` that is not a declared construct (UNKNOWN_CONSTRUCT).
 *
 * A model without paths (a measurement model only) is accepted.
 *
 * @example
 * validateModel({ constructs: [{ name: 'A', mode: 'A', items: ['a1'] }], paths: [] }) // returns the spec
 * validateModel({ constructs: [{ name: 'A', mode: 'A', items: [] }], paths: [] }) // throws EMPTY_CONSTRUCT
 */
export function validateModel(spec: ModelSpec, options: ValidateModelOptions = {}): ModelSpec {
  // The shape (zod) check once per model object: estimators validate on every call, bootstrap resamples included.
  if (typeof spec !== 'object' || spec === null || !shapeChecked.has(spec)) {
    checkModelShape(spec, 'model');
    shapeChecked.add(spec);
  }
  return checkModel(spec, options);
}

/**
 * {@link validateModel} with a source map; used by the text parser so errors carry line and column. Internal to
 * the model folder (not re-exported).
 *
 * @example
 * checkModel(spec, {}, (ref) => (ref.kind === 'construct' ? { line: 1, col: 1 } : undefined))
 */
export function checkModel(spec: ModelSpec, options: ValidateModelOptions = {}, locate: Locate = () => undefined): ModelSpec {
  const fail = (code: CsiErrorCode, message: string, where: CsiLocation, ref?: SourceRef): never => {
    const pos = ref ? locate(ref) : undefined;
    const loc: CsiLocation = { ...where, ...(pos ?? {}) };
    const prefix = pos ? `Line ${pos.line}, col ${pos.col}: ` : '';
    throw new CsiError(code, prefix + message, loc);
  };
  const constructs = spec.constructs ?? [];
  const paths = spec.paths ?? [];
  if (constructs.length === 0) fail('MODEL_INVALID', 'The model declares no constructs.', {});

  // names
  const byName = new Map<string, (typeof constructs)[number]>();
  const nth = new Map<string, number>();
  for (const c of constructs) {
    if (typeof c.name !== 'string' || c.name.trim() === '') fail('MODEL_INVALID', 'A construct has an empty name.', {});
    const k = nth.get(c.name) ?? 0;
    nth.set(c.name, k + 1);
    if (byName.has(c.name)) {
      fail('DUPLICATE_CONSTRUCT', `Construct '${c.name}' is declared twice.`, { construct: c.name }, { kind: 'construct', construct: c.name, nth: k });
    }
    byName.set(c.name, c);
  }

  // blocks: items vs dimensions
  for (const c of constructs) {
    const ni = c.items?.length ?? 0;
    const nd = c.dimensions?.length ?? 0;
    if (ni > 0 && nd > 0) {
      fail('MIXED_BLOCK', `Construct '${c.name}' has both items (${shownList(c.items!)}) and dimensions (${shownList(c.dimensions!)}); a construct is measured either by items or by other constructs.`, { construct: c.name }, { kind: 'construct', construct: c.name });
    }
    if (ni === 0 && nd === 0) {
      fail('EMPTY_CONSTRUCT', `Construct '${c.name}' has no items.`, { construct: c.name }, { kind: 'construct', construct: c.name });
    }
  }

  // dimensions
  const parentOf = new Map<string, string>();
  for (const c of constructs) {
    for (const d of c.dimensions ?? []) {
      const ref: SourceRef = { kind: 'indicator', construct: c.name, name: d };
      const dim = byName.get(d);
      if (!dim) fail('UNKNOWN_CONSTRUCT', `Construct '${c.name}' names '${d}' as a dimension, but no construct '${d}' is declared.`, { construct: c.name }, ref);
      if (d === c.name) fail('INVALID_DIMENSION', `Construct '${c.name}' cannot be its own dimension.`, { construct: c.name }, ref);
      if ((dim!.dimensions?.length ?? 0) > 0) {
        fail('INVALID_DIMENSION', `Dimension '${d}' of '${c.name}' is itself a higher-order construct; dimensions must be measured by items (two measurement levels: items → dimensions → construct).`, { construct: c.name }, ref);
      }
      const prev = parentOf.get(d);
      if (prev !== undefined) {
        const again = prev === c.name;
        fail('INVALID_DIMENSION', again ? `Dimension '${d}' is listed twice in '${c.name}'.` : `Dimension '${d}' belongs to both '${prev}' and '${c.name}'; a dimension belongs to one higher-order construct.`, { construct: c.name }, { ...ref, nth: again ? 1 : 0 });
      }
      parentOf.set(d, c.name);
    }
  }

  // items
  const owner = new Map<string, string>();
  const seen = new Map<string, number>();
  const available = options.items ? new Set(options.items) : undefined;
  for (const c of constructs) {
    for (const item of c.items ?? []) {
      const key = c.name + '\u0000' + item;
      const k = seen.get(key) ?? 0;
      seen.set(key, k + 1);
      const ref: SourceRef = { kind: 'indicator', construct: c.name, name: item, nth: k };
      if (typeof item !== 'string' || item.trim() === '') fail('MODEL_INVALID', `Construct '${c.name}' has an empty item name.`, { construct: c.name }, ref);
      const prev = owner.get(item);
      if (prev !== undefined) {
        fail('DUPLICATE_ITEM', prev === c.name ? `Item '${item}' appears twice in '${c.name}'.` : `Item '${item}' is in two blocks: '${prev}' and '${c.name}'.`, { construct: c.name, column: item }, ref);
      }
      owner.set(item, c.name);
      if (item !== c.name && byName.has(item)) {
        fail('MODEL_INVALID', `Item '${item}' of '${c.name}' has the name of a construct; list '${item}' as a dimension, or rename the construct.`, { construct: c.name, column: item }, ref);
      }
      if (available && !available.has(item)) {
        const lower = item.toLowerCase();
        const close = options.items!.find((x) => x.toLowerCase() === lower);
        fail('UNKNOWN_ITEM', `Item '${item}' of '${c.name}' is not a column of the data${close ? ` (did you mean '${close}'?)` : ''}.`, { construct: c.name, column: item }, ref);
      }
    }
  }

  // paths
  const pathSeen = new Map<string, number>();
  const succ = new Map<string, string[]>();
  const inPath = new Set<string>();
  for (const p of paths) {
    const key = p.from + '\u0000' + p.to;
    const k = pathSeen.get(key) ?? 0;
    pathSeen.set(key, k + 1);
    const ref: SourceRef = { kind: 'path', from: p.from, to: p.to, nth: k };
    for (const end of [p.from, p.to]) {
      if (!byName.has(end)) {
        fail('UNKNOWN_CONSTRUCT', `The path ${p.from} → ${p.to} names '${end}', which is not a declared construct.`, { construct: end }, ref);
      }
      const parent = parentOf.get(end);
      if (parent !== undefined) {
        fail('INVALID_DIMENSION', `The path ${p.from} → ${p.to} uses '${end}', a dimension of '${parent}'; dimensions enter the structural model only through their higher-order construct.`, { construct: end }, ref);
      }
    }
    if (p.from === p.to) fail('CYCLE', `Self-loop: ${p.from} → ${p.to}; a construct cannot predict itself.`, { construct: p.from }, ref);
    if (k > 0) fail('DUPLICATE_PATH', `The path ${p.from} → ${p.to} is declared twice.`, { construct: p.to }, ref);
    inPath.add(p.from);
    inPath.add(p.to);
    const list = succ.get(p.from);
    if (list) list.push(p.to);
    else succ.set(p.from, [p.to]);
  }

  const cycle = findCycle(constructs.map((c) => c.name), succ);
  if (cycle) {
    const [a, b] = [cycle[cycle.length - 2], cycle[cycle.length - 1]];
    fail('CYCLE', `The structural paths contain a cycle: ${cycle.length > 12 ? `${shownList(cycle.slice(0, 6), 6, ' → ')} → … → ${shownList(cycle.slice(-3), 3, ' → ')} (${cycle.length - 1} constructs)` : shownList(cycle, 12, ' → ')}. PLS path models must be recursive (no feedback loops).`, { construct: cycle[0] }, { kind: 'path', from: a, to: b });
  }

  if (paths.length > 0) {
    for (const c of constructs) {
      if (!parentOf.has(c.name) && !inPath.has(c.name)) {
        fail('NO_PREDICTORS', `Construct '${c.name}' is in no structural path: it has no predictors and predicts nothing. Add a path or remove the construct.`, { construct: c.name }, { kind: 'construct', construct: c.name });
      }
    }
  }

  if (spec.target !== undefined) {
    if (!byName.has(spec.target)) fail('UNKNOWN_CONSTRUCT', `The target '${spec.target}' is not a declared construct.`, { construct: spec.target });
    const parent = parentOf.get(spec.target);
    if (parent !== undefined) fail('INVALID_DIMENSION', `The target '${spec.target}' is a dimension of '${parent}'; the level-1 index must be a structural construct.`, { construct: spec.target });
  }
  return spec;
}

/**
 * A directed cycle in the graph, as the list of nodes with the first repeated at the end (`['A', 'B', 'A']`), or
 * undefined. Depth-first search in declaration order, so the same model always reports the same cycle.
 */
function findCycle(nodes: string[], succ: Map<string, string[]>): string[] | undefined {
  // Iterative (an explicit stack of [node, next successor index]) so a chain of thousands of constructs cannot
  // overflow the call stack; the visiting order is that of the recursive search.
  const state = new Map<string, 1 | 2>(); // 1 on stack, 2 done
  for (const root of nodes) {
    if (state.get(root) !== undefined) continue;
    const path: string[] = [root];
    const next: number[] = [0];
    state.set(root, 1);
    while (path.length > 0) {
      const v = path[path.length - 1];
      const out = succ.get(v) ?? [];
      const k = next[next.length - 1]++;
      if (k >= out.length) {
        path.pop();
        next.pop();
        state.set(v, 2);
        continue;
      }
      const w = out[k];
      const s = state.get(w);
      if (s === 1) return [...path.slice(path.indexOf(w)), w];
      if (s === undefined) {
        state.set(w, 1);
        path.push(w);
        next.push(0);
      }
    }
  }
  return undefined;
}

/** Model objects that passed the shape check (see validateModel). */
const shapeChecked = new WeakSet<object>();
