import type { Survey } from '../data/index.js';
import type { DistributionRow } from './types.js';
import { defaultDistributionCuts, satisfactionDistribution } from './satisfactionDistribution.js';

/** Options of {@link distributionFromSurvey}. */
export interface DistributionFromSurveyOptions {
  /** Items to tabulate (default every item of the survey). */
  items?: readonly string[];
  /**
   * Cut points (three inclusive lower bounds) by item or construct name, or by scale as "min-max" (e.g. "1-10"),
   * the name winning. Default {@link defaultDistributionCuts} of the scale.
   */
  cuts?: Record<string, readonly number[]>;
  /**
   * Constructs: respondent 0-100 index scores (NaN = not scored) and the common scale of their items; default cuts
   * are the items' default cuts mapped onto 0-100 (100·(c − min)/(max − min)), so a respondent answering 9 on every
   * 1-10 item is "very satisfied" like the items; without `itemScale` the 0-100 defaults 80, 60, 40.
   */
  constructs?: Record<string, { scores: Float64Array; itemScale?: [number, number] }>;
  /** Only these rows (0-based). */
  rows?: Int32Array | readonly number[];
  /** Use the survey's sampling weights (default true when it has them). */
  weights?: boolean;
}

/**
 * The satisfaction distribution table ({@link satisfactionDistribution}) for a survey's items, on each item's
 * codebook scale, and for constructs from their 0-100 index scores; keyed by item or construct name.
 *
 * @example
 * distributionFromSurvey(survey, { items: ['SAT1'] }).SAT1.shares // [0.31, 0.42, 0.18, 0.09]
 */
export function distributionFromSurvey(survey: Survey, options: DistributionFromSurveyOptions = {}): Record<string, DistributionRow> {
  const rows = options.rows;
  const pick = (a: Float64Array) => (rows ? Float64Array.from(rows, (r) => a[r]) : a);
  const weights = (options.weights ?? true) && survey.weights ? pick(survey.weights) : null;
  const cutsFor = (name: string, scale: [number, number]) => options.cuts?.[name] ?? options.cuts?.[`${scale[0]}-${scale[1]}`];
  const out: Record<string, DistributionRow> = {};
  const names = options.items ?? survey.itemNames;
  for (const name of names) {
    const k = survey.itemNames.indexOf(name);
    const item = survey.codebook.items.find((it) => it.id === name);
    if (k < 0 || !item) continue;
    const scale: [number, number] = [item.scale.min, item.scale.max];
    const cuts = cutsFor(name, scale);
    out[name] = satisfactionDistribution(pick(survey.items[k]), { scale, weights, column: name, ...(cuts ? { cuts } : {}) });
  }
  for (const [name, c] of Object.entries(options.constructs ?? {})) {
    const scale: [number, number] = [0, 100];
    const mapped = c.itemScale
      ? defaultDistributionCuts(c.itemScale).map((x) => (100 * (x - c.itemScale![0])) / (c.itemScale![1] - c.itemScale![0]))
      : undefined;
    const cuts = options.cuts?.[name] ?? mapped;
    out[name] = satisfactionDistribution(pick(c.scores), { scale, weights, column: name, ...(cuts ? { cuts } : {}) });
  }
  return out;
}
