/**
 * Reading engine rows into Moments, without an engine: rows written by hand as DuckDB (BigInt) and ClickHouse
 * (UInt64 as decimal strings) return them. Expected values are worked out by hand in each test.
 */
import { describe, expect, it } from 'vitest';
import { exactNumber, groupedMomentsFromRows, marginOf, momentsSql, parseMomentsRow, totalOf } from '../../src/engines/index.js';

describe('exactNumber', () => {
  it('reads numbers, BigInt and decimal strings exactly, and refuses what is not exact', () => {
    expect(exactNumber(3.5, 'x')).toBe(3.5);
    expect(exactNumber(12345678901234n, 'x')).toBe(12345678901234);
    expect(exactNumber('42', 'x')).toBe(42);
    expect(exactNumber('-7', 'x')).toBe(-7);
    expect(exactNumber('1.25e2', 'x')).toBe(125);
    expect(exactNumber(null, 'x')).toBeNull();
    expect(exactNumber(String(2 ** 53), 'x')).toBe(2 ** 53);
    expect(() => exactNumber('9007199254740993', 'x')).toThrow(expect.objectContaining({ code: 'ENGINE' })); // 2^53 + 1
    expect(() => exactNumber(2n ** 60n, 'x')).toThrow(expect.objectContaining({ code: 'ENGINE' }));
    expect(() => exactNumber('nan', 'x')).toThrow(expect.objectContaining({ code: 'ENGINE' }));
    expect(() => exactNumber(Infinity, 'x')).toThrow(expect.objectContaining({ code: 'ENGINE' }));
    expect(() => exactNumber({}, 'x')).toThrow(expect.objectContaining({ code: 'ENGINE' }));
  });
});

describe('parseMomentsRow', () => {
  const complete = momentsSql({ items: ['a', 'b'], source: 't', form: 'complete', dialect: 'duckdb' });
  // Rows (a, b): (1, 2), (3, 4) → n 2, s [4, 6], c = [[1+9, 2+12], [., 4+16]]
  const row = { csi_n: 2n, csi_n_0: 2n, csi_n_1: 2n, csi_s_0: 4, csi_s_1: 6, csi_c_0_0: 10, csi_c_0_1: 14, csi_c_1_1: 20 };

  it('fills a complete-form row: m = sw, p[i,j] = s[i], q[i,j] = c[i,i]; sw = sww = n unweighted', () => {
    const m = parseMomentsRow(row, complete.spec);
    expect(m).toEqual({
      items: ['a', 'b'],
      n: 2,
      weighted: false,
      sw: 2,
      sww: 2,
      nObs: [2, 2],
      s: [4, 6],
      m: [2, 2, 2, 2],
      p: [4, 4, 6, 6],
      q: [10, 10, 20, 20],
      c: [10, 14, 14, 20],
      complete: true,
    });
  });

  it('refuses a complete-form row whose per-item count is below n (SUM skipped NULLs: a wrong number)', () => {
    expect(() => parseMomentsRow({ ...row, csi_n_1: 1n }, complete.spec)).toThrow(expect.objectContaining({ code: 'INCOMPLETE_MOMENTS', column: 'b' }));
  });

  it('reads a weighted pairwise-form row with ClickHouse-style string counts', () => {
    const q = momentsSql({ items: ['a', 'b'], source: 't', weights: 'w', form: 'pairwise', dialect: 'clickhouse' });
    // Rows (a, b, w): (1, 2, 1), (3, NULL, 2) → o_b = [1, 0]
    const r = {
      csi_n: '2', csi_sw: 3, csi_sww: 5, csi_badw: '0',
      csi_n_0: '2', csi_n_1: '1',
      csi_s_0: 1 + 6, csi_s_1: 2,
      csi_c_0_0: 1 + 18, csi_c_0_1: 2, csi_c_1_1: 4,
      csi_m_0_0: 3, csi_m_0_1: 1, csi_m_1_1: 1,
      csi_p_0_1: 1, csi_p_1_0: 2,
      csi_q_0_1: 1, csi_q_1_0: 4,
    };
    const m = parseMomentsRow(r, q.spec);
    expect(m.complete).toBe(false);
    expect(m.weighted).toBe(true);
    expect(m.nObs).toEqual([2, 1]);
    expect(m.m).toEqual([3, 1, 1, 1]);
    expect(m.p).toEqual([7, 1, 2, 2]);
    expect(m.q).toEqual([19, 1, 4, 4]);
    expect(m.c).toEqual([19, 2, 2, 4]);
  });

  it('throws OUT_OF_SCALE and INVALID_WEIGHT from the check columns', () => {
    const q = momentsSql({ items: ['a'], source: 't', weights: 'w', form: 'complete', dialect: 'duckdb', codebook: { items: [{ id: 'a', scale: { min: 1, max: 5 } }] } });
    const ok = { csi_n: 1n, csi_sw: 1, csi_sww: 1, csi_badw: 0n, csi_oos_0: 0n, csi_n_0: 1n, csi_s_0: 3, csi_c_0_0: 9 };
    expect(parseMomentsRow(ok, q.spec).s).toEqual([3]);
    expect(() => parseMomentsRow({ ...ok, csi_oos_0: 2n }, q.spec)).toThrow(expect.objectContaining({ code: 'OUT_OF_SCALE', column: 'a' }));
    expect(() => parseMomentsRow({ ...ok, csi_badw: 1n }, q.spec)).toThrow(expect.objectContaining({ code: 'INVALID_WEIGHT', column: 'w' }));
  });

  it('reads SUM over no rows (NULL) as 0 only when n = 0', () => {
    const m = parseMomentsRow({ csi_n: 0n, csi_n_0: 0n, csi_n_1: 0n, csi_s_0: null, csi_s_1: null, csi_c_0_0: null, csi_c_0_1: null, csi_c_1_1: null }, complete.spec);
    expect(m.n).toBe(0);
    expect(m.c).toEqual([0, 0, 0, 0]);
    expect(() => parseMomentsRow({ ...row, csi_s_0: null }, complete.spec)).toThrow(expect.objectContaining({ code: 'ENGINE' }));
  });
});

