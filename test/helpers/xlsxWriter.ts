/**
 * A tiny xlsx writer for tests (fflate's zip + the minimum OOXML parts), so workbooks are generated in the test,
 * never stored. Cells: numbers, text (shared strings, or inline with `{ inline }`), formulas with a cached value,
 * dates (a serial number shown in a date style), booleans, errors.
 */
import { zipSync, strToU8 } from 'fflate';

export type XCell =
  | number
  | string
  | null
  | { inline: string }
  | { formula: string; value: number | string }
  | { date: number }
  | { bool: boolean }
  | { error: string };

export interface XSheet {
  name: string;
  rows: (XCell[] | null)[];
  merged?: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function colName(k: number): string {
  let s = '';
  for (k += 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Writes a workbook; `null` rows are left out (blank rows). */
export function writeXlsx(sheets: XSheet[]): Uint8Array {
  const strings: string[] = [];
  const sst = new Map<string, number>();
  const si = (s: string) => {
    let k = sst.get(s);
    if (k === undefined) {
      k = strings.length;
      strings.push(s);
      sst.set(s, k);
    }
    return k;
  };
  const cellXml = (c: XCell, ref: string): string => {
    if (c === null) return '';
    if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
    if (typeof c === 'string') return `<c r="${ref}" t="s"><v>${si(c)}</v></c>`;
    if ('inline' in c) return `<c r="${ref}" t="inlineStr"><is><t>${esc(c.inline)}</t></is></c>`;
    if ('formula' in c) {
      return typeof c.value === 'number'
        ? `<c r="${ref}"><f>${esc(c.formula)}</f><v>${c.value}</v></c>`
        : `<c r="${ref}" t="str"><f>${esc(c.formula)}</f><v>${esc(c.value)}</v></c>`;
    }
    if ('date' in c) return `<c r="${ref}" s="1"><v>${c.date}</v></c>`;
    if ('bool' in c) return `<c r="${ref}" t="b"><v>${c.bool ? 1 : 0}</v></c>`;
    return `<c r="${ref}" t="e"><v>${esc(c.error)}</v></c>`;
  };
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sh, k) => {
    const rows = sh.rows
      .map((r, i) => (r === null ? '' : `<row r="${i + 1}">${r.map((c, j) => cellXml(c, `${colName(j)}${i + 1}`)).join('')}</row>`))
      .join('');
    const merged = sh.merged?.length ? `<mergeCells count="${sh.merged.length}">${sh.merged.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    files[`xl/worksheets/sheet${k + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${merged}</worksheet>`,
    );
  });
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  files['xl/workbook.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets>${sheets.map((s, k) => `<sheet name="${esc(s.name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('')}</sheets></workbook>`);
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, k) => `<Relationship Id="rId${k + 1}" Type="${R}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`)
      .join('')}<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
  );
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`,
  );
  files['xl/styles.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
  );
  files['[Content_Types].xml'] = strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  files['_rels/.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  return zipSync(files);
}

/** The cells of a plain CSV (no quotes) as workbook cells: numbers as numbers, text as shared strings, empty as null. */
export function csvToCells(text: string): XCell[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l !== '')
    .map((line, i) => line.split(',').map((c) => (c === '' ? null : i > 0 && /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
}
