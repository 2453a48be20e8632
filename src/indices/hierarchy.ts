import type { Codebook } from '../data/index.js';
import { CsiError, type CsiWarning } from '../errors.js';
import { hierarchyOf, type HierarchyNode as ModelNode, type ModelSpec } from '../model/index.js';
import type { PlsResult } from '../pls/index.js';
import { ahpWeights } from './ahp.js';
import type { ConstructIndices } from './constructIndices.js';
import { entropyWeights } from './entropyWeights.js';
import type { HierarchySpec, LevelWeights } from './hierarchySpec.js';
import { indexScores } from './indexScores.js';
import { importances } from './ipma.js';
import { combineForms, indexEstimate, type ItemScale, type LinearIndex } from './linearIndex.js';
import type { HierarchyNode } from './types.js';

/** Options of {@link rollUpHierarchy}. */
export interface RollUpOptions {
  model: ModelSpec;
  scales: Record<string, ItemScale>;
  spec: HierarchySpec;
  /** Item labels. */
  codebook?: Codebook;
  /** Raw item columns: needed only for `entropy` weights. */
  columns?: Record<string, Float64Array>;
}

/** The rolled-up tree and its warnings. */
export interface RolledHierarchy {
  root: HierarchyNode;
  warnings: CsiWarning[];
}

/** Threshold of Saaty's consistency ratio. */
const CR_LIMIT = 0.1;

/**
 * The four-level hierarchy rolled up (methodology §4.3–4.5): items (4) → dimensions (3) → constructs (2) → the
 * overall CSI (1), from {@link hierarchyOf}. Every node is a weighted mean of its children's 0-100 indices,
 * `S_parent = Σ_c W_c S_c` (Σ W = 1), so each node is a linear form on raw items and its mean, SE and 95 % t interval
 * come from moments (w'Σw). Weights of a parent's children: `spec.nodes[parent]`, else `spec.levels[child level]`,
 * else `pls`:
 * - `pls` — levels 3–4: the construct indices' own weights (items: v_k, the weight of the item's 0-100 score; a
 *   higher-order construct's dimensions: c_d with I_H = Σ c_d I_d), so the tree reproduces `indices`; level 2: the
 *   ACSI/CCSI definition, the overall CSI is the target's index (weight 1 on the target, 0 elsewhere; §4.5 (a)).
 * - `effects` (level 2 only) — W_c ∝ the unstandardized total effect of c on the target (§4.5 (b)); the target 0.
 * - `equal` — 1/m. Explicit numbers `{ child: w }` — normalised (children not named get 0).
 * - `{ ahp: { dimensions, matrix } }` — principal-eigenvector weights ({@link ahpWeights}); CR ≥ 0.10 is refused
 *   with CsiError('INCONSISTENT_MATRIX') unless `spec.force` (then a warning); λmax, CI, CR are on the parent node.
 * - `entropy` — entropy weights of the children's per-respondent 0-100 scores as rolled up (their own weights) ({@link entropyWeights}; needs rows).
 *
 * @example
 * rollUpHierarchy(result, indices, { model, scales, spec: { levels: { '2': 'equal' } } }).root.index.mean
 */
