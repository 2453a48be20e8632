import { codebookSchema, type Codebook } from '../../data/index.js';
import { CsiError } from '../../errors.js';

/**
 * What the codebook says to do with one item's raw value, as plain numbers (validated by the zod codebook schema
 * and again as finite numbers before they become SQL literals): values equal to a missing code become NULL; a value
 * outside [min, max] (after missing codes) is counted and makes the query fail with OUT_OF_SCALE, as the JS loader
 * throws on it; a reverse item becomes min + max − x.
 */
export interface ItemRule {
  name: string;
  missingCodes: number[];
  /** Inclusive scale; null without a codebook (no check). */
  scale: { min: number; max: number } | null;
  reverse: boolean;
}

/**
 * The {@link ItemRule} of each item: from the codebook when one is given (every item must be in it), else no rule.
 * Throws INVALID_CODEBOOK when the codebook fails the schema, UNKNOWN_ITEM when an item is not in it.
 *
 * @example
 * itemRules(['q1'], { items: [{ id: 'q1', scale: { min: 1, max: 5 }, reverse: true, missing: [{ value: 9 }] }] })
 * // [{ name: 'q1', missingCodes: [9], scale: { min: 1, max: 5 }, reverse: true }]
 */
export function itemRules(items: readonly string[], codebook?: Codebook): ItemRule[] {
  if (!codebook) return items.map((name) => ({ name, missingCodes: [], scale: null, reverse: false }));
  const parsed = codebookSchema.safeParse(codebook);
  if (!parsed.success) {
    throw new CsiError('INVALID_CODEBOOK', `The codebook is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
  }
  const byId = new Map(parsed.data.items.map((it) => [it.id, it]));
  return items.map((name) => {
    const it = byId.get(name);
    if (!it) throw new CsiError('UNKNOWN_ITEM', `Item "${name}" is not in the codebook.`, { column: name });
    const finite = (x: number, what: string): number => {
      if (!Number.isFinite(x)) throw new CsiError('INVALID_CODEBOOK', `Item "${name}": ${what} is not a finite number.`, { column: name });
      return x;
    };
    return {
      name,
      missingCodes: (it.missing ?? []).map((m) => finite(m.value, 'a missing code')),
      scale: { min: finite(it.scale.min, 'scale.min'), max: finite(it.scale.max, 'scale.max') },
      reverse: it.reverse === true,
    };
  });
}
