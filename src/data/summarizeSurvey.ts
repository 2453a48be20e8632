import type { CsiWarning } from '../errors.js';
import type { Label, Scale } from './codebook.js';
import type { Survey, SurveyLog } from './survey.js';

/** Descriptive statistics of one numeric column (unweighted; `sd` uses n − 1; null when undefined). */
export interface ColumnStats {
  answered: number;
  missing: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
}

/** What `csi inspect` shows: a plain-JSON overview of a loaded survey. */
export interface SurveySummary {
  n: number;
  rowsRead: number;
  encoding: string;
  delimiter: string;
  /** True when no codebook was given and its scales are guesses. */
  inferredCodebook: boolean;
  id: string | null;
  weight: { column: string; sum: number; min: number; max: number } | null;
  items: ({ name: string; label?: Label; scale: Scale; reverse: boolean; inferred: boolean } & ColumnStats)[];
  segments: { name: string; label?: Label; levels: { value: string; label?: Label; count: number }[]; missing: number }[];
  numeric: ({ name: string; label?: Label } & ColumnStats)[];
  log: SurveyLog;
  warnings: CsiWarning[];
}

function columnStats(v: Float64Array): ColumnStats {
  let count = 0;
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x !== x) continue;
    count++;
    const d = x - mean;
    mean += d / count;
    m2 += d * (x - mean);
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return {
    answered: count,
    missing: v.length - count,
    mean: count > 0 ? mean : null,
    sd: count > 1 ? Math.sqrt(m2 / (count - 1)) : null,
    min: count > 0 ? min : null,
    max: count > 0 ? max : null,
  };
}

/**
 * Summarizes a survey for display: items with scale, mean, sd and missing count (Welford's one-pass mean and
 * variance, sd with n − 1), segments with level counts, numeric columns, the coercion log and the warnings.
 *
 * @example
 * const sum = summarizeSurvey(readSurvey('Q1,Q2\n1,2\n3,4\n'));
 * sum.items[0].mean // 2
 */
export function summarizeSurvey(survey: Survey): SurveySummary {
  const cb = survey.codebook;
  const itemMeta = new Map(cb.items.map((it) => [it.id, it]));
  const segMeta = new Map((cb.segments ?? []).map((s) => [s.id, s]));
  const numMeta = new Map((cb.numeric ?? []).map((s) => [s.id, s]));
  let weight: SurveySummary['weight'] = null;
  if (survey.weights && cb.weight !== undefined) {
    const s = columnStats(survey.weights);
    weight = { column: cb.weight, sum: survey.weights.reduce((a, b) => a + b, 0), min: s.min ?? 0, max: s.max ?? 0 };
  }
  return {
    n: survey.n,
    rowsRead: survey.log.rowsRead,
    encoding: survey.log.encoding,
    delimiter: survey.log.delimiter,
    inferredCodebook: cb.items.some((it) => it.inferred === true),
    id: survey.ids ? (cb.id ?? null) : null,
    weight,
    items: survey.itemNames.map((name, k) => {
      const it = itemMeta.get(name);
      return {
        name,
        ...(it?.label ? { label: it.label } : {}),
        scale: it?.scale ?? { min: NaN, max: NaN },
        reverse: it?.reverse === true,
        inferred: it?.inferred === true,
        ...columnStats(survey.items[k]),
      };
    }),
    segments: survey.segments.map((s) => {
      const counts = new Array<number>(s.levels.length).fill(0);
      let missing = 0;
      for (let i = 0; i < s.codes.length; i++) {
        const c = s.codes[i];
        if (c < 0) missing++;
        else counts[c]++;
      }
      const meta = segMeta.get(s.name);
      const levelLabels = new Map((meta?.levels ?? []).map((l) => [l.value, l.label]));
      return {
        name: s.name,
        ...(meta?.label ? { label: meta.label } : {}),
        levels: s.levels.map((value, j) => {
          const label = levelLabels.get(value);
          return { value, ...(label ? { label } : {}), count: counts[j] };
        }),
        missing,
      };
    }),
    numeric: survey.numeric.map((c) => {
      const meta = numMeta.get(c.name);
      return { name: c.name, ...(meta?.label ? { label: meta.label } : {}), ...columnStats(c.values) };
    }),
    log: survey.log,
    warnings: survey.warnings,
  };
}
