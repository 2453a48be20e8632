import type { PlsFit } from '../pls/index.js';
import { htmt } from '../quality/index.js';

/** Which family a bootstrapped statistic belongs to. */
export type StatisticGroup = 'outerWeights' | 'loadings' | 'paths' | 'totalEffects' | 'rSquared' | 'htmt' | 'extra';

/** One bootstrapped statistic: its family, a display name and where it sits in the model. */
export interface StatisticSpec {
  group: StatisticGroup;
  /** 'IMAG1 -> Image', 'Image -> Satisfaction', 'Satisfaction' (R²), 'Image <-> Value' (HTMT), or an extra's key. */
  name: string;
  /** Item (weights, loadings) or antecedent construct (paths, total effects) or first construct (HTMT). */
  from?: string;
  /** Construct (weights, loadings), outcome (paths, total effects) or second construct (HTMT). */
  to?: string;
  /** Endogenous construct (R²). */
  construct?: string;
}

/** The fixed list of statistics of a model, and the positions in a PlsFit they are read from. */
export interface StatisticLayout {
  specs: StatisticSpec[];
  /** Positions: weights/crossLoadings index (p × m), paths/total index (m × m), construct index (R²). */
  positions: Int32Array;
}

/**
 * Total effects T = Σ_{k≥1} Bᵏ of a recursive path matrix B (m × m, B[from·m + to]); methodology §8.1 step 15.
 * Stops when Bᵏ = 0 or after m powers (a recursive model has no path longer than m − 1).
 *
 * @example
 * totalEffectsMatrix(Float64Array.of(0, 0.5, 0, 0, 0, 0.4, 0, 0, 0), 3)[2] // 0.2 (= 0.5 · 0.4, the A → C effect)
 */
export function totalEffectsMatrix(paths: ArrayLike<number>, m: number): Float64Array {
  const total = Float64Array.from(paths);
  let power = Float64Array.from(paths);
  for (let k = 2; k <= m; k++) {
    const next = new Float64Array(m * m);
    let any = false;
    for (let i = 0; i < m; i++) {
      for (let l = 0; l < m; l++) {
        const a = power[i * m + l];
        if (a === 0) continue;
        for (let j = 0; j < m; j++) {
          const v = a * paths[l * m + j];
          if (v !== 0) {
            next[i * m + j] += v;
            any = true;
          }
        }
      }
    }
    if (!any) break;
    for (let q = 0; q < m * m; q++) total[q] += next[q];
    power = next;
  }
  return total;
}

/** reach[i·m + j] = 1 when the structural model has a directed path from i to j. */
function reachability(adjacency: ArrayLike<number>, m: number): Uint8Array {
  const reach = Uint8Array.from(adjacency);
  for (let k = 0; k < m; k++) for (let i = 0; i < m; i++) if (reach[i * m + k]) for (let j = 0; j < m; j++) if (reach[k * m + j]) reach[i * m + j] = 1;
  return reach;
}

/**
 * The statistics bootstrapped for a model, in a fixed order: outer weights and loadings (construct by construct,
 * item by item), paths and total effects (antecedent by antecedent in construct order, then outcome), R² of each
 * endogenous construct, HTMT of each construct pair (a before b).
 *
 * @example
 * statisticLayout(fit).specs[0] // { group: 'outerWeights', name: 'IMAG1 -> Image', from: 'IMAG1', to: 'Image' }
 */
export function statisticLayout(fit: PlsFit, options: { htmt?: boolean } = {}): StatisticLayout {
  const m = fit.constructNames.length;
  const specs: StatisticSpec[] = [];
  const pos: number[] = [];
  for (const group of ['outerWeights', 'loadings'] as const) {
    fit.blocks.forEach((block, j) => {
      for (const i of block) {
        const item = fit.itemNames[i];
        const construct = fit.constructNames[j];
        specs.push({ group, name: `${item} -> ${construct}`, from: item, to: construct });
        pos.push(i * m + j);
      }
    });
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (!fit.adjacency[i * m + j]) continue;
      specs.push({ group: 'paths', name: `${fit.constructNames[i]} -> ${fit.constructNames[j]}`, from: fit.constructNames[i], to: fit.constructNames[j] });
      pos.push(i * m + j);
    }
  }
  const reach = reachability(fit.adjacency, m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (!reach[i * m + j] || i === j) continue;
      specs.push({ group: 'totalEffects', name: `${fit.constructNames[i]} -> ${fit.constructNames[j]}`, from: fit.constructNames[i], to: fit.constructNames[j] });
      pos.push(i * m + j);
    }
  }
  for (let j = 0; j < m; j++) {
    let endogenous = false;
    for (let i = 0; i < m; i++) if (fit.adjacency[i * m + j]) endogenous = true;
    if (!endogenous) continue;
    specs.push({ group: 'rSquared', name: fit.constructNames[j], construct: fit.constructNames[j] });
    pos.push(j);
  }
  if (options.htmt !== false) {
    let k = 0;
    for (let a = 0; a < m; a++) {
      for (let b = a + 1; b < m; b++) {
        specs.push({ group: 'htmt', name: `${fit.constructNames[a]} <-> ${fit.constructNames[b]}`, from: fit.constructNames[a], to: fit.constructNames[b] });
        pos.push(k++);
      }
    }
  }
  return { specs, positions: Int32Array.from(pos) };
}

/**
 * Read the layout's statistics from a fit into `out` (length = number of specs). The fit must have the same items,
 * constructs and paths as the one the layout was made from (every resample of one model does).
 *
 * @example
 * const layout = statisticLayout(fit);
 * const v = new Float64Array(layout.specs.length);
 * readStatistics(fit, layout, v);
 */
export function readStatistics(fit: PlsFit, layout: StatisticLayout, out: Float64Array): void {
  const m = fit.constructNames.length;
  const { specs, positions } = layout;
  let total: Float64Array | null = null;
  let ht: number[] | null = null;
  for (let k = 0; k < specs.length; k++) {
    const at = positions[k];
    switch (specs[k].group) {
      case 'outerWeights':
        out[k] = fit.weights[at];
        break;
      case 'loadings':
        out[k] = fit.crossLoadings[at];
        break;
      case 'paths':
        out[k] = fit.paths[at];
        break;
      case 'totalEffects':
        total ??= totalEffectsMatrix(fit.paths, m);
        out[k] = total[at];
        break;
      case 'rSquared':
        out[k] = fit.rSquared[at];
        break;
      case 'htmt':
        ht ??= htmt(fit).map((e) => e.value);
        out[k] = ht[at];
        break;
      default:
        break;
    }
  }
}
