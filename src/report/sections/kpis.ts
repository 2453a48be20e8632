import type { KpiResult } from '../../study/index.js';
import type { Block } from '../blocks.js';
import type { ReportContext } from '../context.js';
import type { NumberFormat } from '../format.js';
import { stackedBarsSvg } from '../svg/stackedBars.js';
import type { Section } from './section.js';

/**
 * A KPI figure in its unit: NPS in points, CSAT and FCR as percentages, effort and time as numbers.
 *
 * @example
 * kpiValue(fcrKpi, 0.782, numberFormat('en')) // '78.2%'
 */
export function kpiValue(k: KpiResult, x: number | null | undefined, f: NumberFormat): string {
  if (k.kind === 'csat' || k.kind === 'fcr' || k.kind === 'time') return f.pct(x, 1);
  return f.num(x, 1);
}

/**
 * How a wave or scorecard measure reads when it is a KPI (`kpi:KEY`): its name, a value (shares as %, NPS in points)
 * and a signed change (shares as signed percentages, i.e. percentage points); null for an index measure.
 *
 * @example
 * kpiMeasureFormat('kpi:fcr', ctx)?.change(0.032) // '+3.2%'
 */
export function kpiMeasureFormat(measure: string, ctx: ReportContext): { label: string; value: (x: number | null | undefined) => string; change: (x: number | null | undefined) => string } | null {
  if (!measure.startsWith('kpi:')) return null;
  const key = measure.slice(4);
  const { study, f } = ctx;
  const w = study.waves;
  const k = study.kpis?.[key] ?? w?.order.map((l) => w.levels[l]?.kpis?.[key]).find((x) => x !== undefined);
  if (!k) return null;
  const share = k.kind === 'csat' || k.kind === 'fcr' || k.kind === 'time';
  return {
    label: kpiName(key, k, ctx),
    value: (x) => kpiValue(k, x, f),
    change: (x) => (share ? (x === null || x === undefined || !Number.isFinite(x) ? f.num(x) : `${x < 0 ? '−' : '+'}${f.pct(Math.abs(x), 1)}`) : f.signed(x, 1)),
  };
}

/**
 * The name of a KPI in the report's language (its key in brackets when it is not just the kind).
 *
 * @example
 * kpiName('nps', npsKpi, reportContext(study, { lang: 'zh' })) // '净推荐值（NPS）'
 */
export function kpiName(key: string, k: KpiResult, ctx: ReportContext): string {
  const { t } = ctx;
  const kinds = { nps: t.kpiNps, csat: t.kpiCsat, fcr: t.kpiFcr, ces: t.kpiCes, time: t.kpiTime };
  return key === k.kind ? kinds[k.kind] : `${kinds[k.kind]} (${key})`;
}

/**
 * A table of KPIs by segment level or wave (rows KPIs, columns levels: estimate and interval), or null when no
 * level has KPIs.
 *
 * @example
 * kpiByLevelTable([{ name: '3G', kpis: { nps } }, { name: '4G', kpis: { nps } }], ctx)
 */
export function kpiByLevelTable(levels: { name: string; kpis?: Record<string, KpiResult> }[], ctx: ReportContext): Block | null {
  const keys: string[] = [];
  for (const l of levels) for (const k of Object.keys(l.kpis ?? {})) if (!keys.includes(k)) keys.push(k);
  if (keys.length === 0) return null;
  const { f, t } = ctx;
  return {
    type: 'table',
    head: [t.colKpi, ...levels.map((l) => l.name)],
    rows: keys.map((key) => {
      const first = levels.map((l) => l.kpis?.[key]).find((k) => k !== undefined)!;
      return [
        kpiName(key, first, ctx),
        ...levels.map((l) => {
          const k = l.kpis?.[key];
          if (!k || k.estimate === null) return '–';
          return k.lower === null ? kpiValue(k, k.estimate, f) : `${kpiValue(k, k.estimate, f)} [${kpiValue(k, k.lower, f)}, ${kpiValue(k, k.upper, f)}]`;
        }),
      ];
    }),
    numeric: [false, ...levels.map(() => true)],
  };
}

/** KPIs (NPS, CSAT, FCR, effort, time) with intervals, and the satisfaction distribution (stacked bars + table). */
export const kpisSection: Section = {
  id: 'kpis',
  title: (t) => t.sectionKpis,
  blocks: (ctx) => {
    const { study, t, f, name, column } = ctx;
    const blocks: Block[] = [];
    const kpis = Object.entries(study.kpis ?? {});
    if (kpis.length) {
      blocks.push({
        type: 'table',
        head: [t.colKpi, t.colColumn, t.colEstimate, t.colInterval, t.colDetail, t.colN, t.colMethod],
        rows: kpis.map(([key, k]) => {
          const detail =
            k.kind === 'nps' && k.promoters !== undefined
              ? `${t.promoters} ${f.pct(k.promoters, 0)} · ${t.passives} ${f.pct(k.passives, 0)} · ${t.detractors} ${f.pct(k.detractors, 0)}`
              : k.median !== undefined && k.median !== null
                ? `${t.median} ${f.num(k.median, 1)}${k.share !== undefined && k.share !== null ? ` · ${t.withinThreshold} ${f.pct(k.share, 0)}` : ''}`
                : '';
          return [kpiName(key, k, ctx), column(k.column) === k.column ? name(k.column) : column(k.column), kpiValue(k, k.estimate, f), k.lower === null ? '–' : `[${kpiValue(k, k.lower, f)}, ${kpiValue(k, k.upper, f)}]`, detail, f.int(k.n), k.method];
        }),
        numeric: [false, false, true, true, false, true, false],
      });
    }
    const dist = Object.entries(study.distribution ?? {}).filter(([, d]) => d.categories.length > 0);
    if (dist.length) {
      blocks.push({ type: 'h3', text: t.distributionTitle });
      // Rows with the same categories share one chart and one table.
      const groups = new Map<string, typeof dist>();
      for (const e of dist) groups.set(JSON.stringify(e[1].categories), [...(groups.get(JSON.stringify(e[1].categories)) ?? []), e]);
      for (const rows of groups.values()) {
        const names: Record<string, string> = { 'very satisfied': t.catVerySatisfied, satisfied: t.catSatisfied, neutral: t.catNeutral, 'needs improvement': t.catNeedsImprovement };
        const cats = rows[0][1].categories.map((c) => names[c] ?? c);
        // the table lists categories best first; the chart's colour ramp runs from the lowest (red) to the highest (green)
        const low = [...cats].reverse();
        blocks.push({ type: 'chart', svg: stackedBarsSvg(rows.map(([m, d]) => ({ label: name(m), shares: [...d.shares].reverse() })), low, t.distributionTitle, (s) => f.pct(s, 0)) });
        blocks.push({
          type: 'table',
          head: [t.colMeasure, ...cats, t.colN],
          rows: rows.map(([m, d]) => [name(m), ...d.shares.map((s) => f.pct(s, 1)), f.int(d.n)]),
          numeric: [false, ...cats.map(() => true), true],
        });
      }
    }
    return blocks;
  },
};
