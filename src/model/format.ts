import { isPlainName } from './tokenize.js';
import type { Label } from '../data/index.js';
import type { ModelSpec } from './types.js';

/** Options of {@link formatModel}. */
export interface FormatModelOptions {
  /**
   * Write the model's name, target and construct labels as `#` comments (the parser ignores them). Default true.
   */
  comments?: boolean;
}

/**
 * Quotes a name for model text when it is not a plain identifier (letters, digits, `_`, `.`).
 *
 * @example
 * quoteName('IMAG1') // 'IMAG1'
 * quoteName('a b') // '"a b"'
 */
export function quoteName(name: string): string {
  return isPlainName(name) ? name : '"' + name.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

const labelText = (l: Label | undefined): string => [l?.en, l?.zh].filter((x) => x !== undefined && x !== '').join(' / ');

/**
 * Writes a model as lavaan-style text that {@link parseModel} reads back to the same constructs and paths, in the
 * same order: one `=~` (mode A) or `<~` (mode B) line per construct in construct order, then one `~` line per run of
 * consecutive paths with the same target (so path order survives a round trip). Names that are not plain identifiers
 * are double-quoted. Labels, `name` and `target` go into comments, which the parser ignores.
 *
 * @example
 * formatModel({ constructs: [{ name: 'A', mode: 'A', items: ['a1', 'a2'] }, { name: 'B', mode: 'B', items: ['b1'] }],
 *   paths: [{ from: 'A', to: 'B' }] }, { comments: false })
 * // 'A =~ a1 + a2\nB <~ b1\nB ~ A\n'
 */
export function formatModel(spec: ModelSpec, options: FormatModelOptions = {}): string {
  const comments = options.comments ?? true;
  const lines: string[] = [];
  if (comments && (spec.name !== undefined || spec.target !== undefined)) {
    const parts: string[] = [];
    if (spec.name !== undefined) parts.push(`model: ${spec.name}`);
    if (spec.target !== undefined) parts.push(`target: ${spec.target}`);
    lines.push('# ' + parts.join(', ').replace(/[\r\n]+/g, ' '));
  }
  for (const c of spec.constructs) {
    const rhs = (c.dimensions && c.dimensions.length > 0 ? c.dimensions : c.items ?? []).map(quoteName).join(' + ');
    const label = comments ? labelText(c.label).replace(/[\r\n]+/g, ' ') : '';
    lines.push(`${quoteName(c.name)} ${c.mode === 'B' ? '<~' : '=~'} ${rhs}${label ? `  # ${label}` : ''}`);
  }
  let i = 0;
  while (i < spec.paths.length) {
    const to = spec.paths[i].to;
    const from: string[] = [];
    while (i < spec.paths.length && spec.paths[i].to === to) {
      from.push(spec.paths[i].from);
      i += 1;
    }
    lines.push(`${quoteName(to)} ~ ${from.map(quoteName).join(' + ')}`);
  }
  return lines.join('\n') + '\n';
}