describe('grouped moments and margins', () => {
  const q = momentsSql({ items: ['a'], source: 't', groupBy: ['line', 'region'], form: 'complete', dialect: 'duckdb' });
  // cells: (3G,R1): a = 1, 2 ; (3G,R2): a = 4 ; (4G,R1): a = 3 ; a NULL segment value (null, R2): a = 5
  const rows = [
    { csi_g_0: '3G', csi_g_1: 'R1', csi_n: 2n, csi_n_0: 2n, csi_s_0: 3, csi_c_0_0: 5 },
    { csi_g_0: '3G', csi_g_1: 'R2', csi_n: 1n, csi_n_0: 1n, csi_s_0: 4, csi_c_0_0: 16 },
    { csi_g_0: '4G', csi_g_1: 'R1', csi_n: 1n, csi_n_0: 1n, csi_s_0: 3, csi_c_0_0: 9 },
    { csi_g_0: null, csi_g_1: 'R2', csi_n: 1n, csi_n_0: 1n, csi_s_0: 5, csi_c_0_0: 25 },
  ];
  it('keys cells by level (null kept) and adds cells up to every margin', () => {
    const g = groupedMomentsFromRows(rows, q.spec);
    expect(g.by).toEqual(['line', 'region']);
    expect(g.groups.map((x) => x.key)).toEqual([['3G', 'R1'], ['3G', 'R2'], ['4G', 'R1'], [null, 'R2']]);
    const byLine = marginOf(g, ['line']);
    expect(byLine.groups.map((x) => [x.key[0], x.moments.n, x.moments.s[0], x.moments.c[0]])).toEqual([
      ['3G', 3, 7, 21],
      ['4G', 1, 3, 9],
      [null, 1, 5, 25],
    ]);
    const byRegion = marginOf(g, ['region']);
    expect(byRegion.groups.map((x) => [x.key[0], x.moments.n, x.moments.s[0]])).toEqual([
      ['R1', 3, 6],
      ['R2', 2, 9],
    ]);
    const total = totalOf(g, ['a']);
    expect([total.n, total.s[0], total.c[0]]).toEqual([5, 15, 55]);
    expect(() => marginOf(g, ['wave'])).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(totalOf({ by: ['line'], groups: [] }, ['a']).n).toBe(0);
  });
});
