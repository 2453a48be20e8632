import { CsiError } from '../errors.js';
import type { Label } from '../data/index.js';
import { PRESETS, type PresetDefinition, type PresetName } from './presets.js';
import type { ConstructSpec, ModelSpec, PathSpec } from './types.js';
import { validateModel } from './validate.js';

/** Options of {@link preset}: how the preset's constructs bind to the survey. */
export interface PresetOptions {
  /** Item names per construct (or per dimension named in `dimensions`), e.g. `{ Image: ['IMAG1', 'IMAG2'] }`. */
  items?: Readonly<Record<string, readonly string[]>>;
  /**
   * Dimensions of a construct (level 3), each with its items: `{ Quality: { Network: ['N1', 'N2'], Billing: ['B1'] } }`.
   * The construct becomes higher-order; its dimensions are placed just before it. Default: none.
   */
  dimensions?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  /** Replaces the preset's path list (an editable copy is `PRESETS[name].paths`). Default: the preset's paths. */
  paths?: readonly PathSpec[];
  /** Outer-weight mode per construct or dimension. Default: the preset's mode ('A') for constructs, 'A' for dimensions. */
  modes?: Readonly<Record<string, 'A' | 'B'>>;
  /** Labels per construct or dimension, replacing the preset's. Default: the preset's labels; dimensions none. */
  labels?: Readonly<Record<string, Label>>;
  /** Constructs to leave out, with their paths (e.g. `['Complaints']` for data without a complaints item). Default none. */
  omit?: readonly string[];
  /**
   * New names for preset constructs, e.g. `{ Quality: 'PerceivedQuality' }` or `{ Satisfaction: '满意度' }`; applied to
   * constructs, paths (also `paths` given here, which may use either name) and the target. The other options may
   * key a construct by either name. Default: the preset's names.
   */
  names?: Readonly<Record<string, string>>;
}

/**
 * A preset model (SCSB, ACSI, ECSI or CCSI; see {@link PRESETS}) bound to the survey's item names, as a validated
 * {@link ModelSpec} with `name`, `target` ('Satisfaction') and bilingual labels.
 *
 * Every construct (except those in `omit`) must be bound, by `items` or by `dimensions`; a construct without a
 * binding throws CsiError('EMPTY_CONSTRUCT') naming it; binding a construct both ways throws MIXED_BLOCK; a key
 * that names no construct of the preset (nor a dimension) throws UNKNOWN_CONSTRUCT.
 *
 * @example
 * preset('SCSB', { items: { Expectation: ['E1'], Value: ['V1', 'V2'], Satisfaction: ['S1', 'S2'], Complaints: ['C1'], Loyalty: ['L1'] } })
 * // { name: 'SCSB', target: 'Satisfaction', constructs: [...5], paths: [...6] }
 */
export function preset(name: PresetName, options: PresetOptions = {}): ModelSpec {
  const def: PresetDefinition | undefined = Object.prototype.hasOwnProperty.call(PRESETS, name) ? PRESETS[name] : undefined;
  if (!def) {
    throw new CsiError('INVALID_OPTION', `Unknown preset '${String(name)}'; presets: ${Object.keys(PRESETS).join(', ')}.`, {});
  }
  const names = new Set(def.constructs.map((c) => c.name));
  const rename = options.names ?? {};
  const canonical = new Map<string, string>();
  for (const [from, to] of Object.entries(rename)) {
    if (!names.has(from)) throw unknown(def, from, 'names');
    canonical.set(to, from);
  }
  /** Re-keys a record so that renamed constructs are found under their preset name. */
  const byCanonical = <T>(r: Readonly<Record<string, T>> | undefined): Record<string, T> =>
    Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [canonical.get(k) ?? k, v]));
  const newName = (n: string) => (Object.prototype.hasOwnProperty.call(rename, n) ? rename[n] : n);
  const items = byCanonical(options.items);
  const dims = byCanonical(options.dimensions);
  const modes = byCanonical(options.modes);
  const labels = byCanonical(options.labels);
  const omit = new Set((options.omit ?? []).map((n) => canonical.get(n) ?? n));
  const dimNames = new Set<string>();
  for (const [hoc, d] of Object.entries(dims)) {
    if (!names.has(hoc)) throw unknown(def, hoc, 'dimensions');
    for (const dn of Object.keys(d)) dimNames.add(dn);
  }
  for (const key of Object.keys(items)) if (!names.has(key)) throw unknown(def, key, 'items');
  for (const key of Object.keys(modes)) if (!names.has(key) && !dimNames.has(key)) throw unknown(def, key, 'modes');
  for (const key of Object.keys(labels)) if (!names.has(key) && !dimNames.has(key)) throw unknown(def, key, 'labels');
  for (const key of omit) if (!names.has(key)) throw unknown(def, key, 'omit');

  const modeOf = (n: string, fallback: 'A' | 'B') => modes[n] ?? fallback;
  const constructs: ConstructSpec[] = [];
  for (const c of def.constructs) {
    if (omit.has(c.name)) continue;
    const its = items[c.name];
    const ds = dims[c.name];
    const hasItems = its !== undefined && its.length > 0;
    const hasDims = ds !== undefined && Object.keys(ds).length > 0;
    const name = newName(c.name);
    if (hasItems && hasDims) {
      throw new CsiError('MIXED_BLOCK', `${def.name}: '${name}' is bound both to items and to dimensions; choose one.`, { construct: name });
    }
    if (!hasItems && !hasDims) {
      throw new CsiError('EMPTY_CONSTRUCT', `${def.name}: construct '${name}' has no items; pass items: { ${name}: [...] } (or omit: ['${name}']).`, { construct: name });
    }
    const label = { ...(labels[c.name] ?? c.label) };
    if (hasDims) {
      for (const [dn, dItems] of Object.entries(ds)) {
        const d: ConstructSpec = { name: dn, mode: modeOf(dn, 'A'), items: [...dItems] };
        const dl = labels[dn];
        if (dl) d.label = { ...dl };
        constructs.push(d);
      }
      constructs.push({ name, mode: modeOf(c.name, c.mode), dimensions: Object.keys(ds), label });
    } else {
      constructs.push({ name, mode: modeOf(c.name, c.mode), items: [...its!], label });
    }
  }
  const toNew = (n: string) => newName(canonical.get(n) ?? n);
  const paths = (options.paths ?? def.paths.filter((q) => !omit.has(q.from) && !omit.has(q.to))).map((q) => ({ from: toNew(q.from), to: toNew(q.to) }));
  const spec: ModelSpec = { name: def.name, target: newName(def.target), constructs, paths };
  if (omit.has(def.target)) delete spec.target;
  return validateModel(spec);
}

function unknown(def: PresetDefinition, key: string, where: string): CsiError {
  return new CsiError('UNKNOWN_CONSTRUCT', `${def.name} has no construct '${key}' (in ${where}); its constructs are ${def.constructs.map((c) => c.name).join(', ')}.`, { construct: key });
}
