import { describe, expect, it } from 'vitest';
import { isCsiError } from '../../src/errors.js';
import { parseModel } from '../../src/model/parse.js';
import type { ModelSpec } from '../../src/model/types.js';
import { estimate } from '../../src/inference/estimate.js';
import { estimateFromMoments } from '../../src/pls/estimateFromMoments.js';
import type { EstimateOptions } from '../../src/pls/types.js';
import { momentsFromSurvey } from '../../src/stats/momentsFromSurvey.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE, surveyOf } from '../helpers/csvSurvey.js';
import { momentsWithCorrelation } from '../helpers/moments.js';

function errorOf(f: () => unknown): { code?: string; column?: string; construct?: string; message: string } {
  try {
    f();
  } catch (e) {
    if (isCsiError(e)) return { code: e.code, column: e.column, construct: e.construct, message: e.message };
    return { message: `not a CsiError: ${String(e)}` };
  }
  return { message: 'no error' };
}

describe.skipIf(!HAS_SHARED)(`numerical trouble — ${HAS_SHARED ? 'mobi' : SKIP_MESSAGE}`, () => {
  const survey = HAS_SHARED ? sharedSurvey('datasets/mobi.csv') : null;
  const model = HAS_SHARED ? parseModel(sharedText('reference/mobi-ecsi.model')) : null;
  const withColumn = (name: string, values: Float64Array) => {
    const k = survey!.itemNames.indexOf(name);
    return { ...survey!, items: survey!.items.map((c, i) => (i === k ? values : c)) };
  };

  it('a zero-variance item is a ZERO_VARIANCE error naming the column', () => {
    const e = errorOf(() => estimate(withColumn('CUSA2', new Float64Array(survey!.n).fill(7)), model!));
    expect(e.code).toBe('ZERO_VARIANCE');
    expect(e.column).toBe('CUSA2');
  });

  it('maxIterations 1: results plus NOT_CONVERGED, iterations 1 (seminr counts the loop index)', () => {
    const res = estimate(survey!, model!, { maxIterations: 1 });
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(1);
    expect(res.warnings.map((w) => w.code)).toContain('NOT_CONVERGED');
    expect(res.paths.every((p) => Number.isFinite(p.estimate))).toBe(true);
    const ok = estimate(survey!, model!);
    expect(ok.warnings.map((w) => w.code)).not.toContain('NOT_CONVERGED');
  });

  it('a collinear mode-B block is a SINGULAR error naming the construct and the item', () => {
    const a = survey!.items[survey!.itemNames.indexOf('PERQ1')];
    const b = survey!.items[survey!.itemNames.indexOf('PERQ2')];
    const s = withColumn('PERQ3', Float64Array.from(a, (v, r) => v + 2 * b[r]));
    const m: ModelSpec = parseModel('Quality <~ PERQ1 + PERQ2 + PERQ3 + PERQ4\nSat =~ CUSA1 + CUSA2\nSat ~ Quality');
    const e = errorOf(() => estimate(s, m));
    expect(e.code).toBe('SINGULAR');
    expect(e.construct).toBe('Quality');
    expect(e.column).toBe('PERQ3');
    // the same block in mode A is fine (no inversion)
    expect(() => estimate(s, parseModel('Quality =~ PERQ1 + PERQ2 + PERQ3 + PERQ4\nSat =~ CUSA1 + CUSA2\nSat ~ Quality'))).not.toThrow();
  });

  it('fewer rows than items: TOO_FEW_ROWS warning (mode A), still estimated', () => {
    const rows = 12;
    const small = surveyOf(survey!.itemNames, survey!.items.map((c) => c.slice(0, rows)));
    const res = estimate(small, model!);
    expect(res.warnings.find((w) => w.code === 'TOO_FEW_ROWS')?.count).toBe(rows);
  });

  it('bad options are INVALID_OPTION', () => {
    for (const opts of [{ scheme: 'nope' }, { missing: 'zero' }, { maxIterations: -1 }, { tolerance: 0 }] as EstimateOptions[]) {
      expect(errorOf(() => estimate(survey!, model!, opts)).code).toBe('INVALID_OPTION');
    }
  });

  it('model errors come from validation (unknown item, no paths)', () => {
    expect(errorOf(() => estimate(survey!, parseModel('A =~ NOPE1 + IMAG1\nB =~ CUSA1\nB ~ A'))).code).toBe('UNKNOWN_ITEM');
    expect(errorOf(() => estimate(survey!, parseModel('A =~ IMAG1 + IMAG2'))).code).toBe('MODEL_INVALID');
  });

  it('scores from moments alone: NEEDS_ROWS warning, no scores', () => {
    const res = estimateFromMoments(momentsFromSurvey(survey!), model!, { scores: true });
    expect(res.scores).toBeUndefined();
    expect(res.warnings.map((w) => w.code)).toContain('NEEDS_ROWS');
  });

  it('consistent: true runs PLSc (never silently): paths change, weights do not', () => {
    const plain = estimate(survey!, model!);
    const plsc = estimate(survey!, model!, { consistent: true });
    expect(plsc.settings.consistent).toBe(true);
    expect(plsc.consistent).toBeDefined();
    expect(plsc.outerWeights).toEqual(plain.outerWeights);
    const q = (r: typeof plain) => r.paths.find((p) => p.from === 'Quality' && p.to === 'Satisfaction')!.estimate;
    expect(Math.abs(q(plsc) - q(plain))).toBeGreaterThan(1e-3);
    expect(plain.consistent).toBeUndefined();
  });
});

