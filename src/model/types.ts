import type { Label } from '../data/index.js';

/**
 * The plain-JSON model every front end compiles to (text syntax, builder, presets) and every estimator reads.
 *
 * A construct is measured either by questionnaire items (level 4 → a level-2 or level-3 construct) or by other
 * constructs, its dimensions (level 3 → level 2, a higher-order construct estimated by the disjoint two-stage
 * approach). `mode` is the outer-weight mode: 'A' (correlation weights, `=~`) or 'B' (regression weights, `<~`).
 */
export interface ConstructSpec {
  name: string;
  mode: 'A' | 'B';
  /** Item (column) names; present for first-order constructs. */
  items?: string[];
  /** Names of other constructs that are this construct's dimensions (higher-order construct). */
  dimensions?: string[];
  label?: Label;
}

/** A structural path `from → to`. */
export interface PathSpec {
  from: string;
  to: string;
}

/** A model: constructs and structural paths, optionally the construct whose index is level 1. */
export interface ModelSpec {
  constructs: ConstructSpec[];
  paths: PathSpec[];
  /** The construct whose 0-100 index is the overall (level-1) index; default 'Satisfaction' when present. */
  target?: string;
  /** Free-form name, e.g. 'ECSI'. */
  name?: string;
}

/** Level of a node in the four-level indicator hierarchy (methodology §4.3): 1 index, 2 construct, 3 dimension, 4 item. */
export type HierarchyLevel = 1 | 2 | 3 | 4;

/**
 * One node of the four-level hierarchy. `kind` says what the node is: the overall index (level 1), a structural
 * construct (level 2), a dimension of a higher-order construct (level 3) or a questionnaire item (level 4).
 * A first-order structural construct has its items directly as children (level 4; level 3 is skipped).
 */
export interface HierarchyNode {
  level: HierarchyLevel;
  kind: 'index' | 'construct' | 'dimension' | 'item';
  /** Construct or item name; for the index node, the target construct's name. */
  name: string;
  label?: Label;
  /** Outer-weight mode of a construct or dimension node. */
  mode?: 'A' | 'B';
  children: HierarchyNode[];
}

/** The four-level hierarchy of a model as a plain tree rooted at the level-1 index. */
export interface Hierarchy {
  /** The construct whose index is level 1. */
  target: string;
  root: HierarchyNode;
}
