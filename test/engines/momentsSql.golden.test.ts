/**
 * Golden-text tests of the generated moments SQL, one per dialect, for a 2-item case. The expected texts were
 * written by hand from engines.md §2 (the SQL forms and the dialect table), not copied from the generator's output.
 * DuckDB and ClickHouse texts are also RUN (duckdb.test.ts, clickhouse.test.ts); PostgreSQL, Spark SQL and BigQuery
 * cannot run here, so for them this text is the whole test.
 */
import { describe, expect, it } from 'vitest';
import { momentsSql, quoteIdentifier, sqlStringLiteral, sqlNumber } from '../../src/engines/index.js';
import type { Codebook } from '../../src/data/codebook.js';

describe('momentsSql golden text', () => {
  it("the form's old option name `missing` still works (same SQL as `form`)", () => {
    const a = momentsSql({ items: ['q1', 'q2'], source: 'survey', form: 'pairwise', dialect: 'duckdb' });
    const b = momentsSql({ items: ['q1', 'q2'], source: 'survey', missing: 'pairwise', dialect: 'duckdb' });
    expect(b.sql).toBe(a.sql);
    expect(() => momentsSql({ items: ['q1'], source: 'survey', dialect: 'duckdb' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });

  it('duckdb, complete form, unweighted', () => {
    const q = momentsSql({ items: ['q1', 'q2'], source: 'survey', form: 'complete', dialect: 'duckdb' });
    expect(q.sql).toBe(
      [
        'SELECT',
        '  COUNT(*) AS csi_n,',
        '  COUNT("q1") AS csi_n_0,',
        '  COUNT("q2") AS csi_n_1,',
        '  SUM(CAST("q1" AS DOUBLE)) AS csi_s_0,',
        '  SUM(CAST("q2" AS DOUBLE)) AS csi_s_1,',
        '  SUM(CAST("q1" AS DOUBLE) * CAST("q1" AS DOUBLE)) AS csi_c_0_0,',
        '  SUM(CAST("q1" AS DOUBLE) * CAST("q2" AS DOUBLE)) AS csi_c_0_1,',
        '  SUM(CAST("q2" AS DOUBLE) * CAST("q2" AS DOUBLE)) AS csi_c_1_1',
        'FROM "survey"',
      ].join('\n'),
    );
    expect(q.checkSql).toBeUndefined();
    expect(q.columns.map((c) => c.alias)).toEqual(['csi_n', 'csi_n_0', 'csi_n_1', 'csi_s_0', 'csi_s_1', 'csi_c_0_0', 'csi_c_0_1', 'csi_c_1_1']);
  });

  it('clickhouse, pairwise form, weighted, grouped, with a quote and CJK in names', () => {
    const q = momentsSql({ items: ['q1"x', '满意度1'], source: 'survey', weights: 'w', groupBy: ['line'], form: 'pairwise', dialect: 'clickhouse' });
    const W = 'toFloat64("w")';
    const o0 = '(CASE WHEN "q1\\"x" IS NULL THEN 0 ELSE 1 END)';
    const o1 = '(CASE WHEN "满意度1" IS NULL THEN 0 ELSE 1 END)';
    const z0 = 'COALESCE(toFloat64("q1\\"x"), 0)';
    const z1 = 'COALESCE(toFloat64("满意度1"), 0)';
    expect(q.sql).toBe(
      [
        'SELECT',
        '  "line" AS csi_g_0,',
        '  COUNT(*) AS csi_n,',
        `  SUM(${W}) AS csi_sw,`,
        `  SUM(${W} * ${W}) AS csi_sww,`,
        `  SUM(CASE WHEN "w" IS NULL OR ${W} < 0 THEN 1 ELSE 0 END) AS csi_badw,`,
        `  SUM(${o0}) AS csi_n_0,`,
        `  SUM(${o1}) AS csi_n_1,`,
        `  SUM(${W} * ${z0}) AS csi_s_0,`,
        `  SUM(${W} * ${z1}) AS csi_s_1,`,
        `  SUM(${W} * ${z0} * ${z0}) AS csi_c_0_0,`,
        `  SUM(${W} * ${z0} * ${z1}) AS csi_c_0_1,`,
        `  SUM(${W} * ${z1} * ${z1}) AS csi_c_1_1,`,
        `  SUM(${W} * ${o0}) AS csi_m_0_0,`,
        `  SUM(${W} * ${o0} * ${o1}) AS csi_m_0_1,`,
        `  SUM(${W} * ${o1}) AS csi_m_1_1,`,
        `  SUM(${W} * ${z0} * ${o1}) AS csi_p_0_1,`,
        `  SUM(${W} * ${z1} * ${o0}) AS csi_p_1_0,`,
        `  SUM(${W} * ${z0} * ${z0} * ${o1}) AS csi_q_0_1,`,
        `  SUM(${W} * ${z1} * ${z1} * ${o0}) AS csi_q_1_0`,
        'FROM "survey"',
        'GROUP BY "line"',
      ].join('\n'),
    );
    // The literal text of the first item name as ClickHouse reads it: "q1\"x".
    expect(q.sql).toContain('"q1\\"x"');
  });

  it('postgres, casewise form with a codebook (missing code, reverse item, scale check in a separate query)', () => {
    const codebook: Codebook = {
      items: [
        { id: 'q1', scale: { min: 1, max: 5 }, reverse: true, missing: [{ value: 9 }] },
        { id: 'q2', scale: { min: 0, max: 10 } },
      ],
    };
    const q = momentsSql({ items: ['q1', 'q2'], source: { schema: 's', table: 't' }, form: 'casewise', dialect: 'postgres', codebook });
    const f1 = 'CAST("q1" AS DOUBLE PRECISION)';
    const f2 = 'CAST("q2" AS DOUBLE PRECISION)';
    const pre1 = `(CASE WHEN ${f1} = 9 THEN NULL ELSE ${f1} END)`;
    const x1 = `(6 - ${pre1})`; // reverse on 1..5: 1 + 5 − x
    expect(q.sql).toBe(
      [
        'SELECT',
        '  COUNT(*) AS csi_n,',
        `  COUNT(${pre1}) AS csi_n_0,`,
        '  COUNT("q2") AS csi_n_1,',
        `  SUM(${x1}) AS csi_s_0,`,
        `  SUM(${f2}) AS csi_s_1,`,
        `  SUM(${x1} * ${x1}) AS csi_c_0_0,`,
        `  SUM(${x1} * ${f2}) AS csi_c_0_1,`,
        `  SUM(${f2} * ${f2}) AS csi_c_1_1`,
        'FROM "s"."t"',
        `WHERE ${pre1} IS NOT NULL AND "q2" IS NOT NULL`,
      ].join('\n'),
    );
    expect(q.checkSql).toBe(
      [
        'SELECT',
        '  COUNT(*) AS csi_n,',
        `  SUM(CASE WHEN ${pre1} < 1 OR ${pre1} > 5 THEN 1 ELSE 0 END) AS csi_oos_0,`,
        `  SUM(CASE WHEN ${f2} < 0 OR ${f2} > 10 THEN 1 ELSE 0 END) AS csi_oos_1`,
        'FROM "s"."t"',
      ].join('\n'),
    );
  });

  it('spark, complete form, weighted, two segment columns, backtick quoting with a doubled backtick', () => {
    const q = momentsSql({ items: ['a`b', 'q2'], source: 'survey', weights: 'w', groupBy: ['line', 'region'], form: 'complete', dialect: 'spark' });
    const W = 'CAST(`w` AS DOUBLE)';
    const a = 'CAST(`a``b` AS DOUBLE)';
    const b = 'CAST(`q2` AS DOUBLE)';
    expect(q.sql).toBe(
      [
        'SELECT',
        '  `line` AS csi_g_0,',
        '  `region` AS csi_g_1,',
        '  COUNT(*) AS csi_n,',
        `  SUM(${W}) AS csi_sw,`,
        `  SUM(${W} * ${W}) AS csi_sww,`,
        `  SUM(CASE WHEN \`w\` IS NULL OR ${W} < 0 THEN 1 ELSE 0 END) AS csi_badw,`,
        '  COUNT(`a``b`) AS csi_n_0,',
        '  COUNT(`q2`) AS csi_n_1,',
        `  SUM(${W} * ${a}) AS csi_s_0,`,
        `  SUM(${W} * ${b}) AS csi_s_1,`,
        `  SUM(${W} * ${a} * ${a}) AS csi_c_0_0,`,
        `  SUM(${W} * ${a} * ${b}) AS csi_c_0_1,`,
        `  SUM(${W} * ${b} * ${b}) AS csi_c_1_1`,
        'FROM `survey`',
        'GROUP BY `line`, `region`',
      ].join('\n'),
    );
    expect(q.sql).not.toContain('"'); // Spark reads "x" as a string literal
  });

  it('bigquery, complete form, weighted, grouped, backslash-escaped backtick', () => {
    const q = momentsSql({ items: ['a`b', 'q2'], source: { schema: 'ds', table: 'surveys' }, weights: 'w', groupBy: ['line'], form: 'complete', dialect: 'bigquery' });
    const W = 'CAST(`w` AS FLOAT64)';
    const a = 'CAST(`a\\`b` AS FLOAT64)';
    const b = 'CAST(`q2` AS FLOAT64)';
    expect(q.sql).toBe(
      [
        'SELECT',
        '  `line` AS csi_g_0,',
        '  COUNT(*) AS csi_n,',
        `  SUM(${W}) AS csi_sw,`,
        `  SUM(${W} * ${W}) AS csi_sww,`,
        `  SUM(CASE WHEN \`w\` IS NULL OR ${W} < 0 THEN 1 ELSE 0 END) AS csi_badw,`,
        '  COUNT(`a\\`b`) AS csi_n_0,',
        '  COUNT(`q2`) AS csi_n_1,',
        `  SUM(${W} * ${a}) AS csi_s_0,`,
        `  SUM(${W} * ${b}) AS csi_s_1,`,
        `  SUM(${W} * ${a} * ${a}) AS csi_c_0_0,`,
        `  SUM(${W} * ${a} * ${b}) AS csi_c_0_1,`,
        `  SUM(${W} * ${b} * ${b}) AS csi_c_1_1`,
        'FROM `ds`.`surveys`',
        'GROUP BY `line`',
      ].join('\n'),
    );
    expect(q.sql).not.toContain('"');
  });

  it('duckdb pairwise without weights has no m_ii columns (m_ii = n_i) and 2 + 2 + 3 + 1 + 2 + 2 aggregates', () => {
    const q = momentsSql({ items: ['q1', 'q2'], source: 't', form: 'pairwise', dialect: 'duckdb' });
    expect(q.columns.map((c) => c.alias)).toEqual([
      'csi_n', 'csi_n_0', 'csi_n_1', 'csi_s_0', 'csi_s_1', 'csi_c_0_0', 'csi_c_0_1', 'csi_c_1_1', 'csi_m_0_1', 'csi_p_0_1', 'csi_p_1_0', 'csi_q_0_1', 'csi_q_1_0',
    ]);
    expect(q.sql).toContain('  SUM((CASE WHEN "q1" IS NULL THEN 0 ELSE 1 END) * (CASE WHEN "q2" IS NULL THEN 0 ELSE 1 END)) AS csi_m_0_1,');
  });

  it('lengthens the alias prefix when a data column starts with it (ClickHouse resolves aliases anywhere)', () => {
    const q = momentsSql({ items: ['csi_n', 'q2'], source: 't', form: 'complete', dialect: 'clickhouse' });
    expect(q.sql.split('\n')[1]).toBe('  COUNT(*) AS csi__n,');
    expect(q.sql).toContain('SUM(toFloat64("csi_n")) AS csi__s_0');
  });

  it('rejects empty items, duplicates, unknown dialects and codebook items it does not know', () => {
    expect(() => momentsSql({ items: [], source: 't', form: 'complete', dialect: 'duckdb' })).toThrow(expect.objectContaining({ code: 'NO_ITEMS' }));
    expect(() => momentsSql({ items: ['a', 'a'], source: 't', form: 'complete', dialect: 'duckdb' })).toThrow(expect.objectContaining({ code: 'DUPLICATE_ITEM' }));
    expect(() => momentsSql({ items: ['a'], source: 't', form: 'complete', dialect: 'mysql' as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => momentsSql({ items: ['a'], source: 't', form: 'complete', dialect: 'duckdb', codebook: { items: [] } })).toThrow(expect.objectContaining({ code: 'UNKNOWN_ITEM' }));
    expect(() =>
      momentsSql({ items: ['a'], source: 't', form: 'complete', dialect: 'duckdb', codebook: { items: [{ id: 'a', scale: { min: 5, max: 1 } }] } }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_CODEBOOK' }));
  });
});

describe('SQL quoting helpers', () => {
  const evil = 'q1"; DROP TABLE t; --';
  it('quotes identifiers per dialect', () => {
    expect(quoteIdentifier(evil, 'duckdb')).toBe('"q1""; DROP TABLE t; --"');
    expect(quoteIdentifier(evil, 'postgres')).toBe('"q1""; DROP TABLE t; --"');
    expect(quoteIdentifier(evil, 'clickhouse')).toBe('"q1\\"; DROP TABLE t; --"');
    expect(quoteIdentifier('a\\b', 'clickhouse')).toBe('"a\\\\b"');
    expect(quoteIdentifier(evil, 'spark')).toBe('`q1"; DROP TABLE t; --`');
    expect(quoteIdentifier('a`b', 'spark')).toBe('`a``b`');
    expect(quoteIdentifier('a`b\\c', 'bigquery')).toBe('`a\\`b\\\\c`');
    expect(quoteIdentifier('a\nb', 'bigquery')).toBe('`a\\u000ab`');
    expect(quoteIdentifier('满意度1', 'duckdb')).toBe('"满意度1"');
    expect(() => quoteIdentifier('', 'duckdb')).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => quoteIdentifier('a\u0000', 'duckdb')).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
  it('escapes string literals and writes only finite numbers', () => {
    expect(sqlStringLiteral("it's.csv", 'duckdb')).toBe("'it''s.csv'");
    expect(sqlStringLiteral("a\\'b", 'clickhouse')).toBe("'a\\\\\\'b'");
    expect(sqlNumber(10)).toBe('10');
    expect(sqlNumber(-1.5)).toBe('(-1.5)');
    expect(sqlNumber(-0)).toBe('0');
    expect(() => sqlNumber(NaN)).toThrow();
    expect(() => sqlNumber(Infinity)).toThrow();
  });
});
