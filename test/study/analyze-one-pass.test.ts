import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/parse.js';
import { estimate, estimateSurvey } from '../../src/inference/estimate.js';
import { momentsFromSurvey } from '../../src/stats/momentsFromSurvey.js';
import type { MissingRule } from '../../src/stats/index.js';
import { analyzeDetailed } from '../../src/study/index.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE, surveyOf } from '../helpers/csvSurvey.js';

/**
 * analyze on a survey reads the rows once: the moments it returns (and builds the indices from) are the very ones the
 * estimate was made from, equal to a separate `momentsFromSurvey` pass under every missing rule and with weights,
 * and the estimate (casewise rows deleted included) is `estimate`'s.
 */
describe.skipIf(!HAS_SHARED)(`analyze makes one pass over the rows — ${HAS_SHARED ? 'corp_rep' : SKIP_MESSAGE}`, () => {
  const modelText = HAS_SHARED ? sharedText('reference/peer-fixtures/models/corp-rep-simple.model') : '';
  for (const missing of ['mean', 'casewise', 'pairwise'] as MissingRule[]) {
    for (const weighted of [false, true]) {
      it(`${missing}${weighted ? ', weighted' : ''}`, () => {
        const base = sharedSurvey('datasets/corp_rep_data.csv');
        const survey = weighted ? surveyOf(base.itemNames, base.items, Float64Array.from({ length: base.n }, (_, i) => 0.5 + (i % 3) / 2)) : base;
        const model = parseModel(modelText);
        const items = [...new Set(model.constructs.flatMap((c) => c.items ?? []))];
        const d = analyzeDetailed(survey, { model: modelText, scale: [1, 7], estimation: { missing } });
        expect(d.moments).toEqual(momentsFromSurvey(survey, { items, missing }));
        const { result, moments } = estimateSurvey(survey, model, { missing });
        expect(moments).toEqual(d.moments);
        expect(JSON.stringify(d.result)).toBe(JSON.stringify(estimate(survey, model, { missing })));
        expect(JSON.stringify(result)).toBe(JSON.stringify(d.result));
        if (missing === 'casewise') expect(d.result.missing.rowsDeleted).toBe(survey.n - moments.n);
      });
    }
  }
});
