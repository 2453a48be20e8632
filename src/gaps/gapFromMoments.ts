import type { CsiWarning } from '../errors.js';
import { CsiError } from '../errors.js';
import { oneSampleT } from './oneSampleT.js';
import type { Moments } from '../stats/index.js';
import type { GapResult } from './types.js';
import type { LinearScore } from './linearIndexScore.js';

const nn = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * A paired gap from moments, no pass over rows: the gap d = P − E is a fixed linear combination a'x − b of the items,
 * so d̄ = a'x̄ − b and Var(d) = a'Σa, Σ the item covariance (divisor n − 1; weighted: n/(n−1)·Σw(x − x̄)(x − x̄)'/W)
 * from the same moments. SE = √(Var(d)/n); weighted, √(Var_w(d)/n_eff) with Kish's n_eff (the linearisation SE needs
 * Σw²d², which moments do not hold: a `NEEDS_ROWS` warning says so). `shareBelow` needs rows: null, with a
 * `NEEDS_ROWS` warning. The moments must be complete-case (casewise) over the items of both scores.
 * Errors: INCOMPLETE_MOMENTS for pairwise moments; UNKNOWN_ITEM for an item the moments lack.
 *
 * @example
 * gapFromMoments(momentsFromSurvey(s, { items, missing: 'casewise' }), perceivedScore, expectedScore).gap.mean
 */
export function gapFromMoments(moments: Moments, perceived: LinearScore, expected: LinearScore, level = 0.95): { gap: GapResult; warnings: CsiWarning[] } {
  if (!moments.complete) throw new CsiError('INCOMPLETE_MOMENTS', 'A gap from moments needs complete-case moments (missing: "casewise") over the items of both constructs.');
  const p = moments.items.length;
  const index = new Map(moments.items.map((name, k) => [name, k]));
  const vec = (score: LinearScore) => {
    const a = new Float64Array(p);
    for (const [item, c] of Object.entries(score.coefficients)) {
      const k = index.get(item);
      if (k === undefined) throw new CsiError('UNKNOWN_ITEM', `Item ${item} of ${score.name} is not in the moments.`, { column: item, construct: score.name });
      a[k] += c;
    }
    return a;
  };
  const aP = vec(perceived);
  const aE = vec(expected);
  const { n, sw, sww, s, c } = moments;
  const mean = (k: number) => s[k] / sw;
  let mP = -perceived.offset;
  let mE = -expected.offset;
  for (let k = 0; k < p; k++) {
    mP += aP[k] * mean(k);
    mE += aE[k] * mean(k);
  }
  let v = 0;
  for (let j = 0; j < p; j++) {
    const dj = aP[j] - aE[j];
    if (dj === 0) continue;
    for (let k = 0; k < p; k++) {
      const dk = aP[k] - aE[k];
      if (dk === 0) continue;
      v += dj * dk * (c[j * p + k] - (s[j] * s[k]) / sw);
    }
  }
  const variance = n > 1 ? Math.max(0, ((n / (n - 1)) * v) / sw) : NaN;
  const nEff = sww > 0 ? (sw * sw) / sww : n;
  const se = Math.sqrt(variance / (moments.weighted ? nEff : n));
  const d = mP - mE;
  const warnings: CsiWarning[] = [
    { code: 'NEEDS_ROWS', message: `shareBelow of ${perceived.name} − ${expected.name} needs respondent rows; from moments it is null.` },
  ];
  if (moments.weighted) warnings.push({ code: 'NEEDS_ROWS', message: `The weighted SE of ${perceived.name} − ${expected.name} from moments uses Kish's n_eff, not the linearisation SE (which needs rows).` });
  return {
    gap: {
      perceived: perceived.name,
      expected: expected.name,
      n,
      mean: nn(d),
      sd: nn(Math.sqrt(variance)),
      se: nn(se),
      ...oneSampleT(d, se, n, level),
      ratio: mE !== 0 ? nn(mP / mE) : null,
      shareBelow: null,
    },
    warnings,
  };
}
