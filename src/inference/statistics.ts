import type { PlsFit, PlsResult } from '../pls/index.js';
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
  /** Positions in the fit: weights/crossLoadings index (p × m), paths/total index (m × m), construct index (R²), HTMT pair index; −1 when not in the fit. */
  positions: Int32Array;
  /** True when every statistic can be read from the fit by position ({@link readStatistics}). */
  direct: boolean;
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

/**
 * The statistics bootstrapped for a model, in a fixed order read off the full-data result: outer weights and loadings
 * (construct by construct as `result.constructs`, item by item), paths (model order), total effects (as
 * `result.totalEffects`), R² of each endogenous construct, HTMT of each construct pair of the final fit (a before b).
 * Named values are what is bootstrapped — with PLSc the consistent paths, loadings and R² — and `positions` say where
 * each value sits in `result.fit` when it can be read from there directly (−1 otherwise; `direct` is false then).
 *
 * @example
 * statisticLayout(result).specs[0] // { group: 'outerWeights', name: 'IMAG1 -> Image', from: 'IMAG1', to: 'Image' }
 */
export function statisticLayout(result: PlsResult, options: { htmt?: boolean } = {}): StatisticLayout {
  const fit = result.fit;
  const m = fit.constructNames.length;
  const itemIndex = new Map<string, number>();
  fit.itemNames.forEach((name, i) => itemIndex.set(name, i));
  const cIndex = new Map<string, number>();
  fit.constructNames.forEach((name, j) => cIndex.set(name, j));
  const specs: StatisticSpec[] = [];
  const pos: number[] = [];
  const inBlock = (item: string, construct: string): number => {
    const i = itemIndex.get(item);
    const j = cIndex.get(construct);
    if (i === undefined || j === undefined || !fit.blocks[j].includes(i)) return -1;
    return i * m + j;
  };
  for (const group of ['outerWeights', 'loadings'] as const) {
    const table = result[group];
    for (const construct of result.constructs) {
      for (const item of Object.keys(table[construct] ?? {})) {
        specs.push({ group, name: `${item} -> ${construct}`, from: item, to: construct });
        pos.push(inBlock(item, construct));
      }
    }
  }
  const pair = (from: string, to: string): number => {
    const a = cIndex.get(from);
    const b = cIndex.get(to);
    return a === undefined || b === undefined ? -1 : a * m + b;
  };
  for (const e of result.paths) {
    specs.push({ group: 'paths', name: `${e.from} -> ${e.to}`, from: e.from, to: e.to });
    pos.push(pair(e.from, e.to));
  }
  for (const e of result.totalEffects) {
    specs.push({ group: 'totalEffects', name: `${e.from} -> ${e.to}`, from: e.from, to: e.to });
    pos.push(pair(e.from, e.to));
  }
  for (const construct of Object.keys(result.rSquared)) {
    specs.push({ group: 'rSquared', name: construct, construct });
    pos.push(cIndex.get(construct) ?? -1);
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
  const positions = Int32Array.from(pos);
  return { specs, positions, direct: positions.every((x) => x >= 0) };
}

/**
 * Read the layout's statistics from a named estimation result into `out` (length = number of specs); the result
 * must be of the same model as the one the layout was made from. HTMT comes from `result.fit`'s item correlations.
 *
 * @example
 * const v = new Float64Array(layout.specs.length);
 * readNamedStatistics(result, layout, v);
 */
export function readNamedStatistics(result: PlsResult, layout: StatisticLayout, out: Float64Array): void {
  const { specs } = layout;
  let ht: number[] | null = null;
  let pathAt = 0;
  let totalAt = 0;
  for (let k = 0; k < specs.length; k++) {
    const sp = specs[k];
    switch (sp.group) {
      case 'outerWeights':
        out[k] = result.outerWeights[sp.to!]?.[sp.from!] ?? NaN;
        break;
      case 'loadings':
        out[k] = result.loadings[sp.to!]?.[sp.from!] ?? NaN;
        break;
      case 'paths': {
        const e = result.paths[pathAt++];
        out[k] = e && e.from === sp.from && e.to === sp.to ? e.estimate : (result.paths.find((x) => x.from === sp.from && x.to === sp.to)?.estimate ?? NaN);
        break;
      }
      case 'totalEffects': {
        const e = result.totalEffects[totalAt++];
        out[k] = e && e.from === sp.from && e.to === sp.to ? e.estimate : (result.totalEffects.find((x) => x.from === sp.from && x.to === sp.to)?.estimate ?? NaN);
        break;
      }
      case 'rSquared':
        out[k] = result.rSquared[sp.construct!]?.r2 ?? NaN;
        break;
      case 'htmt':
        ht ??= htmt(result.fit).map((e) => e.value);
        out[k] = ht[layout.positions[k]];
        break;
      default:
        break;
    }
  }
}

/**
 * Read the layout's statistics from a fit by position into `out` (length = number of specs; the layout must be
 * `direct`). The fit must have the same items, constructs and paths as the one the layout was made from (every
 * resample of one model does); values are the fit's own (not PLSc-corrected).
 *
 * @example
 * const layout = statisticLayout(result);
 * const v = new Float64Array(layout.specs.length);
 * readStatistics(result.fit, layout, v);
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
