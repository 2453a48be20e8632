import { CsiError } from '../errors.js';
import { structuralConstructs, type ModelSpec } from '../model/index.js';
import type { PlsResult } from '../pls/index.js';
import type { ConstructIndices } from './constructIndices.js';
import type { ItemScale } from './linearIndex.js';
import { linearMoments } from './linearIndex.js';
import type { IpmaResult, Quadrant } from './types.js';

/** Chinese names of the IPMA quadrants (GB/T 19038 practice, methodology §4.6). */
export const QUADRANT_NAMES_ZH: Record<Quadrant, string> = { strength: '优势区', fix: '修补区', opportunity: '机会区', maintain: '维持区' };

/** Options of {@link ipma}. */
export interface IpmaOptions {
  model: ModelSpec;
  scales: Record<string, ItemScale>;
  /** Quadrant thresholds. Default: the means of importance and performance over the target's drivers. */
  thresholds?: { importance?: number; performance?: number };
}

/**
 * Importance of every construct for a target: the unstandardized total effect (methodology §1.4, §6.2 step 5;
 * cSEM `doIPMA`, Eq. 13.4 of Henseler 2021): `Imp_{j→T} = TE^std_{j→T} · sd(I_T) / sd(I_j)`, I the 0-100 indices
 * (SDs from moments, √(a'Σa)). A construct with no directed path to T has importance 0. T must be endogenous
 * (CsiError('NOT_ENDOGENOUS')) and have an index.
 *
 * @example
 * importances(result, indices, 'Satisfaction').Quality // 0.6398 on mobi
 */
export function importances(result: PlsResult, indices: ConstructIndices, target: string): Record<string, number> {
  const isEndogenous = result.paths.some((p) => p.to === target);
  if (!result.constructs.includes(target)) throw new CsiError('UNKNOWN_CONSTRUCT', `IPMA target ${target} is not a construct of the model.`, { construct: target });
  if (!isEndogenous) throw new CsiError('NOT_ENDOGENOUS', `IPMA target ${target} is not endogenous: no path leads to it.`, { construct: target });
  const fT = indices.forms[target];
  if (!fT) throw new CsiError('NO_SCALE', `IPMA target ${target} has no 0-100 index (its items have no declared scale).`, { construct: target });
  const sdT = linearMoments(fT, indices.itemMoments).sd;
  const out: Record<string, number> = {};
  for (const name of Object.keys(indices.forms)) {
    if (name === target) continue;
    const te = result.totalEffects.find((e) => e.from === name && e.to === target);
    if (!te) {
      out[name] = 0;
      continue;
    }
    out[name] = (te.estimate * sdT) / linearMoments(indices.forms[name], indices.itemMoments).sd;
  }
  return out;
}

/**
 * ACSI impacts on a target: the change of the target's index for a `step`-point gain in each driver's index,
 * `Impact_{j→T} = step · Imp_{j→T}` (methodology §1.4; default step 5, the ACSI convention).
 *
 * @example
 * impacts(result, indices, 'Satisfaction').Quality // 5 × 0.6398 on mobi
 */
export function impacts(result: PlsResult, indices: ConstructIndices, target: string, step = 5): Record<string, number> {
  const imp = importances(result, indices, target);
  return Object.fromEntries(Object.entries(imp).map(([k, v]) => [k, step * v]));
}

/**
 * The importance-performance map for a target (Ringle & Sarstedt 2016; cSEM `doIPMA` conventions, methodology §6.2):
 * construct importance = unstandardized total effect on T ({@link importances}); performance = the construct's
 * 0-100 index. Items: performance = the item's mean rescaled to 0-100, `100 (x̄_k − L_k)/(U_k − L_k)`; importance =
 * v_k · Imp_{j(k)→T} with v_k the weight of the item's 0-100 score in its construct's index (cSEM's normed weight
 * on rescaled indicators); the target's own items have importance v_k (cSEM). A higher-order construct's items use
 * their composite weights in it (cSEM refuses HOC models; this is the two-stage extension). Constructs: every
 * structural construct but T (importance 0 without a path to T). Thresholds (stated in the result): by default the
 * means of importance and performance over T's drivers (constructs with a path to T). Quadrants, for the drivers:
 * strength 优势区 (importance ≥ and performance ≥ thresholds), fix 修补区 (high importance, low performance),
 * opportunity 机会区 (both low), maintain 维持区 (low importance, high performance). Priorities: the drivers in the
 * fix quadrant first, then the rest, each ranked by importance × (100 − performance), largest first.
 *
 * @example
 * ipma(result, indices, 'Satisfaction', { model, scales }).priorities // ['Quality', ...]
 */
export function ipma(result: PlsResult, indices: ConstructIndices, target: string, options: IpmaOptions): IpmaResult {
  const imp = importances(result, indices, target);
  const structural = new Set(structuralConstructs(options.model).map((c) => c.name));
  const constructs: IpmaResult['constructs'] = {};
  for (const [name, v] of Object.entries(imp)) {
    if (!structural.has(name)) continue;
    constructs[name] = { importance: v, performance: indices.indices[name]?.mean ?? null };
  }
  const im = indices.itemMoments;
  const meanOf = new Map(im.items.map((k, i) => [k, im.means[i]] as const));
  const items: IpmaResult['items'] = {};
  for (const name of [...Object.keys(constructs), target]) {
    const f = indices.forms[name];
    const cImp = name === target ? 1 : constructs[name].importance;
    f.items.forEach((k, a) => {
      const [lo, hi] = options.scales[k];
      const v = (f.coef[a] * (hi - lo)) / 100;
      items[k] = { importance: v * cImp, performance: (100 * (meanOf.get(k)! - lo)) / (hi - lo) };
    });
  }
  const drivers = Object.keys(constructs).filter((c) => result.totalEffects.some((e) => e.from === c && e.to === target));
  const avg = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const thresholds = {
    importance: options.thresholds?.importance ?? avg(drivers.map((c) => constructs[c].importance)),
    performance: options.thresholds?.performance ?? avg(drivers.map((c) => constructs[c].performance ?? 0)),
  };
  const quadrants: Record<string, Quadrant> = {};
  for (const c of drivers) {
    const hiI = constructs[c].importance >= thresholds.importance;
    const hiP = (constructs[c].performance ?? -Infinity) >= thresholds.performance;
    quadrants[c] = hiI ? (hiP ? 'strength' : 'fix') : hiP ? 'maintain' : 'opportunity';
  }
  const score = (c: string): number => constructs[c].importance * (100 - (constructs[c].performance ?? 0));
  const priorities = [...drivers].sort((a, b) => Number(quadrants[b] === 'fix') - Number(quadrants[a] === 'fix') || score(b) - score(a));
  return { constructs, items, thresholds, quadrants, priorities, quadrantNames: { ...QUADRANT_NAMES_ZH } };
}
