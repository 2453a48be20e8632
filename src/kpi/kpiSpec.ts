import type { KpiKind } from './kpiTypes.js';

/** One KPI to compute: what `--kpi kind:COL[:…]` and the codebook's `kpis` declare. */
export interface KpiSpec {
  kind: KpiKind;
  column: string;
  /** csat: inclusive top box [low, high] (default the top two categories of the item's scale). */
  box?: [number, number];
  /** time: the service-level threshold (answers ≤ it count as within). */
  threshold?: number;
}

/**
 * The result keys of a KPI list: the kind (`nps`, `csat` …), or `kind:column` for every spec of a kind asked more
 * than once (a column asked twice for the same kind gets `kind:column:2`, …).
 *
 * @example
 * kpiKeys([{ kind: 'csat', column: 'SAT1' }, { kind: 'csat', column: 'SAT2' }, { kind: 'nps', column: 'NPS' }])
 * // ['csat:SAT1', 'csat:SAT2', 'nps']
 */
export function kpiKeys(specs: readonly KpiSpec[]): string[] {
  const count = new Map<string, number>();
  for (const s of specs) count.set(s.kind, (count.get(s.kind) ?? 0) + 1);
  const used = new Set<string>();
  return specs.map((s) => {
    let key = (count.get(s.kind) ?? 0) > 1 ? `${s.kind}:${s.column}` : s.kind;
    for (let k = 2; used.has(key); k++) key = `${s.kind}:${s.column}:${k}`;
    used.add(key);
    return key;
  });
}
