import { CsiError } from '../errors.js';
import { preset } from '../model/index.js';
import { PRESETS, type PresetName } from '../model/index.js';
import type { ModelSpec } from '../model/index.js';
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
  const items = json as Record<string, string[]>;
  const def = PRESETS[name];
  if (!(def.target in items)) throw new CsiError('INVALID_OPTION', `The map file ${file} has no items for ${def.target}, the target of ${name}.`);
  const omit = def.constructs.map((c) => c.name).filter((c) => !(c in items));
  return preset(name, { items, omit });
}
