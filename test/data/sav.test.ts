/**
 * The .sav/.zsav reader against pyreadstat's own test files in ../shared/datasets/sav (read at run time, never
 * copied). Expected data come from the CSV files next to them; the expected labels and missing-value definitions
 * are the ones ../shared/datasets/sav/README.md lists (what pyreadstat's tests/test_basic.py asserts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSav, type SavFile } from '../../src/data/sav/readSav.js';
import { readSurveySav } from '../../src/data/sav/readSurveySav.js';
import { savDateText } from '../../src/data/sav/savValues.js';
import { SHARED, SKIP_MESSAGE } from '../helpers/csvSurvey.js';
import { csiErrorOf } from './helpers.js';

const dir = path.join(SHARED, 'datasets', 'sav');
const present = existsSync(path.join(dir, 'basic_sample.sav'));
if (!present) console.warn(SKIP_MESSAGE);
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const sav = (name: string) => readSav(bytes(name));

/** The CSV's columns as text cells (BOM dropped). */
function csvTable(name: string): Map<string, string[]> {
  const lines = readFileSync(path.join(dir, name), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
  const header = lines[0].split(',');
  const cols = new Map(header.map((h) => [h, [] as string[]]));
  for (const line of lines.slice(1)) line.split(',').forEach((c, j) => cols.get(header[j])!.push(c));
  return cols;
}

const num = (c: string) => (c === '' || c === '#NULL!' || c === 'NaN' ? NaN : Number(c));
/** pyreadstat writes times with microseconds: '10:10:10.000000' is '10:10:10' here. */
const isoText = (c: string) => c.replace(/\.0+$/, '');

function column(f: SavFile, name: string) {
  const v = f.variables.find((x) => x.name === name);
  if (!v) throw new Error(`no variable ${name}`);
  return v;
}

function expectSample(f: SavFile, csv: Map<string, string[]>, rows: number) {
  expect(f.n).toBe(rows);
  expect(f.variables.map((v) => v.name)).toEqual([...csv.keys()]);
  expect(column(f, 'mychar').values).toEqual(csv.get('mychar')!.slice(0, rows));
  for (const name of ['mynum', 'mylabl', 'myord']) {
    expect(Array.from(column(f, name).values as Float64Array)).toEqual(csv.get(name)!.slice(0, rows).map(num));
  }
  for (const [name, kind] of [['mydate', 'date'], ['dtime', 'datetime'], ['mytime', 'time']] as const) {
    const v = column(f, name);
    expect(v.kind).toBe(kind);
    const got = Array.from(v.values as Float64Array, (x) => (x === x ? savDateText(x, kind) : ''));
    expect(got).toEqual(csv.get(name)!.slice(0, rows).map((c) => (c === '#NULL!' ? '' : isoText(c))));
  }
}

describe.skipIf(!present)('SPSS system files from pyreadstat (../shared/datasets/sav; skipped when ../shared is absent)', () => {
  it('basic_sample.sav: the rows of basic_sample.csv, value labels of mylabl and myord (README)', () => {
    const f = sav('basic_sample.sav');
    expect(f.compression).toBe('bytecode');
    expectSample(f, csvTable('basic_sample.csv'), 5);
    // README: mylabl {1: Male, 2: Female}, myord {1: low, 2: medium, 3: high}
    expect(column(f, 'mylabl').valueLabels).toEqual([{ value: 1, label: 'Male' }, { value: 2, label: 'Female' }]);
    expect(column(f, 'myord').valueLabels).toEqual([{ value: 1, label: 'low' }, { value: 2, label: 'medium' }, { value: 3, label: 'high' }]);
    expect(column(f, 'myord').measure).toBe('ordinal');
  });

  it('basic_sample.zsav (ZLIB) reads exactly as basic_sample.sav', () => {
    const z = sav('basic_sample.zsav');
    expect(z.compression).toBe('zlib');
    expectSample(z, csvTable('basic_sample.csv'), 5);
    const s = sav('basic_sample.sav');
    expect(z.variables).toEqual(s.variables);
  });

  it('basic_sample_missing.sav: user-missing definitions (README), raw values = _user.csv, read as missing = .csv', () => {
    const f = sav('basic_sample_missing.sav');
    // README: mynum the range 2000–3000 plus the value −1, mylabl −1, myord the values −1, −2, −3
    expect(column(f, 'mynum').missing).toEqual({ values: [-1], range: { min: 2000, max: 3000 } });
    expect(column(f, 'mylabl').missing).toEqual({ values: [-1] });
    expect(column(f, 'myord').missing).toEqual({ values: [-1, -2, -3] });
    expectSample(f, csvTable('basic_sample_missing_user.csv'), 7);
    const asMissing = csvTable('basic_sample_missing.csv');
    const s = readSurveySav(bytes('basic_sample_missing.sav'));
    expect(Array.from(s.numeric.find((c) => c.name === 'mynum')!.values)).toEqual(asMissing.get('mynum')!.map(num));
    for (const name of ['mylabl', 'myord']) {
      expect(Array.from(s.items[s.itemNames.indexOf(name)])).toEqual(asMissing.get(name)!.map(num));
    }
    expect(s.codebook.numeric?.[0]).toMatchObject({ id: 'mynum', missing: [{ value: -1 }], missingRanges: [{ min: 2000, max: 3000 }] });
    expect(s.log.missingCodes).toContainEqual({ column: 'mynum', value: 2500, count: 1 });
  });

  it('missing_data_missing_test.sav: var1 formatted, labeled and unformatted as the three CSVs', () => {
    const f = sav('missing_data_missing_test.sav');
    const v = column(f, 'var1');
    const formatted = csvTable('missing_data_missing_sav_formatted.csv').get('var1')!.map(num);
    expect(Array.from(v.values as Float64Array)).toEqual(formatted);
    const labeled = csvTable('missing_data_missing_sav_labeled.csv').get('var1')!;
    expect(Array.from(v.values as Float64Array, (x) => v.valueLabels.find((l) => l.value === x)?.label ?? String(x))).toEqual(labeled);
    const s = readSurveySav(bytes('missing_data_missing_test.sav'));
    expect(Array.from(s.items[0])).toEqual(csvTable('missing_data_missing_sav_unformatted.csv').get('var1')!.map(num));
  });

  it('basic_tegulu.sav: UTF-8 Telugu text across 8-byte segments and a very long string decodes whole', () => {
    const f = sav('basic_tegulu.sav');
    expect(f.encoding).toBe('utf-8');
    const text = column(f, 'Q16br9oe_Q24br9oe');
    expect(text.width).toBe(512);
    const value = (text.values as string[])[0];
    expect(value).toMatch(/^[\u0C00-\u0C7F ]+$/);
    expect(value.startsWith('నేను గతంలో')).toBe(true);
    expect(column(f, 'record').label).toBe('record : Record number');
  });

  it('basic_hebrews.sav: a Hebrew variable name (long name record) decodes', () => {
    const f = sav('basic_hebrews.sav');
    expect(f.variables).toHaveLength(1);
    expect(f.variables[0].name).toMatch(/^[\u0590-\u05FF_]+$/);
    expect(f.n).toBe(99);
    expect(f.fileLabel).toBe('jamovi data set');
  });

  it('basic_ordered_category.sav: an ordinal labelled variable becomes an item with its value labels', () => {
    const s = readSurveySav(bytes('basic_ordered_category.sav'));
    expect(s.codebook.items[0]).toMatchObject({ id: 'Col1', scale: { min: 1, max: 3 } });
    expect(s.codebook.items[0].values?.map((v) => v.label?.en)).toEqual(['high', 'low', 'medium']);
  });

  it('bad input: a truncated file, a value label invalid in its encoding, not a system file', () => {
    const full = bytes('basic_sample.sav');
    for (const cut of [100, 600, full.length - 20]) {
      expect(csiErrorOf(() => readSav(full.subarray(0, cut))).code).toBe('CORRUPT_FILE');
    }
    const z = bytes('basic_sample.zsav');
    expect(csiErrorOf(() => readSav(z.subarray(0, z.length - 30))).code).toBe('CORRUPT_FILE');
    const utf8 = bytes('basic_ordered_category.sav').slice();
    const at = Buffer.from(utf8).indexOf('medium');
    expect(at).toBeGreaterThan(0);
    utf8[at + 1] = 0xff;
    const e = csiErrorOf(() => readSav(utf8));
    expect(e.code).toBe('ENCODING');
    expect(e.message).toMatch(/value label of variable Col1/);
    expect(csiErrorOf(() => readSav(new TextEncoder().encode('id,SAT\n1,2\n'))).code).toBe('CORRUPT_FILE');
  });
});

describe('hostile .sav headers', () => {
  it('a header announcing a billion cases or an impossible ZLIB block size fails with CORRUPT_FILE, no huge allocation', () => {
    if (!present) return;
    const b = bytes('basic_sample.sav').slice();
    new DataView(b.buffer).setInt32(80, 1e9, true); // ncases
    expect(csiErrorOf(() => readSav(b)).code).toBe('CORRUPT_FILE');
  });
});
