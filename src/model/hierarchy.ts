import { CsiError } from '../errors.js';
import type { ConstructSpec, Hierarchy, HierarchyNode, ModelSpec } from './types.js';

/** Options of {@link hierarchyOf}. */
export interface HierarchyOptions {
  /**
   * The construct whose index is level 1. Default: `spec.target`, else 'Satisfaction' when the model has it;
   * otherwise CsiError('MODEL_INVALID').
   */
  target?: string;
}

/**
 * Constructs measured by items (first-order), in model order: level-2 constructs without dimensions and all
 * level-3 dimensions.
 *
 * @example
 * firstOrderConstructs(parseModel('A =~ a1\nB =~ b1\nH =~ A + B')).map((c) => c.name) // ['A', 'B']
 */
export function firstOrderConstructs(spec: ModelSpec): ConstructSpec[] {
  return spec.constructs.filter((c) => (c.dimensions?.length ?? 0) === 0);
}

/**
 * Constructs measured by other constructs (their dimensions), in model order.
 *
 * @example
 * higherOrderConstructs(parseModel('A =~ a1\nB =~ b1\nH =~ A + B')).map((c) => c.name) // ['H']
 */
export function higherOrderConstructs(spec: ModelSpec): ConstructSpec[] {
  return spec.constructs.filter((c) => (c.dimensions?.length ?? 0) > 0);
}

/**
 * The level-2 (structural) constructs, in model order: every construct that is not a dimension of another one.
 *
 * @example
 * structuralConstructs(parseModel('A =~ a1\nB =~ b1\nH =~ A + B\nY =~ y1\nY ~ H')).map((c) => c.name) // ['H', 'Y']
 */
export function structuralConstructs(spec: ModelSpec): ConstructSpec[] {
  const dims = new Set(spec.constructs.flatMap((c) => c.dimensions ?? []));
  return spec.constructs.filter((c) => !dims.has(c.name));
}

/**
 * The four-level indicator hierarchy of a model (methodology §4.3) as a plain tree:
 * level 1 the index (the target construct; its node carries the target's label), level 2 the structural
 * constructs in model order (the target among them), level 3 the dimensions of higher-order constructs, level 4 the
 * items. A first-order structural construct has its items directly below it (level 4; level 3 is skipped).
 *
 * @example
 * const h = hierarchyOf(parseModel('Q1 =~ a + b\nQ2 =~ c\nQuality =~ Q1 + Q2\nSatisfaction =~ s1\nSatisfaction ~ Quality'))
 * h.root.children.map((n) => n.name) // ['Quality', 'Satisfaction']
 * h.root.children[0].children.map((n) => [n.level, n.name]) // [[3, 'Q1'], [3, 'Q2']]
 */
export function hierarchyOf(spec: ModelSpec, options: HierarchyOptions = {}): Hierarchy {
  const byName = new Map(spec.constructs.map((c) => [c.name, c] as const));
  const structural = structuralConstructs(spec);
  let target = options.target ?? spec.target;
  if (target === undefined && byName.has('Satisfaction')) target = 'Satisfaction';
  if (target === undefined) {
    throw new CsiError('MODEL_INVALID', 'The model has no target construct for the level-1 index: set spec.target or pass options.target.', {});
  }
  const t = byName.get(target);
  if (!t) throw new CsiError('UNKNOWN_CONSTRUCT', `The target '${target}' is not a construct of the model.`, { construct: target });
  if (!structural.includes(t)) {
    throw new CsiError('INVALID_DIMENSION', `The target '${target}' is a dimension of another construct; the level-1 index must be a structural construct.`, { construct: target });
  }

  const itemNodes = (c: ConstructSpec): HierarchyNode[] => (c.items ?? []).map((name) => ({ level: 4, kind: 'item', name, children: [] }));
  const node = (c: ConstructSpec, level: 2 | 3): HierarchyNode => {
    const n: HierarchyNode = { level, kind: level === 2 ? 'construct' : 'dimension', name: c.name, mode: c.mode, children: [] };
    if (c.label) n.label = { ...c.label };
    if (level === 2 && (c.dimensions?.length ?? 0) > 0) {
      n.children = c.dimensions!.map((d) => {
        const dc = byName.get(d);
        if (!dc) throw new CsiError('UNKNOWN_CONSTRUCT', `Dimension '${d}' of '${c.name}' is not a construct of the model.`, { construct: c.name });
        return node(dc, 3);
      });
    } else n.children = itemNodes(c);
    return n;
  };
  const root: HierarchyNode = { level: 1, kind: 'index', name: target, children: structural.map((c) => node(c, 2)) };
  if (t.label) root.label = { ...t.label };
  return { target, root };
}
