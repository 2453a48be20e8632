/**
 * Escaping for every piece of text that comes from data (labels, names, level values, warnings): one function per
 * output language, used by every renderer, so no data text reaches the page as markup.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML and SVG element content and attribute values (quoted with `"`).
 *
 * @example
 * escapeHtml('<script>alert(1)</script>') // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML[c]);
}

/**
 * Escapes text for a Markdown table cell or list item, keeping ordinary text readable in the raw file: what could
 * start HTML (`<` before a letter, `/`, `!` or `?`; `&` starting an entity) becomes an entity, a link or image
 * (`](`, `][`, `]:`) is broken, `|` cannot end a cell, backticks and backslashes are escaped, a leading `#` or `>`
 * cannot start a heading or quote, and line breaks become spaces. Emphasis characters are left as they are: they
 * change no more than the look of a label.
 *
 * @example
 * escapeMarkdown('a|b <script>') // 'a\\|b &lt;script>'
 * escapeMarkdown('p < 0.001 [0.1, 0.2]') // 'p < 0.001 [0.1, 0.2]'
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&(?=#|[A-Za-z][A-Za-z0-9]*;)/g, '&amp;')
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
    .replace(/[\\`|]/g, (c) => `\\${c}`)
    .replace(/\](?=[([:])/g, '\\]')
    .replace(/^(\s*)([#>])/, '$1\\$2');
}
