/**
 * Just enough XML for the parts of an xlsx file csikit reads (workbook, relationships, shared strings, styles,
 * sheets): elements found by name (with or without a namespace prefix), attributes, text with entities decoded.
 */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Decodes XML entities and OOXML's `_xHHHH_` escapes in text.
 *
 * @example
 * xmlText('a &amp; b_x000D_') // 'a & b\r'
 */
export function xmlText(s: string): string {
  const t = s.indexOf('&') === -1 ? s : s.replace(ENTITY, (_, hex: string, dec: string, name: string) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : NAMED[name]));
  return t.indexOf('_x') === -1 ? t : t.replace(OOXML_ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** One element: its attribute text and inner XML ('' when self-closing). */
export interface XmlElement {
  attrs: string;
  inner: string;
}

/**
 * Every element named `name` (any namespace prefix) in `xml`, in order. Not for elements nested in themselves.
 *
 * @example
 * [...xmlElements('<a x="1"/><a>t</a>', 'a')].map((e) => e.inner) // ['', 't']
 */
export function* xmlElements(xml: string, name: string): Generator<XmlElement> {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[A-Za-z_][\\w.-]*:)?${name}>)`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) yield { attrs: m[1], inner: m[2] ?? '' };
}

/**
 * The first element named `name`, or null.
 *
 * @example
 * xmlElement('<r><v>3</v></r>', 'v')?.inner // '3'
 */
export function xmlElement(xml: string, name: string): XmlElement | null {
  for (const e of xmlElements(xml, name)) return e;
  return null;
}

/**
 * An attribute's decoded value (any namespace prefix), or undefined.
 *
 * @example
 * xmlAttr(' r="B2" t="s"', 't') // 's'
 */
export function xmlAttr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)(?:[A-Za-z_][\\w.-]*:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? xmlText(m[1] ?? m[2]) : undefined;
}

/**
 * The text of a string item (`<si>`, `<is>`): its `<t>` runs joined, phonetic runs (`<rPh>`) left out.
 *
 * @example
 * richText('<r><t>非常</t></r><r><t>满意</t></r>') // '非常满意'
 */
export function richText(inner: string): string {
  const clean = inner.indexOf('rPh') === -1 ? inner : inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  for (const t of xmlElements(clean, 't')) out += xmlText(t.inner);
  return out;
}
