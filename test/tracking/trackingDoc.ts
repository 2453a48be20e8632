/**
 * Reads ../shared/docs/tracking.md at run time (never copied): the §8 fixture table and the worked examples the
 * fixtures point to, with small parsers for "label number" pairs and tables.
 */
import { HAS_SHARED, sharedText } from '../helpers/csvSurvey.js';

export const HAS_TRACKING = HAS_SHARED;
let text: string | null = null;
export function doc(): string {
  text ??= sharedText('docs/tracking.md');
  return text;
}

/** Cells of the §8 fixture row with this id: [id, inputs, oracle call, expected]. */
export function fixture(id: string): string[] {
  const start = doc().indexOf('## 8. Fixture table');
  const line = doc()
    .slice(start)
    .split('\n')
    .find((l) => l.startsWith(`| ${id} |`));
  if (!line) throw new Error(`fixture ${id} not found`);
  return line.split('|').slice(1, -1).map((c) => c.trim());
}

/** All numbers in a string (signed decimals, exponents, unicode minus). */
export function numbers(s: string): number[] {
  return (s.replace(/−/g, '-').match(/-?(?:\d+(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?/gi) ?? []).map(Number);
}

/** The number right after `label` in `s`. */
export function after(s: string, label: string): number {
  const i = s.indexOf(label);
  if (i < 0) throw new Error(`"${label}" not in "${s}"`);
  return numbers(s.slice(i + label.length))[0];
}

/** The text of the section whose heading starts with `heading` (up to the next heading of the same or higher level). */
export function section(heading: string): string {
  const d = doc();
  const i = d.indexOf(heading);
  if (i < 0) throw new Error(`section ${heading} not found`);
  const level = heading.match(/^#+/)?.[0].length ?? 3;
  const rest = d.slice(i + heading.length);
  const m = rest.search(new RegExp(`\\n#{1,${level}} `));
  return m < 0 ? rest : rest.slice(0, m);
}

/** Rows of the first markdown table after `marker` in `s`, as cell arrays (header and rule skipped). */
export function tableAfter(s: string, marker: string): string[][] {
  const i = s.indexOf(marker);
  if (i < 0) throw new Error(`"${marker}" not found`);
  const lines = s.slice(i).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (let k = first + 2; k < lines.length && lines[k].startsWith('|'); k++) rows.push(lines[k].split('|').slice(1, -1).map((c) => c.trim()));
  return rows;
}

/** Numbers inside the first "(…)" after `label`. */
export function tupleAfter(s: string, label: string): number[] {
  const i = s.indexOf(label);
  if (i < 0) throw new Error(`"${label}" not found`);
  const m = s.slice(i + label.length).match(/\(([^)]*)\)/);
  return numbers(m ? m[1] : '');
}
