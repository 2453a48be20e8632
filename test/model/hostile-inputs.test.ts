import { describe, expect, it } from 'vitest';
import { isCsiError } from '../../src/errors.js';
import { bootstrap } from '../../src/inference/bootstrap.js';
import { validateModel, type ModelSpec } from '../../src/model/index.js';
import { estimate } from '../../src/inference/index.js';
import { readSurvey } from '../../src/data/index.js';
import { surveyCsv } from '../helpers/hostile.js';

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(isCsiError(e), String(e)).toBe(true);
    return (e as { code: string }).code;
  }
  return 'no error';
}

const survey = readSurvey(surveyCsv(40, ['a1', 'a2', 'b1', 'b2'], 9));
const MODEL: ModelSpec = { constructs: [{ name: 'A', mode: 'A', items: ['a1', 'a2'] }, { name: 'B', mode: 'A', items: ['b1', 'b2'] }], paths: [{ from: 'A', to: 'B' }] };

describe('public inputs are validated (issue 18 item 20)', () => {
  it("mode 'C' is refused, not treated as mode A", () => {
    const bad = { ...MODEL, constructs: [{ ...MODEL.constructs[0], mode: 'C' }, MODEL.constructs[1]] } as unknown as ModelSpec;
    expect(codeOf(() => estimate(survey, bad))).toBe('MODEL_INVALID');
    expect(() => validateModel(bad)).toThrow(/constructs\[0\]\.mode/);
  });

  it('malformed model objects are CsiErrors, not TypeErrors', () => {
    for (const bad of [{ constructs: [null] }, null, undefined, 42, { constructs: 'A' }, { constructs: [{ name: 'A', items: [1] }] }, { constructs: [{ name: 'A', items: ['a'] }], paths: [null] }]) {
      expect(codeOf(() => validateModel(bad as unknown as ModelSpec))).toBe('MODEL_INVALID');
    }
  });

  it('estimate(null, model) and friends name the bad survey', async () => {
    for (const bad of [null, undefined, [], { n: 3 }, { ...survey, items: [new Float64Array(2)] }]) {
      expect(codeOf(() => estimate(bad as never, MODEL))).toBe('INVALID_OPTION');
    }
    expect(() => estimate(null as never, MODEL)).toThrow('estimate: the survey must be a Survey (e.g. from readSurvey), got null.');
    const e = await bootstrap(null as never, MODEL, { resamples: 10 }).catch((x: unknown) => x);
    expect((e as { code: string }).code).toBe('INVALID_OPTION');
  });

  it('a valid model still estimates', () => {
    expect(estimate(survey, MODEL).paths).toHaveLength(1);
  });
});
