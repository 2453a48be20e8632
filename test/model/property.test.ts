import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/data/parseCodebook.js';
import { readSurvey } from '../../src/data/readSurvey.js';
import { isCsiError } from '../../src/errors.js';
import { parseModel } from '../../src/model/parse.js';
import { parseModelJson } from '../../src/model/index.js';
import { validateModel, type ModelSpec } from '../../src/model/index.js';
import { estimate } from '../../src/inference/index.js';
import { surveyCsv } from '../helpers/hostile.js';

/** Passes if f returns or throws a CsiError whose message is one line without control characters. */
function onlyResultOrCsiError(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!isCsiError(e)) throw e;
    expect(e.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  }
}

/** Model-like text from pieces that hit every branch of the tokenizer and the parser. */
const modelLike = fc
  .array(
    fc.constantFrom(
      'A', 'B', 'C', 'a1', 'a2', 'b1', 'c1', ' ', '  ', '=~', '<~', '~', '~~', '+', '\n', '\r\n', '\r', ';', '#', '"', '"x y"', '\\"',
      ':=', '*', '=', ',', '1', '满意度', '\u0000', '\ufeff', '__proto__', 'constructor', '.', '_', '(', ')',
    ),
    { maxLength: 50 },
  )
  .map((parts) => parts.join(''));

const ITEMS = ['a1', 'a2', 'b1', 'c1'];
const SURVEY = readSurvey(surveyCsv(30, ITEMS, 3));

/** Plain JSON values of any shape, biased to model- and codebook-like keys. */
const jsonLike = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, 0, -1, 1, 10, 1e308, NaN, 'A', 'a1', '', 'B', 'A'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom('constructs', 'paths', 'name', 'mode', 'items', 'dimensions', 'from', 'to', 'target', 'id', 'scale', 'min', 'max', 'missing', 'value', 'reverse', 'weight', 'segments', 'label', '__proto__'),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

describe('model text and codebooks: nothing but results or CsiErrors (issue 18)', () => {
  it('random model-like text: parse, then estimate when it parses', () => {
    fc.assert(
      fc.property(modelLike, (text) => {
        onlyResultOrCsiError(() => {
          const m = parseModel(text);
          estimate(SURVEY, m);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('random strings (full Unicode) as model text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => onlyResultOrCsiError(() => parseModel(text))), { numRuns: 200 });
  });

  it('random JSON as a model (parseModelJson, validateModel) and as a codebook', () => {
    fc.assert(
      fc.property(jsonLike, (json) => {
        onlyResultOrCsiError(() => parseModelJson(json));
        onlyResultOrCsiError(() => validateModel(json as unknown as ModelSpec));
        onlyResultOrCsiError(() => parseCodebook(json));
        onlyResultOrCsiError(() => readSurvey('a1,a2\n1,2\n3,4\n', { codebook: json as never }));
      }),
      { numRuns: 1500 },
    );
  });
});
