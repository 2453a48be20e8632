import { CsiError } from '../errors.js';
import { codebookSchema, type Codebook } from './codebook.js';
import { valueLabelIndex } from './valueLabels.js';

/** Column names that are refused everywhere, because code that keys plain objects by column name would be polluted. */
export const FORBIDDEN_COLUMN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Validates a codebook (parsed JSON or an object) and returns it typed.
 *
 * Checks the zod schema, then that every column name is used once across `id`, `weight`, items, segments and
 * numeric columns, and that no name is `__proto__`, `constructor` or `prototype`.
 *
 * @throws CsiError `INVALID_CODEBOOK`, with the path of the first problem (e.g. `items[2].scale`) in the message and,
 *   when the path enters an item, segment or numeric entry with an id, that id as `column`.
 * @example
 * parseCodebook({ items: [{ id: 'SAT1', scale: { min: 1, max: 10 } }] }).items[0].id // 'SAT1'
 */
export function parseCodebook(json: unknown): Codebook {
  const r = codebookSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    const more = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more problem(s))` : '';
    throw new CsiError('INVALID_CODEBOOK', `Invalid codebook${path ? ` at ${path}` : ''}: ${issue.message}${more}.`, {
      column: columnAt(json, issue.path),
    });
  }
  const cb = r.data;
  const seen = new Map<string, string>();
  const use = (name: string, where: string) => {
    if (FORBIDDEN_COLUMN_NAMES.has(name)) {
      throw new CsiError('INVALID_CODEBOOK', `Invalid codebook at ${where}: the column name "${name}" is not allowed.`, {
        column: name,
      });
    }
    const prev = seen.get(name);
    if (prev !== undefined) {
      throw new CsiError('INVALID_CODEBOOK', `Invalid codebook at ${where}: column "${name}" is already used at ${prev}.`, {
        column: name,
      });
    }
    seen.set(name, where);
  };
  if (cb.id !== undefined) use(cb.id, 'id');
  if (cb.weight !== undefined) use(cb.weight, 'weight');
  cb.items.forEach((it, k) => use(it.id, `items[${k}].id`));
  (cb.segments ?? []).forEach((s, k) => {
    use(s.id, `segments[${k}].id`);
    if (s.levels) {
      const lv = new Set<string>();
      s.levels.forEach((l, j) => {
        if (lv.has(l.value)) {
          throw new CsiError('INVALID_CODEBOOK', `Invalid codebook at segments[${k}].levels[${j}]: level "${l.value}" is listed twice.`, {
            column: s.id,
          });
        }
        lv.add(l.value);
      });
    }
  });
  (cb.numeric ?? []).forEach((c, k) => use(c.id, `numeric[${k}].id`));
  for (const c of [...cb.items, ...(cb.numeric ?? [])]) if (c.values) valueLabelIndex(c.values, c.id);
  return cb;
}

/** The column a zod issue is about: the `id` of the `items[k]`, `segments[k]` or `numeric[k]` the path enters, if any. */
function columnAt(json: unknown, path: readonly PropertyKey[]): string | undefined {
  const [list, k] = path;
  if (typeof k !== 'number' || (list !== 'items' && list !== 'segments' && list !== 'numeric')) return undefined;
  const entry = (json as Record<string, unknown[] | undefined>)[list]?.[k] as { id?: unknown } | undefined;
  return typeof entry?.id === 'string' && entry.id !== '' ? entry.id : undefined;
}
