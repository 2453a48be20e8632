import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/index.js';
import { estimateFromMoments, resultToJson } from '../../src/pls/index.js';
import { defineLazy } from '../../src/pls/lazyProperty.js';
import { assessQuality } from '../../src/quality/index.js';
import { momentsFromSurvey } from '../../src/stats/index.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';

describe('defineLazy', () => {
  it('computes once on first read, keeps the key order, and is seen by JSON, spreading and structuredClone', () => {
    let calls = 0;
    const o: { a: number; q?: { v: number }; z: number } = { a: 1, z: 0 };
    delete (o as { z?: number }).z;
    defineLazy(o, 'q', () => ({ v: ++calls }));
    o.z = 2;
    expect(calls).toBe(0);
    expect(Object.keys(o)).toEqual(['a', 'q', 'z']);
    expect(JSON.stringify(o)).toBe('{"a":1,"q":{"v":1},"z":2}');
    expect(o.q).toBe(o.q);
    expect({ ...o }).toEqual({ a: 1, q: { v: 1 }, z: 2 });
    expect(structuredClone(o)).toEqual({ a: 1, q: { v: 1 }, z: 2 });
    expect(calls).toBe(1);
  });

  it('a frozen object computes once and keeps returning that value', () => {
    let calls = 0;
    const o: { q?: { v: number } } = {};
    defineLazy(o, 'q', () => ({ v: ++calls }));
    Object.freeze(o);
    expect(o.q).toBe(o.q);
    expect([o.q!.v, calls]).toEqual([1, 1]);
  });

  it('a write before any read replaces the value without computing it', () => {
    let calls = 0;
    const o: { q?: number } = {};
    defineLazy(o, 'q', () => ++calls);
    o.q = 7;
    expect([o.q, calls]).toEqual([7, 0]);
  });
});

describe.skipIf(!HAS_SHARED)(`quality on first read — ${HAS_SHARED ? 'mobi' : SKIP_MESSAGE}`, () => {
  it('is the report assessQuality gives on the fit (with f² and PLSc), and absent with quality: false', () => {
    const survey = sharedSurvey('datasets/mobi.csv');
    const model = parseModel(sharedText('reference/mobi-ecsi.model'));
    const mo = momentsFromSurvey(survey);
    const res = estimateFromMoments(mo, model, { fSquared: true, consistent: true });
    expect(Object.keys(res)).toContain('quality');
    const q = res.quality!;
    expect(res.quality).toBe(q);
    expect(q.fSquared).toBeDefined();
    expect(q.reliability).toEqual(assessQuality(res.fit, { consistent: res.consistent! }).reliability);
    const json = resultToJson(estimateFromMoments(mo, model, { fSquared: true, consistent: true }));
    expect(json).toEqual(resultToJson(res));
    const none = estimateFromMoments(mo, model, { quality: false });
    expect('quality' in none).toBe(false);
  });
});
