import { unzipSync } from 'fflate';
import { CsiError } from '../../errors.js';
import type { TableCell } from '../feedTable.js';
import { serialDateText, styleKinds, type XlsxNumberKind } from './xlsxDates.js';
import { richText, xmlAttr, xmlElement, xmlElements, xmlText } from './xml.js';

/** A sheet read from an xlsx workbook: its non-empty rows with their sheet row numbers. */
export interface XlsxSheet {
  /** The sheet's name. */
  name: string;
  /** All sheet names of the workbook, in order. */
  sheetNames: string[];
  /** Non-empty rows in order; `row` is the 1-based sheet row, cells by column (null = empty). */
  rows: { row: number; cells: TableCell[] }[];
  /** Merged ranges in A1 notation (`A1:C1`), for the caller to report merged header cells. */
  merged: { ref: string; firstRow: number; lastRow: number; firstCol: number; lastCol: number }[];
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTION_INFO = 'EncryptionInfo';

/**
 * Reads one sheet of an xlsx workbook from its bytes (a zip of XML parts): shared strings, inline strings,
 * numbers, booleans (`TRUE`/`FALSE`), error values as their text (`#N/A`), formula cells as their cached values,
 * numbers in date/time styles as ISO text (1900 or 1904 date system). Pure; inflates with fflate.
 *
 * @param sheet the sheet's name or 1-based position; default the first sheet.
 * @throws CsiError ENCRYPTED_FILE (password-protected workbooks and old .xls files are OLE2 containers, not zip),
 *   CORRUPT_FILE (not a zip / workbook), EMPTY_FILE (no sheets), INVALID_OPTION (no such sheet).
 * @example
 * const sheet = readXlsx(bytes, 'Responses');
 * sheet.rows[0].cells; // the header
 */
export function readXlsx(bytes: Uint8Array, sheet?: string | number): XlsxSheet {
  if (CFB_MAGIC.every((b, k) => bytes[k] === b)) {
    const encrypted = indexOfUtf16(bytes, ENCRYPTION_INFO) >= 0;
    throw new CsiError(
      'ENCRYPTED_FILE',
      encrypted
        ? 'The workbook is password-protected (encrypted): open it in Excel, remove the password (File › Info › Protect Workbook) and save it again.'
        : 'This is an old Excel .xls (or other OLE2) file, not .xlsx: open it in Excel or WPS and save it as .xlsx or CSV UTF-8.',
    );
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new CsiError('CORRUPT_FILE', 'This is not an xlsx workbook (not a zip archive).');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.endsWith('.xml') || f.name.endsWith('.rels') });
  } catch (e) {
    throw new CsiError('CORRUPT_FILE', `The xlsx workbook is damaged or truncated (${e instanceof Error ? e.message : String(e)}).`);
  }
  const utf8 = new TextDecoder();
  const part = (name: string): string | null => (files[name] ? utf8.decode(files[name]) : null);
  const workbook = part('xl/workbook.xml');
  if (workbook === null) throw new CsiError('CORRUPT_FILE', 'The zip archive has no xl/workbook.xml: it is not an xlsx workbook.');
  const rels = new Map<string, { target: string; type: string }>();
  for (const r of xmlElements(part('xl/_rels/workbook.xml.rels') ?? '', 'Relationship')) {
    rels.set(xmlAttr(r.attrs, 'Id') ?? '', { target: xmlAttr(r.attrs, 'Target') ?? '', type: xmlAttr(r.attrs, 'Type') ?? '' });
  }
  const sheets = [...xmlElements(workbook, 'sheet')].map((s) => ({ name: xmlAttr(s.attrs, 'name') ?? '', rid: xmlAttr(s.attrs, 'id') ?? '' }));
  if (sheets.length === 0) throw new CsiError('EMPTY_FILE', 'The workbook has no sheets.');
  const chosen = pickSheet(sheets.map((s) => s.name), sheet);
  const target = rels.get(sheets[chosen].rid)?.target ?? `worksheets/sheet${chosen + 1}.xml`;
  const sheetXml = part(partPath(target));
  if (sheetXml === null) throw new CsiError('CORRUPT_FILE', `The workbook's sheet "${sheets[chosen].name}" is missing from the archive.`);
  const sstTarget = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const shared = [...xmlElements(part(sstTarget ? partPath(sstTarget) : 'xl/sharedStrings.xml') ?? '', 'si')].map((si) => richText(si.inner));
  const stylesTarget = [...rels.values()].find((r) => r.type.endsWith('/styles'))?.target;
  const kinds = styleKinds(part(stylesTarget ? partPath(stylesTarget) : 'xl/styles.xml') ?? '');
  const pr = xmlElement(workbook, 'workbookPr');
  const date1904 = pr !== null && /^(1|true)$/.test(xmlAttr(pr.attrs, 'date1904') ?? '');
  return {
    name: sheets[chosen].name,
    sheetNames: sheets.map((s) => s.name),
    rows: readRows(sheetXml, shared, kinds, date1904),
    merged: [...xmlElements(sheetXml, 'mergeCell')].map((m) => mergedRange(xmlAttr(m.attrs, 'ref') ?? '')).filter((m) => m !== null),
  };
}

function pickSheet(names: string[], sheet: string | number | undefined): number {
  if (sheet === undefined) return 0;
  if (typeof sheet === 'number' || /^\d+$/.test(sheet)) {
    const k = Number(sheet);
    if (Number.isInteger(k) && k >= 1 && k <= names.length) return k - 1;
  } else {
    const k = names.indexOf(sheet);
    if (k >= 0) return k;
  }
  throw new CsiError('INVALID_OPTION', `The workbook has no sheet ${JSON.stringify(sheet)}; its sheets are ${names.map((n) => JSON.stringify(n)).join(', ')}.`);
}

