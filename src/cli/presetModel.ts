import { CsiError } from '../errors.js';
import { preset } from '../model/index.js';
import { PRESETS, type PresetName } from '../model/index.js';
import type { ModelSpec } from '../model/index.js';
import { parseCodebook, type Codebook } from '../data/index.js';
import { readCodebookFile } from './readCodebookFile.js';
import { readTextFile } from './readTextFile.js';

/**
 * The preset a `--preset` flag names (case-insensitive: ecsi, ACSI …).
 *
 * @example
 * presetName('ccsi') // 'CCSI'
 */
export function presetName(value: string): PresetName {
  const name = value.toUpperCase();
  if (!Object.prototype.hasOwnProperty.call(PRESETS, name)) {
    throw new CsiError('INVALID_OPTION', `--preset must be ${Object.keys(PRESETS).map((n) => n.toLowerCase()).join(', ')} (got ${JSON.stringify(value)}).`);
  }
  return name as PresetName;
}

/**
 * A preset with placeholder items (`Image1 + Image2 + Image3`), to print as model text and edit.
 *
 * @example
 * formatModel(presetTemplate('CCSI')) // 'Image =~ Image1 + Image2 + Image3\n…'
 */
export function presetTemplate(name: PresetName): ModelSpec {
  const items = Object.fromEntries(PRESETS[name].constructs.map((c) => [c.name, [1, 2, 3].map((k) => `${c.name}${k}`)]));
  return preset(name, { items });
}

/**
 * A preset bound to a survey by a map file: JSON `{ "Construct": ["ITEM1", "ITEM2"], … }`. Preset constructs the
 * map leaves out are omitted with their paths (the target, Satisfaction, must be mapped).
 *
 * @throws CsiError INVALID_OPTION when the file is unreadable or not such a JSON object; the preset's own errors.
 * @example
 * const model = await presetFromMapFile('ECSI', 'ecsi-map.json');
 */
export async function presetFromMapFile(name: PresetName, file: string): Promise<ModelSpec> {
  const text = await readTextFile(file, 'map file');
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new CsiError('INVALID_OPTION', `The map file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const ok = json !== null && typeof json === 'object' && !Array.isArray(json) && Object.values(json).every((v) => Array.isArray(v) && v.every((x) => typeof x === 'string'));
  if (!ok) throw new CsiError('INVALID_OPTION', `The map file ${file} must be a JSON object of construct → list of item names, e.g. { "Image": ["IMG1", "IMG2"] }.`);
  return presetFromMap(name, json as Record<string, string[]>, `The map file ${file}`);
}

/**
 * A preset bound by a map of construct → item names, however the map was made (a `--map` file or the codebook's
 * groups: one code path). Preset constructs the map leaves out are omitted with their paths; the target must be mapped.
 *
 * @param source what the map came from, the subject of the error message ("The map file m.json").
 * @throws CsiError INVALID_OPTION when the target has no items; the preset's own errors (UNKNOWN_CONSTRUCT …).
 * @example
 * presetFromMap('ECSI', { Image: ['IMG1', 'IMG2'], Satisfaction: ['SAT1', 'SAT2'] }, 'The map').constructs.length // 2
 */
export function presetFromMap(name: PresetName, items: Readonly<Record<string, readonly string[]>>, source: string): ModelSpec {
  const def = PRESETS[name];
  if (!(def.target in items)) throw new CsiError('INVALID_OPTION', `${source} has no items for ${def.target}, the target of ${name}.`);
  const omit = def.constructs.map((c) => c.name).filter((c) => !(c in items));
  return preset(name, { items, omit });
}

/**
 * The map of construct → item names a codebook's `group`s declare for a preset: each item with a `group` goes to the
 * preset construct of that name (case-insensitive; leading and trailing spaces ignored), in codebook order. Items
 * without a group are left out.
 *
 * @throws CsiError UNKNOWN_CONSTRUCT (column: the item) when a group names no construct of the preset.
 * @example
 * presetMapFromCodebook('ECSI', { items: [{ id: 'SAT1', scale: { min: 1, max: 10 }, group: 'satisfaction' }] })
 * // { Satisfaction: ['SAT1'] }
 */
export function presetMapFromCodebook(name: PresetName, codebook: Codebook): Record<string, string[]> {
  const constructs = PRESETS[name].constructs.map((c) => c.name);
  const byLower = new Map(constructs.map((c) => [c.toLowerCase(), c]));
  const items: Record<string, string[]> = {};
  for (const it of codebook.items) {
    if (it.group === undefined) continue;
    const c = byLower.get(it.group.trim().toLowerCase());
    if (c === undefined) {
      throw new CsiError('UNKNOWN_CONSTRUCT', `Codebook item ${it.id}: group ${JSON.stringify(it.group)} is not a construct of ${name}; the groups ${name} accepts are ${constructs.join(', ')}.`, { column: it.id });
    }
    (items[c] ??= []).push(it.id);
  }
  return items;
}

/**
 * The model of `--preset NAME` with `--map FILE` or, without it, the codebook's item groups (`--codebook FILE`, else
 * the study file's codebook). `--map` wins over groups when both are given.
 *
 * @throws CsiError INVALID_OPTION when neither a map nor a codebook with groups is given; see {@link presetFromMap}
 *   and {@link presetMapFromCodebook}.
 * @example
 * const model = await presetFromFlags('ecsi', undefined, 'codebook.json'); // items bound by their "group"
 */
export async function presetFromFlags(preset: string, map: string | undefined, codebookFile: string | undefined, studyCodebook?: unknown): Promise<ModelSpec> {
  const name = presetName(preset);
  if (map !== undefined) return presetFromMapFile(name, map);
  const codebook = codebookFile !== undefined ? await readCodebookFile(codebookFile) : studyCodebook !== undefined ? parseCodebook(studyCodebook) : undefined;
  const need = `--preset needs --map FILE (a JSON object of construct → item names) or a --codebook whose items name their construct in "group" (${PRESETS[name].constructs.map((c) => c.name).join(', ')}); csi model --preset NAME prints the preset.`;
  if (codebook === undefined) throw new CsiError('INVALID_OPTION', need);
  const items = presetMapFromCodebook(name, codebook);
  if (Object.keys(items).length === 0) throw new CsiError('INVALID_OPTION', `No codebook item has a "group": ${need}`);
  return presetFromMap(name, items, 'The codebook (by group)');
}
