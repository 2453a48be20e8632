import { formatSegmentBreakdown } from '../segments/index.js';
import { formatScorecard, formatWaves } from '../tracking/index.js';
import { formatDistribution, formatGaps, formatKpiChanges, formatKpis, formatLevelKpis } from './formatKpiSection.js';
import type { Study } from './types.js';

/**
 * The readable text of a Study's analyses (indices with their 95 % intervals, impacts, the IPMA priority list, the
 * hierarchy tree); the estimation part is `formatPlsResult`'s. Reads only the Study: no formula here.
 *
 * @example
 * console.log(formatStudy(analyze(survey, { model, scale: [1, 10], ipma: ['Satisfaction'] })))
 */
export function formatStudy(study: Study): string {
  const out: string[] = [];
  const f = (v: number | null | undefined, d = 1): string => (v === null || v === undefined || !Number.isFinite(v) ? 'NA' : v.toFixed(d));
  if (study.indices && Object.keys(study.indices).length > 0) {
    const w = Math.max(9, ...Object.keys(study.indices).map((c) => c.length));
    out.push(`Indices (0-100, weights ${study.indexWeightSource ?? 'pls'}; mean [95% CI], SE, n)`);
    for (const [c, e] of Object.entries(study.indices)) {
      const nEff = e.nEff !== undefined && e.nEff !== e.n ? `, n_eff ${f(e.nEff, 1)}` : '';
      out.push(`  ${c.padEnd(w)}  ${f(e.mean).padStart(5)} [${f(e.lower)}, ${f(e.upper)}]  SE ${f(e.se, 2)}  n ${e.n}${nEff}`);
    }
  }
  for (const [t, m] of Object.entries(study.ipma ?? {})) {
    out.push('', `IPMA for ${t} (importance = index points of ${t} per point of the driver; thresholds ${f(m.thresholds.importance, 3)} / ${f(m.thresholds.performance)})`);
    const w = Math.max(9, ...m.priorities.map((c) => c.length));
    m.priorities.forEach((c, i) => {
      const q = m.quadrants[c];
      const zh = q && m.quadrantNames ? ` ${m.quadrantNames[q]}` : '';
      out.push(`  ${String(i + 1).padStart(2)}. ${c.padEnd(w)}  importance ${f(m.constructs[c].importance, 3)}  performance ${f(m.constructs[c].performance)}  ${q ?? ''}${zh}`);
    });
    const imp = study.impacts?.[t];
    if (imp) out.push(`  Impacts on ${t} (${study.impactStep ?? 5}-point gain): ${Object.entries(imp).filter(([, v]) => v !== 0).map(([c, v]) => `${c} ${f(v, 2)}`).join(', ')}`);
  }
  if (study.hierarchy) {
    out.push('', 'Hierarchy (weight within parent, index [95% CI])');
    const walk = (n: NonNullable<Study['hierarchy']>, depth: number): void => {
      const label = n.label?.zh ?? n.label?.en;
      const ahp = n.ahp ? `  AHP CR ${n.ahp.cr.toFixed(3)}` : '';
      out.push(`${'  '.repeat(depth + 1)}${n.name}${label ? ` (${label})` : ''}  w ${f(n.weight, 3)} ${n.weightSource}  ${f(n.index.mean)} [${f(n.index.lower)}, ${f(n.index.upper)}]${ahp}`);
      for (const c of n.children) walk(c, depth + 1);
    };
    walk(study.hierarchy, 0);
  }
  if (study.kpis && Object.keys(study.kpis).length > 0) out.push('', formatKpis(study.kpis, 'KPIs (shares in %, NPS in points; 95% CI)'));
  if (study.gaps && study.gaps.length > 0) out.push('', formatGaps(study.gaps, 'Gaps (perceived − expected on the 0-100 indices; paired t)'));
  if (study.gapItems && study.gapItems.length > 0) out.push('', formatGaps(study.gapItems, 'Item gaps (perception − expectation, 0-100; paired t)'));
  if (study.distribution && Object.keys(study.distribution).length > 0) out.push('', formatDistribution(study.distribution));
  for (const [col, b] of Object.entries(study.segments ?? {})) {
    out.push('', formatSegmentBreakdown(col, b));
    if (b.order.some((l) => b.levels[l]?.kpis || b.levels[l]?.gaps)) out.push(formatLevelKpis(`  KPIs and gaps by ${col}`, b.order, b.levels));
  }
  if (study.waves) {
    const w = study.waves;
    out.push('', formatWaves(w));
    if (w.order.some((l) => w.levels[l]?.kpis || w.levels[l]?.gaps)) out.push(formatLevelKpis(`  KPIs and gaps by ${w.column}`, w.order, w.levels));
    if (w.changes.some((c) => c.measure.startsWith('kpi:'))) out.push(formatKpiChanges(w));
  }
  if (study.scorecard && study.scorecard.length > 0) out.push('', formatScorecard(study.scorecard));
  return out.join('\n');
}
