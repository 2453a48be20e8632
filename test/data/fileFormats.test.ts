import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Codebook } from '../../src/data/codebook.js';
import { readSurveyFile } from '../../src/data/node/readSurveyFile.js';
import { readSurvey } from '../../src/data/readSurvey.js';
import { readSurveySav } from '../../src/data/sav/readSurveySav.js';
import { parseModel } from '../../src/model/parse.js';
import { estimate } from '../../src/inference/estimate.js';
import { resultToJson } from '../../src/pls/result-json.js';
import { SHARED } from '../helpers/csvSurvey.js';
import { writeSav } from '../helpers/savWriter.js';
import { writeXlsx } from '../helpers/xlsxWriter.js';
import { runCsi as run, tempDir } from '../helpers/cli.js';

const { dir, file } = tempDir('csi-files-');
const fixtures = path.resolve(__dirname, '../../fixtures');
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const savDir = path.join(SHARED, 'datasets', 'sav');
const hasSav = existsSync(path.join(savDir, 'basic_sample_missing.sav'));

/** The telecom fixture as .sav columns: numbers where every cell is a number or empty (NaN = system-missing). */
function telecomSav(): Uint8Array {
  const lines = read('telecom.csv').split('\n').filter((l) => l !== '');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  return writeSav(
    header.map((name, j) => {
      const cells = rows.map((r) => r[j]);
      const numeric = cells.every((c) => c === '' || Number.isFinite(Number(c)));
      return { name, values: numeric ? cells.map((c) => (c === '' ? NaN : Number(c))) : cells };
    }),
  );
}

