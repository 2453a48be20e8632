/**
 * The neutral pieces a report section is made of. A section builds blocks once; {@link blocksToHtml} and
 * {@link blocksToMarkdown} write them, so the HTML and the Markdown report always say the same thing. All `text`
 * fields are plain (unescaped) text; only `chart.svg` is markup, built by the SVG builders from escaped text.
 */

/** A table cell: text, or text with a status class (`ok`, `warn`, `bad`, `met`, `notmet`, `undecided`, `muted`). */
export type Cell = string | { text: string; cls?: string };

/** One line of a tree (the hierarchy). */
export interface TreeItem {
  text: string;
  /** Emphasis of the line (HTML only): 'strong' for the upper levels. */
  cls?: string;
  children: TreeItem[];
}

/** A piece of a section. */
export type Block =
  | { type: 'h3'; text: string }
  | { type: 'p'; text: string }
  | { type: 'note'; text: string }
  | { type: 'list'; items: string[]; ordered?: boolean }
  | { type: 'table'; head: string[]; rows: Cell[][]; numeric?: boolean[]; cls?: string }
  | { type: 'chart'; svg: string }
  | { type: 'tree'; root: TreeItem }
  | { type: 'kv'; rows: [string, string][] };

/**
 * Text of a cell.
 *
 * @example
 * cellText({ text: 'Met', cls: 'met' }) // 'Met'
 */
export const cellText = (c: Cell): string => (typeof c === 'string' ? c : c.text);
