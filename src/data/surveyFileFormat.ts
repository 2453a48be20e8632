/** The file formats csikit reads. */
export type SurveyFileFormat = 'csv' | 'xlsx' | 'sav';

/**
 * Which reader a file needs, from its first bytes (zip → xlsx, `$FL2`/`$FL3` → SPSS, OLE2 → xlsx, whose reader
 * explains encrypted workbooks and old .xls files), else from its name's extension; anything else is CSV.
 *
 * @example
 * surveyFileFormat(new TextEncoder().encode('$FL2...')) // 'sav'
 * surveyFileFormat(new Uint8Array([0x69, 0x64]), 'survey.csv') // 'csv'
 */
export function surveyFileFormat(head: Uint8Array, name = ''): SurveyFileFormat {
  const magic = String.fromCharCode(...head.subarray(0, 4));
  if (magic === '$FL2' || magic === '$FL3') return 'sav';
  if (magic === 'PK\u0003\u0004' || (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)) return 'xlsx';
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'sav' || ext === 'zsav') return 'sav';
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') return 'xlsx';
  return 'csv';
}
