import type { Codebook, Survey } from '../data/index.js';
import { CsiError } from '../errors.js';
import type { GapResult } from './types.js';
import { codebookScales, surveyScoreGap, type GapPair, type SurveyGapOptions } from './constructGaps.js';
import { linearIndexScore } from './linearIndexScore.js';

/**
 * The item pairs a codebook declares: every item with `expectationOf: X` is the expectation of item X, giving the pair
 * { perceived: X, expected: that item }, in codebook order. Errors: UNKNOWN_ITEM when X is not an item.
 *
 * @example
 * expectationPairs(codebook) // [{ perceived: 'ATT1', expected: 'ATT1_EXP' }, ...]
 */
export function expectationPairs(codebook: Codebook): GapPair[] {
  const ids = new Set(codebook.items.map((it) => it.id));
  const out: GapPair[] = [];
  for (const it of codebook.items) {
    const of = it.expectationOf;
    if (of === undefined) continue;
    if (!ids.has(of)) throw new CsiError('UNKNOWN_ITEM', `Item ${it.id} is the expectation of ${of}, which is not an item of the codebook.`, { column: it.id });
    out.push({ perceived: of, expected: it.id });
  }
  return out;
}

/**
 * Item gaps (methodology.md §5): for each pair, P and E each on its own 0-100 scale (100·(x − min)/(max − min)),
 * then {@link pairedGap}: the per-respondent gap is the linear combination a = 100(e_P/range_P − e_E/range_E).
 * Pairs default to the codebook's `expectationOf` declarations ({@link expectationPairs}).
 *
 * @example
 * itemGapsFromSurvey(survey)[0] // { perceived: 'ATT1', expected: 'ATT1_EXP', mean: -4.2, ... }
 */
export function itemGapsFromSurvey(survey: Survey, options: SurveyGapOptions & { pairs?: readonly GapPair[] } = {}): GapResult[] {
  const scales = codebookScales(survey);
  const pairs = options.pairs ?? expectationPairs(survey.codebook);
  return pairs.map((pair) =>
    surveyScoreGap(survey, linearIndexScore(pair.perceived, { [pair.perceived]: 1 }, scales), linearIndexScore(pair.expected, { [pair.expected]: 1 }, scales), options),
  );
}

/**
 * Importance-weighted gap over item pairs (weighted SERVQUAL, methodology.md §5: SQ_w = Σ ω_k Ḡ_k with ω normalized):
 * the per-respondent Σ_k ω_k (P_k − E_k) on the 0-100 item scales is again linear, so its mean, SE, interval, ratio and
 * shareBelow are exact ({@link pairedGap}). `importances` by perceived item name (missing = 0). Errors: INVALID_OPTION
 * when no pair has a positive importance.
 *
 * @example
 * importanceWeightedGap(survey, pairs, { ATT1: 0.5, ATT2: 0.3, ATT3: 0.2 }, { name: 'AgentAttitude' })
 */
export function importanceWeightedGap(survey: Survey, pairs: readonly GapPair[], importances: Record<string, number>, options: SurveyGapOptions & { name?: string } = {}): GapResult {
  const scales = codebookScales(survey);
  const wP: Record<string, number> = {};
  const wE: Record<string, number> = {};
  for (const pair of pairs) {
    const w = importances[pair.perceived] ?? 0;
    if (w === 0) continue;
    wP[pair.perceived] = (wP[pair.perceived] ?? 0) + w;
    wE[pair.expected] = (wE[pair.expected] ?? 0) + w;
  }
  if (Object.keys(wP).length === 0) throw new CsiError('INVALID_OPTION', 'Importance-weighted gap: no item pair has a positive importance.');
  const name = options.name ?? 'weighted';
  return surveyScoreGap(survey, linearIndexScore(name, wP, scales), linearIndexScore(`${name} (expected)`, wE, scales), options);
}
