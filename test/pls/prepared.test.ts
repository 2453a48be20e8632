import { describe, expect, it } from 'vitest';
import { parseModel, type ModelSpec } from '../../src/model/index.js';
import { estimateFromMoments, resultToJson } from '../../src/pls/index.js';
import { numberRecordMaker, recordMaker, setRecordCodegen } from '../../src/pls/recordMaker.js';
import { accumulateMoments, momentsFromSurvey } from '../../src/stats/index.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';
import { exact } from '../helpers/exact.js';

describe('record makers: generated literal = plain loop', () => {
  it('same keys in the same order, same values, integer-like keys and __proto__ included', () => {
    for (const keys of [['b', 'a', 'c'], ['2', 'x', '1'], ['__proto__', 'y'], ['a "quoted"\n\u2028 key', 'z'], []]) {
      const at = Int32Array.from(keys, (_, i) => keys.length - 1 - i);
      const v = Float64Array.from(keys, (_, i) => i - 0.5);
      const before = setRecordCodegen(false);
      const plain = [numberRecordMaker(keys)(v, at), recordMaker<object>(keys)(keys.map((k) => ({ k })))];
      setRecordCodegen(true);
      const generated = [numberRecordMaker(keys)(v, at), recordMaker<object>(keys)(keys.map((k) => ({ k })))];
      setRecordCodegen(before);
      for (let i = 0; i < 2; i++) {
        expect(Object.keys(generated[i])).toEqual(Object.keys(plain[i]));
        expect(JSON.stringify(generated[i])).toBe(JSON.stringify(plain[i]));
        expect(Object.getPrototypeOf(generated[i])).toEqual(Object.getPrototypeOf(plain[i]));
      }
    }
  });
});

describe.skipIf(!HAS_SHARED)(`estimator's per-model cache — ${HAS_SHARED ? 'mobi' : SKIP_MESSAGE}`, () => {
  const survey = HAS_SHARED ? sharedSurvey('datasets/mobi.csv') : null;
  const text = HAS_SHARED ? sharedText('reference/mobi-ecsi.model') : '';
  const hoc = HAS_SHARED ? sharedText('reference/peer-fixtures/models/mobi-hoc.model') : '';

  it('results with generated tables equal those with plain loops (first-order and higher-order, PLSc, f²)', () => {
    const mo = momentsFromSurvey(survey!);
    for (const modelText of [text, hoc]) {
      for (const options of [{}, { consistent: true, fSquared: true }, { quality: false, scheme: 'factorial' as const }]) {
        const before = setRecordCodegen(false);
        const plain = estimateFromMoments(mo, parseModel(modelText), options);
        setRecordCodegen(true);
        const generated = estimateFromMoments(mo, parseModel(modelText), options);
        setRecordCodegen(before);
        expect(exact(generated)).toBe(exact(plain));
        expect(Object.keys(generated)).toEqual(Object.keys(plain));
        expect(JSON.stringify(resultToJson(generated))).toBe(JSON.stringify(resultToJson(plain)));
      }
    }
  });

  it('a cached model gives what a fresh copy gives, call after call; a model changed in place is noticed', () => {
    const mo = momentsFromSurvey(survey!);
    const model: ModelSpec = parseModel(text);
    const first = exact(estimateFromMoments(mo, model));
    expect(exact(estimateFromMoments(mo, model))).toBe(first);
    expect(exact(estimateFromMoments(mo, parseModel(text)))).toBe(first);
    // drop a path in place: the estimate follows the change
    const removed = model.paths.pop()!;
    const changed = estimateFromMoments(mo, model);
    expect(changed.paths).toHaveLength(model.paths.length);
    expect(exact(changed)).toBe(exact(estimateFromMoments(mo, JSON.parse(JSON.stringify(model)) as ModelSpec)));
    model.paths.push(removed);
    expect(exact(estimateFromMoments(mo, model))).toBe(first);
    // an item renamed in place to one the moments lack: validated again
    const c = model.constructs[0];
    const saved = c.items![0];
    c.items![0] = 'NOT_AN_ITEM';
    expect(() => estimateFromMoments(mo, model)).toThrow(/NOT_AN_ITEM/);
    c.items![0] = saved;
    expect(exact(estimateFromMoments(mo, model))).toBe(first);
  });

  it('one model over moments of other item lists (reordered, a superset): each validated and placed on its own', () => {
    const model = parseModel(text);
    const names = survey!.itemNames;
    const all = momentsFromSurvey(survey!);
    const want = exact(estimateFromMoments(all, parseModel(text)).fit);
    const reversed = momentsFromSurvey(survey!, { items: [...names].reverse() });
    for (const mo of [all, reversed, all, reversed]) expect(exact(estimateFromMoments(mo, model).fit)).toBe(want);
    const fewer = accumulateMoments(survey!.items.slice(1), { names: names.slice(1) });
    expect(() => estimateFromMoments(fewer, model)).toThrow(/not a column/);
    expect(() => estimateFromMoments(fewer, model)).toThrow(/not a column/);
  });
});
