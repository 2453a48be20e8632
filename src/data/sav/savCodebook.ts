import type { Codebook, CodebookItem, CodebookNumeric, CodebookSegment, Label, ValueLabel } from '../codebook.js';
import { inferScale } from '../inferScale.js';
import { valueLabelKey } from '../valueLabels.js';
import type { SavFile, SavVariable } from './readSav.js';

const ID_NAME = /^(id|respondent_?id|resp_?id|respid|case_?id|uid)$/i;
const WEIGHT_NAME = /^(weight|weights|wt|wgt)$/i;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/** What a .sav variable becomes in the codebook. */
export type SavRole = 'id' | 'weight' | 'item' | 'segment' | 'numeric';

/**
 * A label text as a codebook label: Chinese/Japanese text as `zh`, anything else as `en`.
 *
 * @example
 * labelOf('非常满意') // { zh: '非常满意' }
 */
export function labelOf(text: string): Label {
  return CJK.test(text) ? { zh: text } : { en: text };
}

/**
 * The role a variable takes, from its measurement level: string, date and nominal variables are segments; ordinal
 * variables and labelled numeric variables are items; unlabelled scale variables are numeric columns; numeric
 * variables of unknown level are items (as in a CSV draft). A variable named like `id` is the id, the file's weight
 * variable (or one named `weight`) the weight.
 *
 * @example
 * savRole({ type: 'numeric', kind: 'number', measure: 'ordinal', name: 'SAT1', valueLabels: [], missing: { values: [] } } as never, undefined) // 'item'
 */
export function savRole(v: SavVariable, weight: string | undefined): SavRole {
  if (ID_NAME.test(v.name)) return 'id';
  if (v.type === 'numeric' && (v.name === weight || (weight === undefined && WEIGHT_NAME.test(v.name)))) return 'weight';
  if (v.type === 'string' || v.kind !== 'number' || v.measure === 'nominal') return 'segment';
  if (v.measure === 'ordinal') return 'item';
  const labelled = v.valueLabels.some((l) => typeof l.value === 'number' && !isMissing(v, l.value));
  if (labelled) return 'item';
  return v.measure === 'scale' ? 'numeric' : 'item';
}

function isMissing(v: SavVariable, x: number | string): boolean {
  if (v.missing.values.includes(x)) return true;
  const r = v.missing.range;
  return typeof x === 'number' && r !== undefined && x >= r.min && x <= r.max;
}

/**
 * The codebook a .sav file carries: variable labels → labels, value labels → `values` (codes ↔ texts) and the
 * scale of items, user-missing values and ranges → `missing` / `missingRanges`, measurement level → item, segment
 * or numeric (see {@link savRole}). Only an item without value labels gets a scale guessed from its values
 * (`inferred: true`). Edit it and pass it back as the codebook.
 *
 * @example
 * const codebook = savCodebook(readSav(bytes));
 * codebook.items.map((i) => i.id);
 */
export function savCodebook(sav: SavFile): Codebook {
  const items: CodebookItem[] = [];
  const segments: CodebookSegment[] = [];
  const numeric: CodebookNumeric[] = [];
  let id: string | undefined;
  let weight: string | undefined;
  for (const v of sav.variables) {
    let role = savRole(v, sav.weight);
    if ((role === 'id' && id !== undefined) || (role === 'weight' && weight !== undefined)) role = v.type === 'numeric' ? 'numeric' : 'segment';
    const label = v.label !== undefined && v.label !== '' ? { label: labelOf(v.label) } : {};
    if (role === 'id') id = v.name;
    else if (role === 'weight') weight = v.name;
    else if (role === 'segment') segments.push({ id: v.name, ...label, ...segmentLevels(v) });
    else {
      const missing = missingOf(v);
      const values = valueLabelsOf(v);
      if (role === 'numeric') numeric.push({ id: v.name, ...label, ...missing, ...values });
      else items.push({ id: v.name, ...label, ...itemScale(v), ...missing, ...values });
    }
  }
  return {
    ...(sav.fileLabel !== '' ? { title: labelOf(sav.fileLabel) } : {}),
    ...(id !== undefined ? { id } : {}),
    ...(weight !== undefined ? { weight } : {}),
    items,
    ...(segments.length > 0 ? { segments } : {}),
    ...(numeric.length > 0 ? { numeric } : {}),
  };
}

function labelFor(v: SavVariable, x: number | string): Label | undefined {
  const hit = v.valueLabels.find((l) => l.value === x);
  return hit ? labelOf(hit.label) : undefined;
}

function missingOf(v: SavVariable): Pick<CodebookItem, 'missing' | 'missingRanges'> {
  const out: Pick<CodebookItem, 'missing' | 'missingRanges'> = {};
  const nums = v.missing.values.filter((x): x is number => typeof x === 'number');
  if (nums.length > 0) out.missing = nums.map((value) => ({ value, ...(labelFor(v, value) ? { label: labelFor(v, value) } : {}) }));
  if (v.missing.range) out.missingRanges = [{ min: v.missing.range.min, max: v.missing.range.max }];
  return out;
}

/**
 * Numeric value labels as codebook `values`. A text that labels several codes (98 and 99 both "Don't know") could
 * not map back to one code, so the later ones get their code appended ("Don't know (99)").
 */
function valueLabelsOf(v: SavVariable): { values?: ValueLabel[] } {
  const seen = new Set<string>();
  const values: ValueLabel[] = [];
  for (const l of v.valueLabels) {
    if (typeof l.value !== 'number' || l.label.trim() === '' || values.some((x) => x.value === l.value)) continue;
    let text = l.label;
    if (seen.has(valueLabelKey(text))) text = `${text} (${l.value})`;
    seen.add(valueLabelKey(text));
    values.push({ value: l.value, label: labelOf(text) });
  }
  return values.length > 0 ? { values } : {};
}

/** An item's scale: the labelled codes and observed answers (user-missing ones left out); guessed only without labels. */
function itemScale(v: SavVariable): Pick<CodebookItem, 'scale' | 'inferred'> {
  let lo = Infinity;
  let hi = -Infinity;
  let integers = true;
  const see = (x: number) => {
    if (x !== x || isMissing(v, x)) return;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    if (!Number.isInteger(x)) integers = false;
  };
  for (const l of v.valueLabels) if (typeof l.value === 'number') see(l.value);
  const labelled = hi > lo;
  for (const x of v.values as Float64Array) see(x);
  if (labelled) return { scale: { min: lo, max: hi } };
  if (lo > hi) return { scale: { min: 1, max: 5 }, inferred: true };
  return { scale: inferScale(lo, hi, integers), inferred: true };
}

/** A labelled segment lists its levels (labelled codes and observed values) with their labels. */
function segmentLevels(v: SavVariable): Pick<CodebookSegment, 'levels'> {
  if (v.valueLabels.length === 0) return {};
  const seen = new Set<string>();
  const raw: (number | string)[] = [];
  const add = (x: number | string) => {
    if ((typeof x === 'number' && x !== x) || x === '' || isMissing(v, x)) return;
    const key = String(x);
    if (!seen.has(key)) {
      seen.add(key);
      raw.push(x);
    }
  };
  for (const l of v.valueLabels) add(l.value);
  for (const x of v.values) add(x);
  if (v.type === 'numeric') raw.sort((a, b) => (a as number) - (b as number));
  return { levels: raw.map((x) => ({ value: String(x), ...(labelFor(v, x) ? { label: labelFor(v, x) } : {}) })) };
}
