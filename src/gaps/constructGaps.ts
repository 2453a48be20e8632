import type { Survey } from '../data/index.js';
import { CsiError } from '../errors.js';
import { surveyColumns } from '../stats/index.js';
import type { GapResult } from './types.js';
import { linearIndexScore, scoreColumn, type LinearScore } from './linearIndexScore.js';
import { pairedGap } from './pairedGap.js';

/** Which two things to compare: perceived − expected. */
export interface GapPair {
  perceived: string;
  expected: string;
}

/** Options shared by the survey-level gap functions. */
export interface SurveyGapOptions {
  /** Only these rows (0-based): one segment level or wave. */
  rows?: Int32Array | readonly number[];
  /** Use the survey's sampling weights (default true when it has them). */
  weights?: boolean;
  /** Confidence level (default 0.95). */
  level?: number;
}

/** Options of {@link constructGapsFromSurvey}: the index weights and item scales (the Study's `indexWeights`, `indexScales`). */
export interface ConstructGapOptions extends SurveyGapOptions {
  /** Construct → item → raw-item weight (normalized inside). */
  indexWeights: Record<string, Record<string, number>>;
  /** Item → its scale [min, max]. Default: the codebook's scales. */
  indexScales?: Record<string, readonly [number, number]>;
}

/**
 * Item → [min, max] from the survey's codebook.
 *
 * @example
 * codebookScales(survey).SAT1 // [1, 10]
 */
export function codebookScales(survey: Survey): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const it of survey.codebook.items) out[it.id] = [it.scale.min, it.scale.max];
  return out;
}

/**
 * {@link pairedGap} of two linear scores ({@link linearIndexScore}) over a survey's rows, with its sampling weights and
 * the `rows` subset of the options.
 *
 * @example
 * surveyScoreGap(survey, linearIndexScore('ATT1', { ATT1: 1 }, scales), linearIndexScore('ATT1_EXP', { ATT1_EXP: 1 }, scales))
 */
export function surveyScoreGap(survey: Survey, perceived: LinearScore, expected: LinearScore, options: SurveyGapOptions = {}): GapResult {
  const col = (item: string) => surveyColumns(survey, [item])[0];
  let p = scoreColumn(perceived, col);
  let e = scoreColumn(expected, col);
  let w = (options.weights ?? true) ? survey.weights : null;
  const rows = options.rows;
  if (rows) {
    const pick = (a: Float64Array) => Float64Array.from(rows, (r) => a[r]);
    p = pick(p);
    e = pick(e);
    if (w) w = pick(w);
  }
  return pairedGap(p, e, { perceived: perceived.name, expected: expected.name, weights: w, ...(options.level !== undefined ? { level: options.level } : {}) });
}

/**
 * Construct gaps (methodology.md §5, "gaps inside a CSI model"): for each pair, respondent 0-100 indices of both
 * constructs from fixed index weights ({@link linearIndexScore}), then {@link pairedGap} over the respondents who
 * answered every item of both. Errors: UNKNOWN_CONSTRUCT naming a construct without index weights.
 *
 * @example
 * constructGapsFromSurvey(survey, [{ perceived: 'AgentAttitude', expected: 'Expectation' }], { indexWeights })
 */
export function constructGapsFromSurvey(survey: Survey, pairs: readonly GapPair[], options: ConstructGapOptions): GapResult[] {
  const scales = options.indexScales ?? codebookScales(survey);
  const score = (name: string) => {
    const w = options.indexWeights[name];
    if (!w) throw new CsiError('UNKNOWN_CONSTRUCT', `Gap: construct ${name} is not in the model (constructs: ${Object.keys(options.indexWeights).join(', ')}).`, { construct: name });
    return linearIndexScore(name, w, scales);
  };
  return pairs.map((pair) => surveyScoreGap(survey, score(pair.perceived), score(pair.expected), options));
}
