import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulateMoments } from '../../src/stats/accumulateMoments.js';
import { fillCompleteForm, mergeMoments } from '../../src/stats/mergeMoments.js';
import { selectMoments } from '../../src/stats/selectMoments.js';
import { groupedMoments, marginOf, momentsBySegment, totalOf } from '../../src/stats/groupedMoments.js';
import { isCsiError } from '../../src/errors.js';
import { csvColumns, HAS_SHARED, sharedText, SKIP_MESSAGE, surveyOf } from '../helpers/csvSurvey.js';

describe.skipIf(!HAS_SHARED)(`mergeMoments — ${HAS_SHARED ? 'corp_rep_data' : SKIP_MESSAGE}`, () => {
  it('moments of chunks merge to the moments of the whole (exact: integer data and weights)', () => {
    const { columns } = csvColumns(sharedText('datasets/corp_rep_data.csv'));
    const N = columns[0].length;
    const weights = Float64Array.from({ length: N }, (_, r) => 1 + (r % 3));
    const whole = accumulateMoments(columns, { weights });
    const cuts = [0, 37, 150, 151, N];
    let merged = null as ReturnType<typeof accumulateMoments> | null;
    for (let k = 0; k + 1 < cuts.length; k++) {
      const rows = Int32Array.from({ length: cuts[k + 1] - cuts[k] }, (_, i) => cuts[k] + i);
      const part = accumulateMoments(columns, { weights, rows });
      merged = merged ? mergeMoments(merged, part) : part;
    }
    expect(whole.complete).toBe(false);
    expect(merged).toEqual(whole);
  });
});

describe('mergeMoments and the complete form', () => {
  it('merges complete and incomplete parts; complete only when both are', () => {
    const a = accumulateMoments([new Float64Array([1, 2]), new Float64Array([3, 4])], { names: ['x', 'y'] });
    const b = accumulateMoments([new Float64Array([5]), new Float64Array([NaN])], { names: ['x', 'y'] });
    const all = accumulateMoments([new Float64Array([1, 2, 5]), new Float64Array([3, 4, NaN])], { names: ['x', 'y'] });
    expect(mergeMoments(a, b)).toEqual(all);
  });

  it('fills m, p, q of an engine-style complete form', () => {
    const full = accumulateMoments([new Float64Array([1, 2, 4]), new Float64Array([3, 4, 1])], { names: ['x', 'y'] });
    const engine = { ...full, m: [], p: [], q: [] };
    expect(fillCompleteForm(engine)).toEqual(full);
  });

  it('refuses moments of different items', () => {
    const a = accumulateMoments([new Float64Array([1, 2])], { names: ['x'] });
    const b = accumulateMoments([new Float64Array([1, 2])], { names: ['z'] });
    try {
      mergeMoments(a, b);
      expect.unreachable();
    } catch (e) {
      expect(isCsiError(e) && e.code).toBe('INVALID_MOMENTS');
    }
  });

  it('selectMoments keeps the chosen items in the chosen order', () => {
    const mo = accumulateMoments([new Float64Array([1, 2, 3]), new Float64Array([2, NaN, 1]), new Float64Array([5, 6, 9])], { names: ['a', 'b', 'c'] });
    const sel = selectMoments(mo, ['c', 'a']); // no missing value among c, a: the complete form
    expect(sel.complete).toBe(true);
    expect(sel.m).toEqual([]);
    expect(fillCompleteForm(sel)).toEqual(accumulateMoments([new Float64Array([5, 6, 9]), new Float64Array([1, 2, 3])], { names: ['c', 'a'] }));
    const withB = selectMoments(mo, ['b', 'a']);
    expect(withB).toEqual(accumulateMoments([new Float64Array([2, NaN, 1]), new Float64Array([1, 2, 3])], { names: ['b', 'a'] }));
  });
});

describe('groupedMoments', () => {
  it('groups partition the rows; merging every group gives the moments of all grouped rows', () => {
    const x = new Float64Array([1, 2, 3, 4, 5, 6, 7]);
    const y = new Float64Array([2, NaN, 1, 3, 5, 8, 1]);
    const codes = Int32Array.from([0, 1, 0, -1, 2, 1, 0]);
    const grouped = groupedMoments([x, y], codes, ['a', 'b', 'c'], { names: ['x', 'y'], by: 'line' });
    expect(grouped.by).toEqual(['line']);
    expect(grouped.groups.map((g) => g.key)).toEqual([['a'], ['b'], ['c']]);
    const [a, b, c] = grouped.groups.map((g) => g.moments);
    expect(a).toEqual(accumulateMoments([Float64Array.of(1, 3, 7), Float64Array.of(2, 1, 1)], { names: ['x', 'y'] }));
    const all = mergeMoments(mergeMoments(a, b), c);
    expect(all).toEqual(accumulateMoments([x, y], { names: ['x', 'y'], rows: Int32Array.from([0, 1, 2, 4, 5, 6]) }));
    expect(totalOf(grouped, ['x', 'y'])).toEqual(all);
  });
});

