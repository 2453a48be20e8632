import { CsiError } from '../errors.js';
import type { ModelSpec } from '../model/index.js';
import { validateModel } from '../model/index.js';
import { corePlans, type CorePlans } from './fitStages.js';
import { stageOneModel, stageTwoModel } from './twoStage.js';
import type { ResultLayout } from './buildResult.js';
import type { RecordMaker } from './recordMaker.js';
import type { ItemSummary } from './types.js';

/**
 * What {@link estimateFromMoments} derives from a model and the moments' item list alone, kept between calls:
 * the validation (done once), the items G the correlation matrix is over, where they sit in the moments, the stage
 * structures and fit plans, and the names of the result's tables. Estimating one model many times (a bootstrap,
 * a dashboard refreshing) then pays for the numbers only.
 */
export interface PreparedModel {
  /** Items G (the model's indicators block by block, stage 1 for a higher-order model). */
  items: string[];
  /** Position of each item of G among the moments' items; null when the moments hold exactly G, in order. */
  idx: Int32Array | null;
  plans: CorePlans;
  /** The result's names (built by buildResult on first use). */
  layout: ResultLayout | null;
  /** Maker of the per-item summary table (built on first use). */
  itemTable: RecordMaker<ItemSummary> | null;
  /** Scratch space of the correlation step (|G|²). */
  scratch: Float64Array;
}

interface Entry {
  snapshot: ModelSnapshot;
  momentItems: string[];
  prepared: PreparedModel;
}

/** The model's fields an estimate depends on, copied, to notice a model object changed in place since. */
interface ModelSnapshot {
  constructs: { name: string; mode: string; items: string[] | undefined; dimensions: string[] | undefined }[];
  paths: { from: string; to: string }[];
  target: string | undefined;
}

/** Entries per model object: most callers use one item list; a few (segments, subsets) several. */
const MAX_ENTRIES = 8;
const cache = new WeakMap<ModelSpec, Entry[]>();

/**
 * The {@link PreparedModel} of a model for moments over `momentItems`, from a cache keyed by the model object (and
 * the item list, compared by value; a model changed in place since is noticed by comparing the copy of its
 * fields kept with the entry, and prepared again). Preparing validates the model against the items (its
 * CsiErrors, as {@link validateModel}) and throws MODEL_INVALID for a model without structural paths; nothing is
 * cached for an invalid model.
 *
 * @example
 * const prep = preparedModel(model, moments.items);
 * prep.items // the items the correlation matrix is over
 */
export function preparedModel(model: ModelSpec, momentItems: readonly string[]): PreparedModel {
  const entries = typeof model === 'object' && model !== null ? cache.get(model) : undefined;
  if (entries) {
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e];
      if (sameItems(entry.momentItems, momentItems) && sameModel(model, entry.snapshot)) return entry.prepared;
    }
  }
  validateModel(model, { items: momentItems });
  if (model.paths.length === 0) {
    throw new CsiError('MODEL_INVALID', 'The model has no structural paths: PLS path modeling needs at least one path between constructs.');
  }
  const twoStage = model.constructs.some((c) => (c.dimensions?.length ?? 0) > 0);
  const first = twoStage ? stageOneModel(model) : stageTwoModel(model);
  const items = first.constructs.flatMap((c) => c.indicators);
  let idx: Int32Array | null = null;
  if (!sameItems(items, momentItems)) {
    const index = new Map<string, number>();
    momentItems.forEach((name, i) => index.set(name, i));
    idx = Int32Array.from(items, (name) => {
      const i = index.get(name);
      if (i === undefined) throw new CsiError('MISSING_COLUMN', `Item ${name} is not among the moments' items.`, { column: name });
      return i;
    });
  }
  const prepared: PreparedModel = { items, idx, plans: corePlans(model), layout: null, itemTable: null, scratch: new Float64Array(items.length * items.length) };
  const entry: Entry = { snapshot: snapshotOf(model), momentItems: momentItems.slice(), prepared };
  const list = entries ?? [];
  // a model changed in place: its former entries can never match again
  const kept = list.filter((e) => sameModel(model, e.snapshot));
  kept.unshift(entry);
  if (kept.length > MAX_ENTRIES) kept.length = MAX_ENTRIES;
  cache.set(model, kept);
  return prepared;
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return sameItems(a, b);
}

function snapshotOf(model: ModelSpec): ModelSnapshot {
  return {
    constructs: model.constructs.map((c) => ({ name: c.name, mode: c.mode, items: c.items?.slice(), dimensions: c.dimensions?.slice() })),
    paths: model.paths.map((p) => ({ from: p.from, to: p.to })),
    target: model.target,
  };
}

function sameModel(model: ModelSpec, snap: ModelSnapshot): boolean {
  const cs = model.constructs;
  const ps = model.paths;
  if (!Array.isArray(cs) || !Array.isArray(ps) || cs.length !== snap.constructs.length || ps.length !== snap.paths.length) return false;
  if (model.target !== snap.target) return false;
  for (let j = 0; j < cs.length; j++) {
    const c = cs[j];
    const s = snap.constructs[j];
    if (typeof c !== 'object' || c === null) return false;
    if (c.name !== s.name || c.mode !== s.mode || !sameList(c.items, s.items) || !sameList(c.dimensions, s.dimensions)) return false;
  }
  for (let i = 0; i < ps.length; i++) if (typeof ps[i] !== 'object' || ps[i] === null || ps[i].from !== snap.paths[i].from || ps[i].to !== snap.paths[i].to) return false;
  return true;
}
