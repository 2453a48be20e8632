import type { KpiResult } from '../../study/types.js';
import type { Block } from '../blocks.js';
import type { NumberFormat } from '../format.js';
import { stackedBarsSvg } from '../svg/stackedBars.js';
import type { Section } from './section.js';

/** A KPI figure in its unit: NPS in points, CSAT and FCR as percentages, effort and time as numbers. */
export function kpiValue(k: KpiResult, x: number | null | undefined, f: NumberFormat): string {
  if (k.kind === 'csat' || k.kind === 'fcr') return f.pct(x, 1);
  return f.num(x, 1);
}

/** KPIs (NPS, CSAT, FCR, effort, time) with intervals, and the satisfaction distribution (stacked bars + table). */
export const kpisSection: Section = {
  id: 'kpis',
  title: (t) => t.sectionKpis,
  blocks: ({ study, t, f, name, column }) => {
    const blocks: Block[] = [];
    const kinds = { nps: t.kpiNps, csat: t.kpiCsat, fcr: t.kpiFcr, ces: t.kpiCes, time: t.kpiTime };
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
          const label = key === k.kind ? kinds[k.kind] : `${kinds[k.kind]} (${key})`;
          return [label, column(k.column) === k.column ? name(k.column) : column(k.column), kpiValue(k, k.estimate, f), k.lower === null ? '–' : `[${kpiValue(k, k.lower, f)}, ${kpiValue(k, k.upper, f)}]`, detail, f.int(k.n), k.method];
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
        const cats = rows[0][1].categories;
        blocks.push({ type: 'chart', svg: stackedBarsSvg(rows.map(([m, d]) => ({ label: name(m), shares: d.shares })), cats, t.distributionTitle, (s) => f.pct(s, 0)) });
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
