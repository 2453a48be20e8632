import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/parse.js';
import { estimate } from '../../src/inference/estimate.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';

describe.skipIf(!HAS_SHARED)(`PLSc with a higher-order construct — ${HAS_SHARED ? 'mobi-hoc' : SKIP_MESSAGE}`, () => {
  it('corrects the item-measured mode-A constructs and keeps the higher-order construct a composite (as seminr)', () => {
    const survey = sharedSurvey('datasets/mobi.csv');
    const model = parseModel(sharedText('reference/peer-fixtures/models/mobi-hoc.model'));
    const r = estimate(survey, model, { consistent: true });
    const cf = r.consistent!.commonFactors;
    expect(cf).not.toContain('Satisfaction'); // the higher-order construct (Image + Value)
    for (const c of ['Expectation', 'Quality', 'Loyalty']) expect(cf).toContain(c);
    // and PLSc changes the paths of the corrected constructs
    const plain = estimate(survey, model);
    const diff = Math.max(...r.paths.map((p, i) => Math.abs(p.estimate - plain.paths[i].estimate)));
    expect(diff).toBeGreaterThan(1e-3);
  });
});
