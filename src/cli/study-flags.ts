import { writeFile } from 'node:fs/promises';
import { CsiError } from '../errors.js';
import { parseScale } from '../indices/index.js';
import { parseStudySpec, type Study, type StudySpecInput } from '../study/index.js';
import { parseTargets } from '../tracking/index.js';
import { estimateFlags, readModelFile } from './estimate-flags.js';
import { presetFromFlags } from './presetModel.js';
import { KPI_FORMS, parseGapSpec, parseKpiFlags } from './kpi-flags.js';
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
  segment: { type: 'string', multiple: true },
  adjust: { type: 'string' },
  'min-n': { type: 'string' },
  'segment-estimate': { type: 'boolean' },
  permutations: { type: 'string' },
  wave: { type: 'string' },
  base: { type: 'string' },
  targets: { type: 'string' },
  gap: { type: 'string', multiple: true },
  kpi: { type: 'string', multiple: true },
  distribution: { type: 'boolean' },
} as const;

/** Usage lines for the study flags. */
export const STUDY_USAGE = `Indices, IPMA, hierarchy (a codebook with item scales, or --scale, adds 0-100 indices):
  --study FILE          a study JSON (model, codebook, estimation, scale, indexWeights, ipma, hierarchy, ...); flags override it
  --scale MIN:MAX       one answer scale for every item, e.g. 1:10 (else the codebook's declared scales; never the observed range)
  --index-weights W     pls (default: outer weight / item SD, normalised) or equal
  --ipma TARGET         importance-performance map and impacts for TARGET (repeatable)
  --hierarchy FILE      roll the four-level hierarchy up (levels, weights per level: pls|equal|effects|entropy|{ahp}|{explicit})
  --index-scores FILE   write each respondent's indices to FILE (CSV with the respondent id)
Segments, waves, targets (indices with the whole file's weights in every level and wave):
  --segment COL         break every index down by COL (repeatable): per level, pairwise Welch differences
  --adjust holm|bh|none p adjustment within one construct's pairs of one column (default holm)
  --min-n N             warn about levels and waves below N respondents (default 30)
  --segment-estimate    also re-estimate the model per level; --permutations N [--seed S] (default seed 0) tests each path difference
  --wave COL [--base L] indices per wave, changes from the previous and the base wave, trend over 3+ waves
  --targets FILE        scorecard: [{"measure", "comparator", "value" | "change", "per": "wave" | null}]

Gaps, KPIs, distribution (README "KPIs, gaps and the distribution table"):
  --gap P:E             perception - expectation gap of two constructs on their 0-100 indices (repeatable)
  --kpi SPEC            ${KPI_FORMS} (repeatable; also the codebook's "kpis")
  --distribution        the satisfaction distribution table of every item and construct`;

/** Flag values {@link studySpecFromFlags} reads (the strings of `parseArgs`). */
export interface StudyFlagValues {
  study?: string;
  model?: string;
  preset?: string;
  map?: string;
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
  segment?: string[];
  adjust?: string;
  'min-n'?: string;
  'segment-estimate'?: boolean;
  permutations?: string;
  seed?: string;
  wave?: string;
  base?: string;
  targets?: string;
  gap?: string[];
  kpi?: string[];
  distribution?: boolean;
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
 * Flags → a validated study spec: `--study FILE` first, then every flag given overrides its key (--model or
 * --preset/--map, --codebook,
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
  if (values.model !== undefined && values.preset !== undefined) throw new CsiError('INVALID_OPTION', 'Give --model or --preset, not both.');
  if (values.map !== undefined && values.preset === undefined) throw new CsiError('INVALID_OPTION', '--map is an option of --preset.');
  if (values.model !== undefined) spec.model = await readModelFile(values.model);
  if (values.preset !== undefined) spec.model = await presetFromFlags(values.preset, values.map, values.codebook, base.codebook);
  if (spec.model === undefined) throw new CsiError('INVALID_OPTION', 'csi estimate needs --model MODEL.txt, --preset NAME --map FILE, or a study file with a model (see csi estimate --help).');
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
  await trackingFlags(values, spec);
  if (values.gap !== undefined && values.gap.length > 0) spec.gaps = values.gap.map(parseGapSpec);
  if (values.kpi !== undefined && values.kpi.length > 0) spec.kpis = parseKpiFlags(values.kpi);
  if (values.distribution) spec.distribution = true;
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

function positiveInt(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new CsiError('INVALID_OPTION', `--${flag} must be a positive whole number (got ${v}).`);
  return n;
}

/** The issue-14 flags folded into the spec: --segment, --adjust, --min-n, --segment-estimate, --permutations, --wave, --base, --targets. */
async function trackingFlags(values: StudyFlagValues, spec: Record<string, unknown>): Promise<void> {
  if (values.segment !== undefined && values.segment.length > 0) spec.segments = values.segment;
  if (values.adjust !== undefined) {
    if (!['holm', 'bh', 'none'].includes(values.adjust)) throw new CsiError('INVALID_OPTION', `--adjust must be holm, bh or none (got ${values.adjust}).`);
    spec.adjust = values.adjust;
  }
  if (values['min-n'] !== undefined) spec.minN = positiveInt('min-n', values['min-n']);
  if (values['segment-estimate']) spec.segmentEstimate = true;
  if (values.permutations !== undefined) {
    spec.permutations = positiveInt('permutations', values.permutations);
    if (!spec.segmentEstimate) throw new CsiError('INVALID_OPTION', '--permutations needs --segment-estimate (it tests the re-estimated paths).');
    if (values.seed !== undefined) {
      const seed = Number(values.seed);
      if (!Number.isSafeInteger(seed) || seed < 0) throw new CsiError('INVALID_OPTION', `--seed must be a whole number ≥ 0 (got ${values.seed}).`);
      spec.seed = seed;
    }
  }
  if (values.wave !== undefined) spec.waves = { column: values.wave, base: values.base ?? null };
  else if (values.base !== undefined) throw new CsiError('INVALID_OPTION', '--base needs --wave COL.');
  if (values.targets !== undefined) spec.targets = parseTargets(await readTextFile(values.targets, 'targets file'), `targets file ${values.targets}`);
}
