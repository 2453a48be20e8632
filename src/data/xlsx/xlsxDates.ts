import { xmlAttr, xmlElement, xmlElements } from './xml.js';

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, with the CJK date formats). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** What a cell style makes of a number: a plain number, a date, a time of day, or a date with time. */
export type XlsxNumberKind = 'number' | 'date' | 'time' | 'datetime';

function kindOfFormat(code: string): XlsxNumberKind {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  const date = /[dy]/i.test(bare) || /(^|[^h:])m{3,}/i.test(bare);
  const time = /[hs]/i.test(bare);
  if (date && time) return 'datetime';
  if (date) return 'date';
  if (time) return 'time';
  return /m/i.test(bare) && !/0|#/.test(bare) ? 'date' : 'number';
}

/**
 * The number kind of each cell style (`s` attribute index) from styles.xml: which styles show dates or times.
 *
 * @example
 * styleKinds('<numFmts><numFmt numFmtId="164" formatCode="yyyy/mm/dd"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>') // ['number', 'date']
 */
export function styleKinds(stylesXml: string): XlsxNumberKind[] {
  const custom = new Map<number, string>();
  const fmts = xmlElement(stylesXml, 'numFmts');
  if (fmts) for (const f of xmlElements(fmts.inner, 'numFmt')) custom.set(Number(xmlAttr(f.attrs, 'numFmtId')), xmlAttr(f.attrs, 'formatCode') ?? '');
  const xfs = xmlElement(stylesXml, 'cellXfs');
  if (!xfs) return [];
  const out: XlsxNumberKind[] = [];
  for (const xf of xmlElements(xfs.inner, 'xf')) {
    const id = Number(xmlAttr(xf.attrs, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined) out.push(kindOfFormat(code));
    else if (BUILTIN_DATES.has(id)) out.push(id >= 18 && id <= 21 ? 'time' : id === 22 ? 'datetime' : id === 45 || id === 46 || id === 47 ? 'time' : 'date');
    else out.push('number');
  }
  return out;
}

/**
 * An Excel serial date as ISO text (`2024-03-01`, `2024-03-01T09:30:00`, `09:30:00`), for the 1900 or 1904
 * date system.
 *
 * @example
 * serialDateText(45352, 'date', false) // '2024-03-01'
 */
export function serialDateText(serial: number, kind: 'date' | 'time' | 'datetime', date1904: boolean): string {
  const days = serial + (date1904 ? 1462 : 0) - 25569;
  const ms = Math.round(days * 86400000);
  const iso = new Date(ms).toISOString();
  if (kind === 'time') return iso.slice(11, 19);
  if (kind === 'date' && ms % 86400000 === 0) return iso.slice(0, 10);
  return iso.slice(0, 19);
}