describe('files: .sav and .xlsx end to end', () => {
  it('the telecom fixture written as .sav gives the same survey and estimates as the CSV, bit for bit', async () => {
    const codebook = JSON.parse(read('telecom.codebook.json')) as Codebook;
    const fromCsv = readSurvey(read('telecom.csv'), { codebook });
    const fromSav = await readSurveyFile(file('telecom.sav', telecomSav()), { codebook });
    expect(fromSav.items).toEqual(fromCsv.items);
    expect(fromSav.segments).toEqual(fromCsv.segments);
    expect(fromSav.log.missingCodes).toEqual(fromCsv.log.missingCodes);
    const model = parseModel(read('telecom.model'));
    expect(JSON.stringify(resultToJson(estimate(fromSav, model)))).toBe(JSON.stringify(resultToJson(estimate(fromCsv, model))));
  });

  it('a .sav carries its codebook: value labels both ways, measurement levels, variable labels', () => {
    const bytes = writeSav([
      { name: 'id', values: [1, 2, 3] },
      { name: '满意度', label: '总体满意度', measure: 2, values: [5, 4, 1], valueLabels: [{ value: 5, label: '非常满意' }, { value: 1, label: '非常不满意' }] },
      { name: 'region', values: ['north', 'south', 'north'] },
      { name: 'wait', measure: 3, values: [12, 40, NaN] },
    ]);
    const s = readSurveySav(bytes);
    expect(s.codebook.id).toBe('id');
    expect(s.codebook.items).toEqual([
      { id: '满意度', label: { zh: '总体满意度' }, scale: { min: 1, max: 5 }, values: [{ value: 5, label: { zh: '非常满意' } }, { value: 1, label: { zh: '非常不满意' } }] },
    ]);
    expect(s.codebook.segments).toEqual([{ id: 'region' }]);
    expect(s.codebook.numeric).toEqual([{ id: 'wait' }]);
    // one text labelling two codes stays readable: the later one gets its code appended
    const dup = readSurveySav(writeSav([{ name: 'Q', measure: 2, values: [1, 98, 99], valueLabels: [{ value: 1, label: 'Yes' }, { value: 98, label: "Don't know" }, { value: 99, label: "DON'T KNOW" }] }]));
    expect(dup.codebook.items[0].values?.map((x) => x.label?.en)).toEqual(['Yes', "Don't know", "DON'T KNOW (99)"]);
    // the same codebook maps text answers of a CSV export back to the codes
    const csv = readSurvey('id,满意度,region,wait\n1,非常满意,north,3\n2,1,south,\n', { codebook: s.codebook });
    expect(Array.from(csv.items[0])).toEqual([5, 1]);
  });

  it('text in the encoding the file declares: GBK by name, windows-1255 by code page alone', () => {
    const gbk: Record<string, number[]> = { 满意: [0xc2, 0xfa, 0xd2, 0xe2], 非常满意: [0xb7, 0xc7, 0xb3, 0xa3, 0xc2, 0xfa, 0xd2, 0xe2], 地区: [0xb5, 0xd8, 0xc7, 0xf8] };
    const asGbk = (t: string) => Uint8Array.from(gbk[t] ?? Array.from(new TextEncoder().encode(t)));
    const bytes = writeSav(
      [
        { name: 'SAT', label: '满意', measure: 2, values: [4, 5], valueLabels: [{ value: 5, label: '非常满意' }, { value: 4, label: '满意' }] },
        { name: 'region', label: '地区', values: ['地区', 'x'] },
      ],
      { name: 'GBK', codePage: 936, encode: asGbk },
    );
    const s = readSurveySav(bytes);
    expect(s.log.encoding).toBe('gbk (SPSS .sav)');
    expect(s.codebook.items[0].label).toEqual({ zh: '满意' });
    expect(s.codebook.items[0].values).toEqual([{ value: 5, label: { zh: '非常满意' } }, { value: 4, label: { zh: '满意' } }]);
    expect(s.segments[0].levels).toEqual(['地区', 'x']);
    const hebrew = Uint8Array.from([0xf9, 0xec, 0xe5, 0xed]); // שלום in windows-1255
    const h = readSurveySav(writeSav([{ name: 'Q', label: 'shalom', measure: 2, values: [1, 2] }], { name: null, codePage: 1255, encode: (t) => (t === 'shalom' ? hebrew : new TextEncoder().encode(t)) }));
    expect(h.codebook.items[0].label).toEqual({ en: 'שלום' });
  });

  it.skipIf(!hasSav)('csi inspect survey.sav --write-codebook writes the file codebook; csi estimate reads a workbook (skipped when ../shared is absent)', async () => {
    const out = path.join(dir, 'codebook.json');
    const r = await run(['inspect', path.join(savDir, 'basic_sample_missing.sav'), '--write-codebook', out]);
    expect(r.code).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as Codebook;
    expect(written.numeric?.[0]).toMatchObject({ id: 'mynum', missing: [{ value: -1 }], missingRanges: [{ min: 2000, max: 3000 }] });
    expect(written.items.find((i) => i.id === 'myord')?.values?.map((v) => v.label?.en)).toEqual(['missing', 'low', 'medium', 'high']);
  });

  it('csi estimate reads an xlsx sheet chosen with --sheet', async () => {
    const lines = read('telecom.csv').split('\n').filter((l) => l !== '').slice(0, 400);
    const rows = lines.map((l, i) => l.split(',').map((c) => (c === '' ? null : i > 0 && /^\d+$/.test(c) ? Number(c) : c)));
    const xlsx = file('telecom.xlsx', writeXlsx([{ name: 'Notes', rows: [['x']] }, { name: 'Data', rows }]));
    const csv = file('telecom-400.csv', `${lines.join('\n')}\n`);
    const cbPath = path.join(fixtures, 'telecom.codebook.json');
    const model = path.join(fixtures, 'telecom.model');
    const a = await run(['estimate', csv, '--model', model, '--codebook', cbPath, '--json']);
    const b = await run(['estimate', xlsx, '--sheet', 'Data', '--model', model, '--codebook', cbPath, '--json']);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(b.out).toBe(a.out);
  });

  it('bad files exit 2 with one line: no sheets, empty first sheet, password-protected, truncated .sav, bad label text', async () => {
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]), 1024);
    const good = writeSav([{ name: 'Q', measure: 2, values: [1, 2], valueLabels: [{ value: 1, label: 'low' }, { value: 2, label: 'high' }] }]);
    const badLabel = good.slice();
    badLabel[Buffer.from(badLabel).indexOf('high') + 1] = 0xff;
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['none.xlsx', writeXlsx([]), /no sheets/],
      ['blank.xlsx', writeXlsx([{ name: 'Sheet1', rows: [] }]), /Sheet1.*empty/],
      ['locked.xlsx', cfb, /password/],
      ['cut.sav', good.subarray(0, good.length - 10), /truncated/],
      ['label.sav', badLabel, /value label of variable Q is not valid utf-8/],
    ];
    for (const [name, content, message] of cases) {
      const r = await run(['inspect', file(name, content)]);
      expect(r.code, name).toBe(2);
      expect(r.err.trim().split('\n'), name).toHaveLength(1);
      expect(r.err, name).toMatch(message);
    }
  });
});