describe('higher-order constructs from moments', () => {
  it('a HOC whose dimensions are single items: stage-2 indicators correlate as the items', () => {
    // Dimensions D1 = d1, D2 = d2 (single items, weight 1), so stage 2 sees the item correlations unchanged.
    const R = [1, 0.5, 0.3, 0.5, 1, 0.4, 0.3, 0.4, 1];
    const model: ModelSpec = {
      constructs: [
        { name: 'D1', mode: 'A', items: ['d1'] },
        { name: 'D2', mode: 'A', items: ['d2'] },
        { name: 'H', mode: 'A', dimensions: ['D1', 'D2'] },
        { name: 'Y', mode: 'A', items: ['y'] },
      ],
      paths: [{ from: 'H', to: 'Y' }],
    };
    const res = estimateFromMoments(momentsWithCorrelation(['d1', 'd2', 'y'], R), model);
    const flat: ModelSpec = {
      constructs: [
        { name: 'H', mode: 'A', items: ['d1', 'd2'] },
        { name: 'Y', mode: 'A', items: ['y'] },
      ],
      paths: [{ from: 'H', to: 'Y' }],
    };
    const ref = estimateFromMoments(momentsWithCorrelation(['d1', 'd2', 'y'], R), flat);
    expect(res.settings.twoStage).toBe(true);
    expect(res.outerWeights.H.D1).toBeCloseTo(ref.outerWeights.H.d1, 12);
    expect(res.paths[0].estimate).toBeCloseTo(ref.paths[0].estimate, 12);
    expect(res.outerWeights.D1).toEqual({ d1: 1 });
    expect(res.constructCorrelations.H.Y).toBeCloseTo(ref.paths[0].estimate, 12);
    expect(res.firstStage?.constructNames).toEqual(['D1', 'D2', 'Y']);
  });
});

describe.skipIf(!HAS_SHARED)(`engine-style complete-form moments — ${HAS_SHARED ? 'mobi' : SKIP_MESSAGE}`, () => {
  it('moments without m, p, q (what an engine sends for complete data) give the same estimate', () => {
    const survey = sharedSurvey('datasets/mobi.csv');
    const model = parseModel(sharedText('reference/mobi-ecsi.model'));
    const full = momentsFromSurvey(survey);
    const engine = { ...full, m: [], p: [], q: [] };
    const a = estimateFromMoments(engine, model);
    const b = estimateFromMoments(full, model);
    expect(a.paths).toEqual(b.paths);
    expect(a.outerWeights).toEqual(b.outerWeights);
  });
});

describe.skipIf(!HAS_SHARED)(`quality: false — ${HAS_SHARED ? 'mobi' : SKIP_MESSAGE}`, () => {
  it('skips the quality report and changes nothing else', () => {
    const survey = sharedSurvey('datasets/mobi.csv');
    const model = parseModel(sharedText('reference/mobi-ecsi.model'));
    const a = estimate(survey, model, { quality: false });
    const b = estimate(survey, model);
    expect(a.quality).toBeUndefined();
    expect(a.settings.quality).toBe(false);
    expect(b.quality?.reliability.Image).toBeDefined();
    expect(a.paths).toEqual(b.paths);
  });
});
