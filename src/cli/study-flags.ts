import { writeFile } from 'node:fs/promises';
import { CsiError } from '../errors.js';
import { parseScale } from '../indices/index.js';
import { parseStudySpec, type Study, type StudySpecInput } from '../study/index.js';
import { estimateFlags, readModelFile } from './estimate-flags.js';
import { readCodebookFile } from './readCodebookFile.js';
import { readTextFile } from './readTextFile.js';

/**
 * The study flags (`csi estimate`, and `csi report` later: one parser). Estimation flags (--missing, --scheme,
 * --max-iterations, --f2) and --model/--codebook are the command's own; {@link studySpecFromFlags} folds them in.
 */
export const STUDY_FLAGS = {
  study: { type: 'string' },
  scale: { type: 'string' },
  'index-weights': { type: 'string' },
  ipma: { type: 'string', multiple: true },
  hierarchy: { type: 'string' },
  'index-scores': { type: 'string' },
} as const;

/** Usage lines for the study flags. */
export const STUDY_USAGE = `Indices, IPMA, hierarchy (a codebook with item scales, or --scale, adds 0-100 indices):
  --study FILE          a study JSON (model, codebook, estimation, scale, indexWeights, ipma, hierarchy, ...); flags override it
  --scale MIN:MAX       one answer scale for every item, e.g. 1:10 (else the codebook's declared scales; never the observed range)
  --index-weights W     pls (default: outer weight / item SD, normalised) or equal
  --ipma TARGET         importance-performance map and impacts for TARGET (repeatable)
  --hierarchy FILE      roll the four-level hierarchy up (levels, weights per level: pls|equal|effects|entropy|{ahp}|{explicit})
  --index-scores FILE   write each respondent's indices to FILE (CSV with the respondent id)`;

/** Flag values {@link studySpecFromFlags} reads (the strings of `parseArgs`). */
export interface StudyFlagValues {
  study?: string;
  model?: string;
  codebook?: string;
  missing?: string;
  scheme?: string;
  'max-iterations'?: string;
  f2?: boolean;
  scale?: string;
  'index-weights'?: string;
  ipma?: string[];
  hierarchy?: string;
  'index-scores'?: string;
}

async function readJsonFile(path: string, what: string): Promise<unknown> {
  const text = await readTextFile(path, what);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new CsiError('INVALID_STUDY', `The ${what} ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Flags → a validated study spec: `--study FILE` first, then every flag given overrides its key (--model, --codebook,
 * --missing, --scheme, --max-iterations, --f2, --scale, --index-weights, --ipma, --hierarchy, --index-scores).
 * A study without a model is CsiError('INVALID_OPTION').
 *
 * @example
 * const spec = await studySpecFromFlags({ model: 'ecsi.txt', scale: '1:10', ipma: ['Satisfaction'] });
 */
export async function studySpecFromFlags(values: StudyFlagValues) {
  const base = (values.study !== undefined ? await readJsonFile(values.study, 'study file') : {}) as Record<string, unknown>;
  if (typeof base !== 'object' || base === null || Array.isArray(base)) throw new CsiError('INVALID_STUDY', `The study file ${values.study} must hold a JSON object.`);
  const spec: Record<string, unknown> = { ...base };
  if (values.model !== undefined) spec.model = await readModelFile(values.model);
  if (spec.model === undefined) throw new CsiError('INVALID_OPTION', 'csi estimate needs --model MODEL.txt or a study file with a model (see csi estimate --help).');
  if (values.codebook !== undefined) spec.codebook = await readCodebookFile(values.codebook);
  const est: Record<string, unknown> = { ...((base.estimation as Record<string, unknown> | undefined) ?? {}) };
  if (values.missing !== undefined || values.scheme !== undefined || values['max-iterations'] !== undefined) {
    const e = estimateFlags({ missing: values.missing ?? (est.missing as string | undefined), scheme: values.scheme ?? (est.scheme as string | undefined), 'max-iterations': values['max-iterations'] });
    est.missing = e.missing;
    est.scheme = e.scheme;
    if (e.maxIterations !== undefined) est.maxIterations = e.maxIterations;
  }
  if (values.f2) est.fSquared = true;
  if (Object.keys(est).length > 0) spec.estimation = est;
  if (values.scale !== undefined) spec.scale = parseScale(values.scale);
  if (values['index-weights'] !== undefined) {
    const w = values['index-weights'];
    if (w !== 'pls' && w !== 'equal') throw new CsiError('INVALID_OPTION', `--index-weights must be pls or equal (got ${w}); explicit weights go in a study file.`);
    spec.indexWeights = w;
  }
  if (values.ipma !== undefined && values.ipma.length > 0) spec.ipma = values.ipma;
  if (values.hierarchy !== undefined) spec.hierarchy = await readJsonFile(values.hierarchy, 'hierarchy file');
  if (values['index-scores'] !== undefined) spec.indexScores = true;
  return parseStudySpec(spec as StudySpecInput);
}

/**
 * Writes `study.indexScores` as CSV (first column the respondent id, else the 1-based row; one column per construct;
 * empty = not computable) and removes it from the study, which is then printed without the per-row arrays.
 *
 * @example
 * await writeIndexScores(study, 'scores.csv', 'resp_id')
 */
export async function writeIndexScores(study: Study, path: string, idName = 'id'): Promise<void> {
  const s = study.indexScores;
  delete study.indexScores;
  if (!s) return;
  const cols = Object.keys(s.scores);
  const n = cols.length ? s.scores[cols[0]].length : (s.ids?.length ?? 0);
  const q = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [[s.ids ? idName : 'row', ...cols].map(q).join(',')];
  for (let r = 0; r < n; r++) {
    lines.push([s.ids ? q(s.ids[r]) : String(r + 1), ...cols.map((c) => (s.scores[c][r] === null ? '' : String(s.scores[c][r])))].join(','));
  }
  try {
    await writeFile(path, `${lines.join('\n')}\n`, 'utf8');
  } catch (e) {
    throw new CsiError('INVALID_OPTION', `Cannot write the index-scores file ${path} (${(e as { code?: string }).code ?? String(e)}).`);
  }
}