export function rollUpHierarchy(result: PlsResult, indices: ConstructIndices, options: RollUpOptions): RolledHierarchy {
  const { model, scales, spec } = options;
  const tree = hierarchyOf(model, spec.target !== undefined ? { target: spec.target } : {});
  const target = tree.target;
  const warnings: CsiWarning[] = [];
  const im = indices.itemMoments;
  const itemLabel = new Map((options.codebook?.items ?? []).filter((i) => i.label).map((i) => [i.id, i.label!] as const));
  const names = new Set<string>([...Object.keys(spec.nodes ?? {})]);
  for (const n of names) if (!tree.root.children.some((c) => findNode(c, n))) throw new CsiError('UNKNOWN_CONSTRUCT', `Hierarchy weights for ${n}: not a construct or the index of the hierarchy.`, { construct: n });

  const itemForm = (k: string): LinearIndex | null => {
    const s = scales[k];
    return s ? { items: [k], coef: Float64Array.of(100 / (s[1] - s[0])), constant: (-100 * s[0]) / (s[1] - s[0]) } : null;
  };

  /**
   * PLS weights of the children: the share of the parent index's 0-100 item weights (v_k = coef_k (U_k − L_k)/100,
   * Σ v = 1) on each child's items. When the parent's index is Σ c_d I_d of its children (pls, equal, weights on
   * dimensions) this is exactly c_d; with item-level weights on a higher-order construct it still sums to 1.
   */
  const plsWeights = (parent: ModelNode, kids: string[], forms: (LinearIndex | null)[]): number[] => {
    if (parent.level === 1) return kids.map((k) => (k === target ? 1 : 0));
    const pf = indices.forms[parent.name];
    if (!pf) return kids.map(() => NaN);
    const pc = new Map(pf.items.map((k, i) => [k, pf.coef[i]] as const));
    return forms.map((f) => (f && f.items.length > 0 ? f.items.reduce((a, k) => a + ((pc.get(k) ?? 0) * (scales[k][1] - scales[k][0])) / 100, 0) : NaN));
  };

  /** `forms`: the children's construct forms (PLS ratios); `rolled`: the children's forms as rolled up (entropy). */
  const weightsFor = (parent: ModelNode, kids: string[], forms: (LinearIndex | null)[], rolled: (LinearIndex | null)[]): { w: number[]; source: string; ahp?: HierarchyNode['ahp'] } => {
    const childLevel = String(parent.children[0]?.level ?? 4) as '2' | '3' | '4';
    const ws: LevelWeights = (parent.level === 1 ? undefined : spec.nodes?.[parent.name]) ?? spec.levels?.[childLevel] ?? 'pls';
    if (ws === 'pls') return { w: plsWeights(parent, kids, forms), source: 'pls' };
    if (ws === 'equal') return { w: kids.map(() => 1 / kids.length), source: 'equal' };
    if (ws === 'effects') {
      if (parent.level !== 1) throw new CsiError('INVALID_OPTION', `Hierarchy weights 'effects' apply to level 2 (the constructs under the overall index), not to the children of ${parent.name}.`, { construct: parent.name });
      const imp = importances(result, indices, target);
      const raw = kids.map((k) => (k === target ? 0 : Math.max(0, imp[k] ?? 0)));
      const sum = raw.reduce((a, b) => a + b, 0);
      if (!(sum > 0)) throw new CsiError('INVALID_OPTION', `Hierarchy weights 'effects': no construct has a positive total effect on ${target}.`, { construct: target });
      return { w: raw.map((v) => v / sum), source: 'effects' };
    }
    if (ws === 'entropy') {
      if (!options.columns) throw new CsiError('NEEDS_ROWS', `Entropy weights for the children of ${parent.name} need the rows: not available from moments.`, { construct: parent.name });
      if (rolled.some((f) => !f)) return { w: kids.map(() => NaN), source: 'entropy' };
      const scores = indexScores(Object.fromEntries(kids.map((k, i) => [k, rolled[i]!])), options.columns, im, result.settings.missing);
      return { w: Array.from(entropyWeights(kids.map((k) => scores[k]))), source: 'entropy' };
    }
    if ('ahp' in ws && typeof ws.ahp === 'object') {
      const { dimensions, matrix } = ws.ahp as { dimensions: string[]; matrix: number[][] };
      const set = new Set(dimensions);
      if (set.size !== kids.length || !kids.every((k) => set.has(k))) {
        throw new CsiError('INVALID_MATRIX', `The AHP matrix for ${parent.name} names ${dimensions.join(', ')}; its children are ${kids.join(', ')}.`, { construct: parent.name });
      }
      const r = ahpWeights(matrix, dimensions);
      if (r.cr >= CR_LIMIT) {
        const msg = `The AHP matrix for ${parent.name} is inconsistent: CR = ${r.cr.toFixed(3)} ≥ 0.10 (λmax ${r.lambdaMax.toFixed(3)}, CI ${r.ci.toFixed(3)})`;
        if (!spec.force) throw new CsiError('INCONSISTENT_MATRIX', `${msg}; revise the judgements or set "force": true.`, { construct: parent.name });
        warnings.push({ code: 'INCONSISTENT_MATRIX', construct: parent.name, message: `${msg}; used anyway (force).` });
      }
      const byName = new Map(dimensions.map((d, i) => [d, r.weights[i]] as const));
      return { w: kids.map((k) => byName.get(k)!), source: 'ahp', ahp: { lambdaMax: r.lambdaMax, ci: r.ci, cr: r.cr } };
    }
    const rec = ws as Record<string, number>;
    for (const [k, v] of Object.entries(rec)) {
      if (!kids.includes(k)) throw new CsiError('INVALID_OPTION', `Hierarchy weight for ${k}: not a child of ${parent.name} (children: ${kids.join(', ')}).`, { construct: parent.name });
      if (!(v >= 0) || !Number.isFinite(v)) throw new CsiError('INVALID_OPTION', `Hierarchy weight ${v} for ${k} under ${parent.name} must be a finite number ≥ 0.`, { construct: parent.name });
    }
    const raw = kids.map((k) => rec[k] ?? 0);
    const sum = raw.reduce((a, b) => a + b, 0);
    if (!(sum > 0)) throw new CsiError('INVALID_OPTION', `Hierarchy weights under ${parent.name} must have a positive sum.`, { construct: parent.name });
    return { w: raw.map((v) => v / sum), source: 'explicit' };
  };

  const build = (node: ModelNode): { out: HierarchyNode; form: LinearIndex | null } => {
    let form: LinearIndex | null;
    let children: HierarchyNode[] = [];
    let ahp: HierarchyNode['ahp'] | undefined;
    if (node.kind === 'item') form = itemForm(node.name);
    else {
      const kidsNodes = node.children;
      const kids = kidsNodes.map((c) => c.name);
      const kidForms = kidsNodes.map((c) => (c.kind === 'item' ? itemForm(c.name) : (indices.forms[c.name] ?? null)));
      // Children first: entropy weights are those of the children's scores as rolled up (their own level weights).
      const built = kidsNodes.map((c) => build(c));
      const { w, source, ahp: a } = weightsFor(node, kids, kidForms, built.map((b) => b.form));
      ahp = a;
      built.forEach((b, i) => {
        b.out.weight = w[i];
        b.out.weightSource = source;
      });
      children = built.map((b) => b.out);
      const used = built.map((b, i) => ({ f: b.form, w: w[i] })).filter((x) => x.w !== 0);
      form = used.length > 0 && used.every((x) => x.f && Number.isFinite(x.w)) ? combineForms(used.map((x) => x.f!), used.map((x) => x.w)) : null;
      if (!form) warnings.push({ code: 'NO_SCALE', construct: node.name, message: `Hierarchy node ${node.name} has no index: a child without a declared scale or weight.` });
    }
    const est = form ? indexEstimate(form, im) : null;
    const label = node.kind === 'item' ? itemLabel.get(node.name) : node.label;
    const out: HierarchyNode = {
      name: node.name,
      ...(label ? { label: { ...label } } : {}),
      level: node.level,
      weight: 1,
      weightSource: 'root',
      index: { mean: est?.mean ?? null, se: est?.se ?? null, lower: est?.lower ?? null, upper: est?.upper ?? null },
      n: im.n,
      children,
      ...(ahp ? { ahp } : {}),
    };
    return { out, form };
  };
  const { out } = build(tree.root);
  return { root: out, warnings };
}

function findNode(node: ModelNode, name: string): ModelNode | undefined {
  if (node.name === name && node.kind !== 'item') return node;
  for (const c of node.children) {
    const f = findNode(c, name);
    if (f) return f;
  }
  return undefined;
}
