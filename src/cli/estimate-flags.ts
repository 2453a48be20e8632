import { CsiError } from '../errors.js';
import { parseModel, parseModelJson } from '../model/index.js';
import type { ModelSpec } from '../model/index.js';
import type { InnerScheme } from '../pls/index.js';
import { DEFAULT_MISSING, MISSING_RULES, type MissingRule } from '../stats/index.js';
import { choiceFlag, numberFlag } from './flags.js';
import { readTextFile } from './readTextFile.js';

/** The option specs of the estimation flags `csi estimate` and `csi report` share (parseArgs form). */
export const ESTIMATE_FLAGS = {
  model: { type: 'string' },
  codebook: { type: 'string' },
  missing: { type: 'string' },
  scheme: { type: 'string' },
  weights: { type: 'string' },
  'max-iterations': { type: 'string' },
  f2: { type: 'boolean', default: false },
} as const;

/** The estimation flags of `csi estimate` as parseArgs returns them. */
export interface EstimateFlagValues {
  missing?: string;
  scheme?: string;
  'max-iterations'?: string;
}

/**
 * Checks `--missing`, `--scheme` and `--max-iterations` (the same for the in-memory and the engine paths) and fills
 * seminr's defaults. Bad values are `INVALID_OPTION` errors.
 *
 * @example
 * estimateFlags({ scheme: 'factorial' }) // { missing: 'mean', scheme: 'factorial' }
 */
export function estimateFlags(values: EstimateFlagValues): { missing: MissingRule; scheme: InnerScheme; maxIterations?: number } {
  const missing: MissingRule = choiceFlag('missing', values.missing ?? DEFAULT_MISSING, MISSING_RULES);
  const scheme: InnerScheme = choiceFlag('scheme', values.scheme ?? 'path', ['path', 'factorial', 'centroid'] as const);
  if (values['max-iterations'] === undefined) return { missing, scheme };
  const maxIterations = numberFlag('max-iterations', values['max-iterations'], { integer: true, min: 0 });
  return { missing, scheme, maxIterations };
}

/**
 * Reads and parses a model file; an unreadable file is an `INVALID_OPTION` error, bad syntax a `MODEL_SYNTAX` one.
 * A file holding a JSON object is a JSON model (`ModelSpec`, e.g. fixtures/telecom.model.json): it can carry the
 * construct labels (zh/en) reports show, which the text syntax cannot.
 *
 * @example
 * const model = await readModelFile('fixtures/telecom.model');
 */
export async function readModelFile(path: string): Promise<ModelSpec> {
  const text = await readTextFile(path, 'model file');
  if (!/^\uFEFF?\s*\{/.test(text)) return parseModel(text);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CsiError('MODEL_SYNTAX', `The model file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  return parseModelJson(json);
}
