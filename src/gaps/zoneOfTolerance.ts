import type { Survey } from '../data/index.js';
import { CsiError } from '../errors.js';
import { surveyColumns } from '../stats/index.js';
import { GAP_TIE } from './pairedGap.js';
import type { SurveyGapOptions } from './constructGaps.js';

/** Zone-of-tolerance position of one item. Shares on [0, 1] of the respondents with P, A and D all answered. */
export interface ZoneOfToleranceResult {
  item: string;
  adequate: string;
  desired: string;
  n: number;
  /** P < A. */
  belowAdequate: number | null;
  /** A ≤ P ≤ D. */
  within: number | null;
  /** P > D. */
  aboveDesired: number | null;
  /** Mean MSA = P − A (measure of service adequacy), on the item's scale. */
  msa: number | null;
  /** Mean MSS = P − D (measure of service superiority), on the item's scale. */
  mss: number | null;
}

/**
 * Zone of tolerance (Zeithaml, Berry & Parasuraman 1993; methodology.md §5): with adequate A and desired D levels
 * asked next to perception P, the (weighted) shares below the zone (P < A), within (A ≤ P ≤ D) and above (P > D),
 * and the mean MSA = P − A and MSS = P − D. Ties within 1e-9 count as inside the zone.
 *
 * @example
 * zoneOfTolerance(Float64Array.of(5, 7, 9), Float64Array.of(6, 6, 6), Float64Array.of(8, 8, 8))
 * // { belowAdequate: 1/3, within: 1/3, aboveDesired: 1/3, msa: 1, mss: -1, n: 3, ... }
 */
export function zoneOfTolerance(
  perceived: Float64Array,
  adequate: Float64Array,
  desired: Float64Array,
  options: { weights?: Float64Array | null; item?: string; adequateName?: string; desiredName?: string } = {},
): ZoneOfToleranceResult {
  const w = options.weights ?? null;
  let n = 0;
  let sw = 0;
  let below = 0;
  let above = 0;
  let msa = 0;
  let mss = 0;
  for (let i = 0; i < perceived.length; i++) {
    const p = perceived[i];
    const a = adequate[i];
    const d = desired[i];
    if (Number.isNaN(p) || Number.isNaN(a) || Number.isNaN(d)) continue;
    const wi = w ? w[i] : 1;
    n++;
    sw += wi;
    if (p < a - GAP_TIE) below += wi;
    else if (p > d + GAP_TIE) above += wi;
    msa += wi * (p - a);
    mss += wi * (p - d);
  }
  const share = (x: number) => (sw > 0 ? x / sw : null);
  return {
    item: options.item ?? 'perceived',
    adequate: options.adequateName ?? 'adequate',
    desired: options.desiredName ?? 'desired',
    n,
    belowAdequate: share(below),
    within: share(sw - below - above),
    aboveDesired: share(above),
    msa: share(msa),
    mss: share(mss),
  };
}

/**
 * Zone of tolerance for every item whose adequate and desired levels the codebook declares (`adequateOf: X`,
 * `desiredOf: X` on the A and D items). Errors: UNKNOWN_ITEM when X is not an item, INVALID_OPTION when only one of
 * the two levels is declared for X.
 *
 * @example
 * zoneOfToleranceFromSurvey(survey) // [{ item: 'ATT1', belowAdequate: 0.12, within: 0.7, aboveDesired: 0.18, ... }]
 */
export function zoneOfToleranceFromSurvey(survey: Survey, options: SurveyGapOptions = {}): ZoneOfToleranceResult[] {
  const ids = new Set(survey.codebook.items.map((it) => it.id));
  const levels = new Map<string, { adequate?: string; desired?: string }>();
  for (const it of survey.codebook.items) {
    const ext = it;
    for (const [key, of] of [['adequate', ext.adequateOf], ['desired', ext.desiredOf]] as const) {
      if (of === undefined) continue;
      if (!ids.has(of)) throw new CsiError('UNKNOWN_ITEM', `Item ${it.id} is the ${key} level of ${of}, which is not an item of the codebook.`, { column: it.id });
      levels.set(of, { ...levels.get(of), [key]: it.id });
    }
  }
  const out: ZoneOfToleranceResult[] = [];
  for (const [item, l] of levels) {
    if (!l.adequate || !l.desired) throw new CsiError('INVALID_OPTION', `Zone of tolerance for ${item} needs both an adequate and a desired item (codebook adequateOf / desiredOf).`, { column: item });
    let [p, a, d] = surveyColumns(survey, [item, l.adequate, l.desired]);
    let w = (options.weights ?? true) ? survey.weights : null;
    const rows = options.rows;
    if (rows) {
      const pick = (x: Float64Array) => Float64Array.from(rows, (r) => x[r]);
      [p, a, d] = [pick(p), pick(a), pick(d)];
      if (w) w = pick(w);
    }
    out.push(zoneOfTolerance(p, a, d, { weights: w, item, adequateName: l.adequate, desiredName: l.desired }));
  }
  return out;
}
