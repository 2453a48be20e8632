import { alignColumns } from '../data/index.js';
import type { DistributionRow, GapResult, KpiResult, WaveResult } from './types.js';

const f = (v: number | null | undefined, d = 1): string => (v === null || v === undefined || !Number.isFinite(v) ? 'NA' : v.toFixed(d));
const pf = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? 'NA' : v < 0.001 ? '<0.001' : v.toFixed(3));
const isShare = (k: KpiResult['kind']): boolean => k === 'csat' || k === 'fcr' || k === 'time';
/** A KPI figure in its readable unit: shares as %, NPS in points, CES on its scale. */
const kv = (k: KpiResult['kind'], v: number | null | undefined): string => (isShare(k) ? (v === null || v === undefined ? 'NA' : `${f(100 * v)}%`) : f(v, k === 'ces' ? 2 : 1));
const indent = (lines: string[], by = '  '): string[] => lines.map((l) => by + l);

/**
 * The gap table: P − E with its 95 % interval, t, p, the ratio P/E and the share of respondents with P below E.
 *
 * @example
 * formatGaps(study.gaps, 'Gaps (perceived − expected, 0-100)')
 */
export function formatGaps(gaps: readonly GapResult[], title: string): string {
  const rows = [['gap', 'P−E', '95% CI', 't', 'p', 'P/E', 'share P<E', 'n']];
  for (const g of gaps) rows.push([`${g.perceived} − ${g.expected}`, f(g.mean, 2), `[${f(g.lower, 2)}, ${f(g.upper, 2)}]`, f(g.t, 2), pf(g.p), f(g.ratio, 3), g.shareBelow === null ? 'NA' : `${f(100 * g.shareBelow)}%`, String(g.n)]);
  return [title, ...indent(alignColumns(rows, 1))].join('\n');
}

/**
 * The KPI table: each KPI's estimate and 95 % interval (shares as %, NPS in points), the interval method, n and
 * Kish's effective n (and the median for response time).
 *
 * @example
 * formatKpis(study.kpis, 'KPIs (95% CI)')
 */
export function formatKpis(kpis: Record<string, KpiResult>, title: string): string {
  const rows = [['KPI', 'column', 'estimate', '95% CI', 'method', 'n', 'nEff']];
  for (const [key, k] of Object.entries(kpis)) {
    const extra = k.kind === 'time' ? ` (≤ ${k.threshold}; median ${f(k.median)})` : k.kind === 'csat' && k.box ? ` (box ${k.box[0]}-${k.box[1]})` : '';
    rows.push([key, k.column + extra, kv(k.kind, k.estimate), `[${kv(k.kind, k.lower)}, ${kv(k.kind, k.upper)}]`, k.method, String(k.n), f(k.nEff)]);
  }
  return [title, ...indent(alignColumns(rows, 2, 3))].join('\n');
}

/**
 * The distribution table: each item's (and construct's) shares per satisfaction category.
 *
 * @example
 * formatDistribution(study.distribution)
 */
export function formatDistribution(dist: Record<string, DistributionRow>): string {
  const out = ['Satisfaction distribution (share of respondents per category)'];
  const groups = new Map<string, [string, DistributionRow][]>();
  for (const [name, r] of Object.entries(dist)) {
    const key = r.categories.join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), [name, r]]);
  }
  for (const entries of groups.values()) {
    const rows = [['', ...entries[0][1].categories, 'n']];
    for (const [name, r] of entries) rows.push([name, ...r.shares.map((s) => (s === null ? 'NA' : `${f(100 * s)}%`)), String(r.n)]);
    out.push(...indent(alignColumns(rows, 1)));
  }
  return out.join('\n');
}

/**
 * KPIs and gaps per level of a segment column or per wave: one KPI table per level (estimate, interval, method, n).
 *
 * @example
 * formatLevelKpis('KPIs by line', seg.order, seg.levels)
 */
export function formatLevelKpis(title: string, order: readonly string[], levels: Record<string, { kpis?: Record<string, KpiResult>; gaps?: GapResult[] }>): string {
  const keys = [...new Set(order.flatMap((l) => Object.keys(levels[l]?.kpis ?? {})))];
  const out = [title];
  if (keys.length > 0) {
    const rows = [['level', 'KPI', 'estimate', '95% CI', 'method', 'n', 'nEff']];
    for (const key of keys) {
      for (const l of order) {
        const k = levels[l]?.kpis?.[key];
        if (k) rows.push([l, key, kv(k.kind, k.estimate), `[${kv(k.kind, k.lower)}, ${kv(k.kind, k.upper)}]`, k.method, String(k.n), f(k.nEff)]);
      }
    }
    out.push(...indent(alignColumns(rows, 2, 3), '    '));
  }
  const gapRows = [['level', 'gap', 'P−E', '95% CI', 'p', 'share P<E', 'n']];
  for (const l of order) {
    for (const g of levels[l]?.gaps ?? []) gapRows.push([l, `${g.perceived} − ${g.expected}`, f(g.mean, 2), `[${f(g.lower, 2)}, ${f(g.upper, 2)}]`, pf(g.p), g.shareBelow === null ? 'NA' : `${f(100 * g.shareBelow)}%`, String(g.n)]);
  }
  if (gapRows.length > 1) out.push(...indent(alignColumns(gapRows, 2), '    '));
  return out.join('\n');
}

/**
 * The KPI changes between waves (later − earlier; Newcombe for shares, adjusted Wald for NPS, Welch for CES) and,
 * over three or more waves, each KPI's WLS trend; shares in percentage points.
 *
 * @example
 * formatKpiChanges(study.waves)
 */
export function formatKpiChanges(w: WaveResult): string {
  const kindOf = (m: string): KpiResult['kind'] | undefined => w.order.map((l) => w.levels[l]?.kpis?.[m.slice(4)]?.kind).find((k) => k !== undefined);
  const pts = (m: string, v: number | null | undefined, d = 2): string => (isShare(kindOf(m) ?? 'nps') ? f(v === null || v === undefined ? v : 100 * v, d) : f(v, d));
  const rows = [['measure', 'change', 'diff', '95% CI', 'SE', 'p']];
  for (const c of w.changes.filter((c) => c.measure.startsWith('kpi:'))) rows.push([c.measure, `${c.from} → ${c.to}`, pts(c.measure, c.diff), `[${pts(c.measure, c.lower)}, ${pts(c.measure, c.upper)}]`, pts(c.measure, c.se), pf(c.p)]);
  const out = [`KPI changes by ${w.column} (later − earlier; shares in percentage points)`, ...indent(alignColumns(rows, 2))];
  for (const [m, t] of Object.entries(w.trend).filter(([m]) => m.startsWith('kpi:'))) out.push(`  trend ${m}: ${pts(m, t.slope, 3)} per wave  SE ${pts(m, t.se, 3)}  p ${pf(t.p)}`);
  return out.join('\n');
}
