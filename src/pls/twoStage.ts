import type { ConstructSpec, ModelSpec, PathSpec } from '../model/index.js';

/** A model reduced to what the PLS loop needs: constructs in order, their indicators and modes, the paths. */
export interface StageModel {
  constructs: { name: string; mode: 'A' | 'B'; indicators: string[] }[];
  paths: PathSpec[];
}

/**
 * Stage 1 of seminr's disjoint two-stage approach for higher-order constructs (`higher_composite(method =
 * two_stage)`, R/feature_higher_order.R `substitute_dimensions_for_HOC`; methodology §8.10): each higher-order
 * construct H is removed from the structural model; every antecedent a → H becomes a → d and every outcome H → o
 * becomes d → o for each dimension d of H (higher-order constructs substituted one after the other, duplicate
 * paths dropped). Constructs keep the model's order; only those in a stage-1 path remain.
 *
 * @example
 * stageOneModel(parseModel('A =~ a1\nB =~ b1\nC =~ c1\nH =~ A + B\nH ~ C')).paths // [C → A, C → B]
 */
export function stageOneModel(model: ModelSpec): StageModel {
  let sm: PathSpec[] = model.paths.map((pth) => ({ from: pth.from, to: pth.to }));
  for (const h of model.constructs) {
    const dims = h.dimensions;
    if (!dims || dims.length === 0) continue;
    const antecedents = sm.filter((pth) => pth.to === h.name).map((pth) => pth.from);
    if (antecedents.length > 0) {
      sm = sm.filter((pth) => pth.to !== h.name);
      for (const a of antecedents) for (const d of dims) sm.push({ from: a, to: d });
    }
    const outcomes = sm.filter((pth) => pth.from === h.name).map((pth) => pth.to);
    if (outcomes.length > 0) {
      sm = sm.filter((pth) => pth.from !== h.name);
      for (const d of dims) for (const o of outcomes) sm.push({ from: d, to: o });
    }
  }
  const seen = new Set<string>();
  sm = sm.filter((pth) => {
    const key = `${pth.from}\u0000${pth.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { constructs: constructsInPaths(model.constructs, sm), paths: sm };
}

/**
 * The model as stage 2 sees it (or the whole model when it has no higher-order construct): the structural model as
 * given; a higher-order construct's indicators are its dimensions (their stage-1 scores).
 *
 * @example
 * stageTwoModel(model).constructs.find((c) => c.name === 'Satisfaction')?.indicators // ['Image', 'Value']
 */
export function stageTwoModel(model: ModelSpec): StageModel {
  return { constructs: constructsInPaths(model.constructs, model.paths), paths: model.paths.map((pth) => ({ from: pth.from, to: pth.to })) };
}

function constructsInPaths(constructs: readonly ConstructSpec[], sm: readonly PathSpec[]): StageModel['constructs'] {
  const used = new Set<string>();
  for (const pth of sm) {
    used.add(pth.from);
    used.add(pth.to);
  }
  return constructs
    .filter((c) => used.has(c.name))
    .map((c) => ({ name: c.name, mode: c.mode, indicators: [...(c.dimensions && c.dimensions.length > 0 ? c.dimensions : (c.items ?? []))] }));
}
