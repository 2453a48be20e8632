import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { checkRowsRead, countCsvDataRecords } from '../../src/engines/duckdb/csvFileCheck.js';
import { duckdbMoments, duckdbPoissonBootstrap } from '../../src/engines/duckdb/index.js';
import { parseMomentsRow } from '../../src/engines/parseMomentsRow.js';
import { momentsSql } from '../../src/engines/sql/momentsSql.js';
import { surveyCsv } from '../helpers/hostile.js';

// The row-count test below undoes the dialect pinning (comment = '' → '#', as DuckDB's sniffer chose before) to show
// that the row count catches what the pinning prevents; every other test reads with the real source.
const bypass = vi.hoisted(() => ({ comment: false }));
vi.mock('../../src/engines/duckdb/duckdbSource.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engines/duckdb/duckdbSource.js')>();
  return {
    ...real,
    duckdbFileSource: (...args: Parameters<typeof real.duckdbFileSource>) => {
      const src = real.duckdbFileSource(...args);
      return bypass.comment ? { raw: src.raw.replace("comment = ''", "comment = '#'") } : src;
    },
  };
});

const ITEMS = ['IMAG1', 'IMAG2', 'CUSA1'];
const dir = mkdtempSync(join(tmpdir(), 'csikit-hostile-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a generated file and returns what duckdbMoments says about it: 'n = …' or the error (code, message). */
async function outcome(name: string, bytes: string | Uint8Array): Promise<{ n?: number; code?: string; message?: string; row?: number; column?: string }> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  try {
    return { n: (await duckdbMoments({ file, items: ITEMS, threads: 1 })).moments.n };
  } catch (e) {
    const x = e as { code: string; message: string; row?: number; column?: string };
    return { code: x.code, message: x.message, row: x.row, column: x.column };
  }
}

const lines = surveyCsv(250, ITEMS, 8).trimEnd().split('\n');

describe('DuckDB reads CSV as the in-memory reader does and names the real cause (issue 18 items 8 and 16)', () => {
  it('item 8: "#" before every 10th line is data, not a comment: refused with row and column, never 225 rows', async () => {
    const text = lines.map((l, i) => (i > 0 && i % 10 === 0 ? `#${l}` : l)).join('\n') + '\n';
    const r = await outcome('hash.csv', text);
    expect(r.n).toBeUndefined();
    expect(r).toMatchObject({ code: 'NON_NUMERIC', row: 11, column: 'IMAG1' });
    expect(r.message).toMatch(/^Row 11, column "IMAG1": "#\d+" is not a number\.$/);
    expect((await outcome('plain.csv', lines.join('\n') + '\n')).n).toBe(250);
  }, 30_000);

  it('item 16: one long or short row names the row (and the missing column), not "IMAG1 is not in the data"', async () => {
    const long = [...lines];
    long[101] += ',7';
    expect(await outcome('long.csv', long.join('\n') + '\n')).toMatchObject({ code: 'RAGGED_ROW', row: 102, message: 'Row 102 has 4 fields but the header (row 1) has 3.' });
    const short = [...lines];
    short[101] = '5,6';
    expect(await outcome('short.csv', short.join('\n') + '\n')).toMatchObject({ code: 'RAGGED_ROW', row: 102, column: 'CUSA1' });
  }, 30_000);

  it('item 16: a directory, an empty file, UTF-16 and Latin-1 get the reader\'s words', async () => {
    mkdirSync(join(dir, 'folder.csv'));
    const d = await duckdbMoments({ file: join(dir, 'folder.csv'), items: ITEMS }).catch((e: Error) => e);
    expect((d as Error).message).toMatch(/is a directory, not a CSV file/);
    expect(await outcome('empty.csv', '')).toMatchObject({ code: 'EMPTY_FILE' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(lines.join('\n'), (c) => [c.charCodeAt(0), 0]).flat()]);
    expect(await outcome('utf16.csv', utf16)).toMatchObject({ code: 'ENCODING', message: expect.stringMatching(/is UTF-16 .* DuckDB reads UTF-8 only/) });
    const latin = Uint8Array.from(`Région,${lines[0]}\n${lines.slice(1).map((l) => `Île,${l}`).join('\n')}\n`, (c) => c.charCodeAt(0));
    expect(await outcome('latin.csv', latin)).toMatchObject({ code: 'ENCODING', row: 1, message: expect.stringMatching(/not UTF-8 .* Latin-1\/Windows-1252/) });
  }, 30_000);

  it('item 16: a NaN sum names the item, not the alias csi_s_0', () => {
    const q = momentsSql({ items: ['IMAG1'], source: 't', missing: 'complete', dialect: 'duckdb' });
    expect(() => parseMomentsRow({ csi_n: 2n, csi_n_0: 2n, csi_s_0: NaN, csi_c_0_0: 5 }, q.spec)).toThrow(/returned NaN for the sum of item "IMAG1"/);
  });
});

describe('DuckDB\'s row count is checked against the file\'s records (issue 18 item 8, second half)', () => {
  const hashed = lines.map((l, i) => (i > 0 && i % 10 === 0 ? `#${l}` : l)).join('\n') + '\n';

  it('with the dialect pinning undone, the "#" file read as 225 of 250 rows is an ENGINE error, not an estimate', async () => {
    bypass.comment = true;
    try {
      const r = await outcome('hash-unpinned.csv', hashed);
      expect(r.n).toBeUndefined();
      expect(r.code).toBe('ENGINE');
      expect(r.message).toMatch(/^DuckDB read 225 rows of .*hash-unpinned\.csv but the file holds 250 records after the header/);
      expect(r.message).not.toContain('\n');
      // The bootstrap reads through the same check.
      const boot = await duckdbPoissonBootstrap({ file: join(dir, 'hash-unpinned.csv'), items: ITEMS, threads: 1, replicates: 3, seed: 1, rowKey: 'IMAG1' }).catch((e: Error) => e);
      expect((boot as Error).message).toMatch(/^DuckDB read 225 rows/);
      // checkRows: false (a file much larger than memory) reads what DuckDB reads: the 225 rows this check exists for.
      expect((await duckdbMoments({ file: join(dir, 'hash-unpinned.csv'), items: ITEMS, threads: 1, checkRows: false })).moments.n).toBe(225);
      // The CLI: exit 2, one line.
      writeFileSync(join(dir, 'hash.model'), 'Image =~ IMAG1 + IMAG2\nSatisfaction =~ CUSA1\nSatisfaction ~ Image\n');
      let err = '';
      const code = await runCli(['estimate', join(dir, 'hash-unpinned.csv'), '--engine', 'duckdb', '--threads', '1', '--model', join(dir, 'hash.model')], { stdout: () => {}, stderr: (t) => void (err += t) });
      expect(code).toBe(2);
      expect(err).toMatch(/DuckDB read 225 rows of .*hash-unpinned\.csv but the file holds 250 records/);
      expect(err.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      bypass.comment = false;
    }
    expect((await outcome('hash-pinned.csv', hashed)).code).toBe('NON_NUMERIC');
  }, 30_000);

  it('the normal path still agrees: blank lines, CRLF, lone CR, quoted line breaks, casewise, groups, bootstrap', async () => {
    const body = lines.slice(1);
    const seg = (l: string, i: number): string => `${l},${i % 7 === 0 ? '"a\n\nb"' : `s${i % 3}`}`;
    const files: [string, string, number][] = [
      ['blank.csv', [lines[0], ...body.slice(0, 100), '', '', ...body.slice(100)].join('\n') + '\n\n', 250],
      ['crlf.csv', lines.join('\r\n') + '\r\n', 250],
      ['cr.csv', lines.join('\r'), 250],
      ['quoted.csv', [`${lines[0]},seg`, ...body.map(seg)].join('\n') + '\n', 250],
    ];
    for (const [name, text, n] of files) {
      const file = join(dir, name);
      writeFileSync(file, text);
      expect(await countCsvDataRecords(file, ','), name).toBe(n);
      const r = await duckdbMoments({ file, items: ITEMS, threads: 1, ...(name === 'quoted.csv' ? { groupBy: ['seg'] } : {}) });
      expect([r.moments.n, r.rowsRead], name).toEqual([n, n]);
    }
    const holes = join(dir, 'holes.csv');
    writeFileSync(holes, [lines[0], ...body.map((l, i) => (i % 5 === 0 ? l.replace(/^\d+/, 'NA') : l))].join('\n') + '\n');
    const cw = await duckdbMoments({ file: holes, items: ITEMS, threads: 1, missing: 'casewise' });
    expect([cw.moments.n, cw.rowsRead]).toEqual([200, 250]);
    const boot = await duckdbPoissonBootstrap({ file: holes, items: ITEMS, threads: 1, replicates: 3, seed: 1, rowKey: 'IMAG2' });
    expect(boot.full.rowsRead).toBe(250);
  }, 30_000);

  it('checkRowsRead: equal counts pass, others throw one line with both numbers', () => {
    expect(() => checkRowsRead('s.csv', 250, 250)).not.toThrow();
    expect(() => checkRowsRead('s.csv', 251, 250)).toThrow(/^DuckDB read 251 rows of s\.csv but the file holds 250 records after the header \(blank lines not counted\): its CSV reader split rows/);
  });
});