function partPath(target: string): string {
  const t = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const out: string[] = [];
  for (const seg of t.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.') out.push(seg);
  }
  return out.join('/');
}

/** Column letters → 0-based index ("A" → 0, "AA" → 26). */
function colIndex(letters: string): number {
  let k = 0;
  for (let i = 0; i < letters.length; i++) k = k * 26 + (letters.charCodeAt(i) - 64);
  return k - 1;
}

const CELL_REF = /^\$?([A-Z]{1,3})\$?(\d+)$/;

function mergedRange(ref: string): XlsxSheet['merged'][number] | null {
  const [a, b = a] = ref.split(':');
  const m1 = CELL_REF.exec(a);
  const m2 = CELL_REF.exec(b);
  if (!m1 || !m2) return null;
  return { ref, firstRow: Number(m1[2]), lastRow: Number(m2[2]), firstCol: colIndex(m1[1]), lastCol: colIndex(m2[1]) };
}

/** Start tags of rows and cells, with the namespace prefix (e.g. `x:`) so the matching end tag can be found. */
const TAG = /<((?:[A-Za-z_][\w.-]*:)?)(row|c)(?=[\s/>])([^>]*?)(\/?)>/g;

function readRows(xml: string, shared: string[], kinds: XlsxNumberKind[], date1904: boolean): XlsxSheet['rows'] {
  const data = xmlElement(xml, 'sheetData');
  if (!data) return [];
  const src = data.inner;
  const rows: XlsxSheet['rows'] = [];
  let rowNo = 0;
  let cells: TableCell[] = [];
  let any = false;
  let col = -1;
  const flush = () => {
    if (any) rows.push({ row: rowNo, cells });
  };
  TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(src)) !== null) {
    const attrs = m[3];
    if (m[2] === 'row') {
      flush();
      const r = attr(attrs, 'r');
      rowNo = r !== undefined ? Number(r) : rowNo + 1;
      cells = [];
      any = false;
      col = -1;
      continue;
    }
    let inner = '';
    if (m[4] === '') {
      const close = src.indexOf(`</${m[1]}c>`, TAG.lastIndex);
      if (close < 0) throw new CsiError('CORRUPT_FILE', 'The xlsx workbook is damaged: a cell of the sheet is not closed.');
      inner = src.slice(TAG.lastIndex, close);
      TAG.lastIndex = close + m[1].length + 4;
    }
    const ref = attr(attrs, 'r');
    const rm = ref !== undefined ? CELL_REF.exec(ref) : null;
    col = rm ? colIndex(rm[1]) : col + 1;
    const value = cellValue(attrs, inner, m[1], shared, kinds, date1904);
    if (value === null) continue;
    while (cells.length < col) cells.push(null);
    cells[col] = value;
    any = true;
  }
  flush();
  return rows;
}

/** A cell attribute: the fast path for the usual `name="value"`, else the general parser. */
function attr(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(` ${name}="`);
  if (at >= 0) {
    const from = at + name.length + 3;
    const v = attrs.slice(from, attrs.indexOf('"', from));
    return v.indexOf('&') === -1 ? v : xmlText(v);
  }
  return attrs.indexOf(`${name}`) === -1 ? undefined : xmlAttr(attrs, name);
}

/** The text of the cell's `<v>` element, or null. */
function valueText(inner: string, prefix: string): string | null {
  const open = `<${prefix}v>`;
  const at = inner.indexOf(open);
  if (at < 0) {
    const v = inner.indexOf('v') >= 0 ? xmlElement(inner, 'v') : null;
    return v ? xmlText(v.inner) : null;
  }
  const end = inner.indexOf(`</${prefix}v>`, at);
  const raw = inner.slice(at + open.length, end < 0 ? inner.length : end);
  return raw.indexOf('&') === -1 && raw.indexOf('_x') === -1 ? raw : xmlText(raw);
}

function cellValue(attrs: string, inner: string, prefix: string, shared: string[], kinds: XlsxNumberKind[], date1904: boolean): TableCell {
  const t = attr(attrs, 't') ?? 'n';
  if (t === 'inlineStr') {
    const is = xmlElement(inner, 'is');
    return is ? richText(is.inner) : null;
  }
  const text = valueText(inner, prefix);
  if (text === null) return null; // empty, or a formula without a cached value
  switch (t) {
    case 's': {
      const s = shared[Number(text)];
      if (s === undefined) throw new CsiError('CORRUPT_FILE', `The xlsx workbook is damaged: a cell refers to shared string ${text}, which does not exist.`);
      return s;
    }
    case 'str':
    case 'e':
      return text;
    case 'b':
      return text === '1' ? 'TRUE' : 'FALSE';
    case 'd':
      return text.replace(/T00:00:00(\.0+)?Z?$/, '');
    default: {
      if (text.trim() === '') return null;
      const x = Number(text);
      if (!Number.isFinite(x)) return text;
      const kind = kinds[Number(attr(attrs, 's') ?? 0)] ?? 'number';
      return kind === 'number' ? x : serialDateText(x, kind, date1904);
    }
  }
}

function indexOfUtf16(bytes: Uint8Array, text: string): number {
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    for (let k = 0; k < text.length; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return i;
  }
  return -1;
}
