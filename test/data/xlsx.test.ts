import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Codebook } from '../../src/data/codebook.js';
import { readSurvey } from '../../src/data/readSurvey.js';
import { readSurveyXlsx } from '../../src/data/xlsx/readSurveyXlsx.js';
import { readXlsx } from '../../src/data/xlsx/readXlsx.js';
import { serialDateText, styleKinds } from '../../src/data/xlsx/xlsxDates.js';
import { richText, xmlText } from '../../src/data/xlsx/xml.js';
import { parseModel } from '../../src/model/parse.js';
import { estimate } from '../../src/inference/estimate.js';
import { resultToJson } from '../../src/pls/result-json.js';
import { csvToCells, writeXlsx } from '../helpers/xlsxWriter.js';
import { cb, csiErrorOf } from './helpers.js';

const fixtures = path.resolve(__dirname, '../../fixtures');
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

describe('xlsx workbooks', () => {
  it('the telecom fixture written as xlsx gives the same survey and the same estimates as the CSV, bit for bit', () => {
    const csvText = read('telecom.csv');
    const codebook = JSON.parse(read('telecom.codebook.json')) as Codebook;
    const model = parseModel(read('telecom.model'));
    const fromCsv = readSurvey(csvText, { codebook });
    const fromXlsx = readSurveyXlsx(writeXlsx([{ name: 'Responses', rows: csvToCells(csvText) }]), { codebook });
    expect(fromXlsx.n).toBe(fromCsv.n);
    expect(fromXlsx.items).toEqual(fromCsv.items);
    expect(fromXlsx.segments).toEqual(fromCsv.segments);
    expect(fromXlsx.ids).toEqual(fromCsv.ids);
    expect(fromXlsx.log.missingCodes).toEqual(fromCsv.log.missingCodes);
    expect(fromXlsx.log.emptyCells).toEqual(fromCsv.log.emptyCells);
    const a = resultToJson(estimate(fromCsv, model));
    const b = resultToJson(estimate(fromXlsx, model));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('formula cells give their cached values, date cells ISO text, booleans and errors their text', () => {
    const bytes = writeXlsx([
      {
        name: 'S',
        rows: [
          ['id', 'SAT', 'when', 'flag', 'err', 'label'],
          [1, { formula: 'A2+6', value: 7 }, { date: 45352 }, { bool: true }, { error: '#N/A' }, { formula: 'CONCAT("a","b")', value: 'ab' }],
          [2, 9, { date: 45353.5 }, { bool: false }, null, { inline: 'x &amp; y' }],
        ],
      },
    ]);
    const sheet = readXlsx(bytes);
    expect(sheet.rows[1].cells).toEqual([1, 7, '2024-03-01', 'TRUE', '#N/A', 'ab']);
    expect(sheet.rows[2].cells).toEqual([2, 9, '2024-03-02T12:00:00', 'FALSE', null, 'x &amp; y']);
    const s = readSurveyXlsx(bytes, { codebook: cb(['SAT'], { id: 'id', segments: [{ id: 'when' }, { id: 'flag' }] }) });
    expect(Array.from(s.items[0])).toEqual([7, 9]);
    expect(s.segments[0].levels).toEqual(['2024-03-01', '2024-03-02T12:00:00']);
  });

  it('a text in an item column is a bad cell named by sheet row and column; blank rows are listed as in CSV', () => {
    const bytes = writeXlsx([{ name: 'S', rows: [['SAT', 'NPS'], [7, 8], null, [8, 'great'], [9, 10]] }]);
    const e = csiErrorOf(() => readSurveyXlsx(bytes, { codebook: cb(['SAT', 'NPS']) }));
    expect(e.code).toBe('NON_NUMERIC');
    expect(e.row).toBe(4);
    expect(e.column).toBe('NPS');
    const ok = readSurveyXlsx(writeXlsx([{ name: 'S', rows: [null, ['SAT'], [7], null, [8], null, null] }]), { codebook: cb(['SAT']) });
    expect(ok.log.headerRow).toBe(2);
    expect(ok.log.excludedRows).toEqual([{ row: 4, reason: 'blank line' }]);
  });

  it('merged header cells: the first column keeps the name, the others are ignored and reported', () => {
    const bytes = writeXlsx([{ name: 'S', rows: [['Satisfaction', null, 'NPS'], [7, 8, 9], [6, 5, 4]], merged: ['A1:B1'] }]);
    const s = readSurveyXlsx(bytes);
    expect(s.itemNames).toEqual(['Satisfaction', 'NPS']);
    expect(s.log.ignoredColumns).toEqual(['(unnamed column 2)']);
    expect(s.warnings.find((w) => w.code === 'MERGED_HEADER')?.message).toMatch(/A1:B1/);
  });

  it('picks a sheet by name or position; an unknown sheet is an option error', () => {
    const bytes = writeXlsx([
      { name: 'Notes', rows: [['read me']] },
      { name: '问卷', rows: [['SAT'], [7], [8]] },
    ]);
    expect(readSurveyXlsx(bytes, { sheet: '问卷' }).itemNames).toEqual(['SAT']);
    expect(readSurveyXlsx(bytes, { sheet: 2 }).n).toBe(2);
    const e = csiErrorOf(() => readSurveyXlsx(bytes, { sheet: 'Data' }));
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toContain('"Notes", "问卷"');
  });

  it('readSurvey recognises workbook bytes', () => {
    const bytes = writeXlsx([{ name: 'S', rows: [['SAT'], [7], [8]] }]);
    expect(Array.from(readSurvey(bytes, { codebook: cb(['SAT']) }).items[0])).toEqual([7, 8]);
  });

  it('bad input: no sheets, an empty first sheet, a password-protected workbook, an old .xls, a truncated zip', () => {
    expect(csiErrorOf(() => readSurveyXlsx(writeXlsx([]))).code).toBe('EMPTY_FILE');
    const empty = csiErrorOf(() => readSurveyXlsx(writeXlsx([{ name: 'Sheet1', rows: [] }])));
    expect(empty.code).toBe('EMPTY_FILE');
    expect(empty.message).toContain('Sheet1');
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const old = csiErrorOf(() => readSurveyXlsx(cfb));
    expect(old.code).toBe('ENCRYPTED_FILE');
    expect(old.message).toMatch(/\.xls/);
    cfb.set(Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]), 600);
    const locked = csiErrorOf(() => readSurveyXlsx(cfb));
    expect(locked.code).toBe('ENCRYPTED_FILE');
    expect(locked.message).toMatch(/password/);
    const whole = writeXlsx([{ name: 'S', rows: [['SAT'], [7]] }]);
    expect(csiErrorOf(() => readSurveyXlsx(whole.subarray(0, whole.length - 40))).code).toBe('CORRUPT_FILE');
  });

  it('date styles (built-in and custom formats), the 1904 date system, text escapes and phonetic runs', () => {
    const styles =
      '<numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot;d&quot;"/>' +
      '<numFmt numFmtId="166" formatCode="[h]:mm:ss"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="22"/></cellXfs>';
    expect(styleKinds(styles)).toEqual(['number', 'date', 'date', 'number', 'time', 'datetime']);
    expect(serialDateText(45352, 'date', false)).toBe('2024-03-01');
    expect(serialDateText(43890, 'date', true)).toBe('2024-03-01');
    expect(serialDateText(0.5, 'time', false)).toBe('12:00:00');
    expect(xmlText('a &lt;b&gt; &#20320;&#x597D;_x000A_')).toBe('a <b> 你好\n');
    expect(richText('<r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>')).toBe('東京');
  });
});
