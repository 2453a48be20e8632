import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { duckdbMoments } from '../../src/engines/duckdb/index.js';
import { parseMomentsRow } from '../../src/engines/parseMomentsRow.js';
import { momentsSql } from '../../src/engines/sql/momentsSql.js';
import { surveyCsv } from '../helpers/hostile.js';

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