describe('momentsBySegment', () => {
  it('each level gets the moments of exactly its rows (hand-picked); rows with no level are left out', () => {
    const x = new Float64Array([1, 2, 3, 4, 5]);
    const y = new Float64Array([2, NaN, 1, 3, 5]);
    const survey = { ...surveyOf(['x', 'y'], [x, y]), segments: [{ name: 'region', levels: ['N', 'S'], codes: Int32Array.from([1, 0, 1, -1, 1]) }] };
    const by = momentsBySegment(survey, 'region');
    expect(by.by).toEqual(['region']);
    expect(by.groups.map((g) => g.key)).toEqual([['N'], ['S']]);
    expect(by.groups[0].moments).toEqual(accumulateMoments([Float64Array.of(2), Float64Array.of(NaN)], { names: ['x', 'y'] }));
    expect(by.groups[1].moments).toEqual(accumulateMoments([Float64Array.of(1, 3, 5), Float64Array.of(2, 1, 5)], { names: ['x', 'y'] }));
    expect(() => momentsBySegment(survey, 'nope')).toThrow(expect.objectContaining({ code: 'MISSING_COLUMN', column: 'nope' }));
  });

  it('several columns: one cell per combination that occurs; marginOf adds cells up to one column', () => {
    const x = new Float64Array([1, 2, 3, 4, 5, 6]);
    const survey = {
      ...surveyOf(['x'], [x]),
      segments: [
        { name: 'region', levels: ['N', 'S'], codes: Int32Array.from([0, 1, 0, 1, 0, -1]) },
        { name: 'wave', levels: ['w1', 'w2'], codes: Int32Array.from([0, 0, 1, 1, 1, 0]) },
      ],
    };
    const cells = momentsBySegment(survey, ['region', 'wave']);
    expect(cells.by).toEqual(['region', 'wave']);
    expect(cells.groups.map((g) => [g.key, g.moments.n])).toEqual([[['N', 'w1'], 1], [['N', 'w2'], 2], [['S', 'w1'], 1], [['S', 'w2'], 1]]);
    const byRegion = marginOf(cells, ['region']);
    expect(byRegion.groups.map((g) => [g.key, g.moments.s[0]])).toEqual([[['N'], 9], [['S'], 6]]);
    expect(byRegion.groups[1].moments).toEqual(momentsBySegment(survey, 'region').groups[1].moments);
  });

  it('a group code without a level is an INVALID_OPTION naming the row, not a TypeError', () => {
    const x = new Float64Array([1, 2]);
    expect(() => groupedMoments([x], Int32Array.from([0, 2]), ['a', 'b'])).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringContaining('row 2') }));
    const survey = { ...surveyOf(['x'], [x]), segments: [{ name: 's', levels: ['a'], codes: Int32Array.from([0, 1]) }] };
    expect(() => momentsBySegment(survey, 's')).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('mergeMoments, property', () => {
  it('any split of any integer data (with missing values and weights) merges back exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.array(fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }), { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 3 })), { minLength: 2, maxLength: 40 }),
        fc.integer({ min: 1, max: 39 }),
        (p, rows, cutAt) => {
          const cols = Array.from({ length: p }, (_, k) => Float64Array.from(rows, ([vals]) => (vals[k] === null ? NaN : vals[k]!)));
          const weights = Float64Array.from(rows, ([, w]) => w);
          const cut = Math.min(cutAt, rows.length - 1);
          const a = accumulateMoments(cols, { weights, rows: Int32Array.from({ length: cut }, (_, i) => i) });
          const b = accumulateMoments(cols, { weights, rows: Int32Array.from({ length: rows.length - cut }, (_, i) => cut + i) });
          expect(mergeMoments(a, b)).toEqual(accumulateMoments(cols, { weights }));
        },
      ),
      { numRuns: 200 },
    );
  });
});
