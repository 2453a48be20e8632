import { isSignificant } from '../study/index.js';
import type { ReportContext } from './context.js';
import { kpiMeasureFormat, kpiValue } from './sections/kpis.js';

/** One key figure for the top of the report. */
export interface KeyFigure {
  label: string;
  value: string;
  detail?: string;
}

/**
 * The report's key figures: respondents, the overall index of the hierarchy (level 1) when rolled up, the target's
 * index (the model's target, else Satisfaction) with its interval, and each KPI. Read from the Study, never computed.
 *
 * @example
 * keyFigures(reportContext(study, { lang: 'en' }))[0] // { label: 'Respondents', value: '4,484' }
 */
export function keyFigures(ctx: ReportContext): KeyFigure[] {
  const { study, t, f, name } = ctx;
  const out: KeyFigure[] = [{ label: t.respondents, value: f.int(study.n) }];
  const h = study.hierarchy;
  if (h && h.index.mean !== null) {
    out.push({ label: t.overallIndex, value: f.num(h.index.mean, 1), ...(h.index.lower !== null ? { detail: `${t.colInterval} ${f.num(h.index.lower, 1)}-${f.num(h.index.upper, 1)}` } : {}) });
  }
  const target = ctx.model?.target ?? study.hierarchy?.name ?? 'Satisfaction';
  const ix = study.indices?.[target];
  if (ix && ix.mean !== null) {
    out.push({ label: ctx.fill(t.indexOf, { name: name(target) }), value: f.num(ix.mean, 1), ...(ix.lower !== null ? { detail: `${t.colInterval} ${f.num(ix.lower, 1)}-${f.num(ix.upper, 1)}` } : {}) });
  }
  const kinds = { nps: t.kpiNps, csat: t.kpiCsat, fcr: t.kpiFcr, ces: t.kpiCes, time: t.kpiTime };
  for (const k of Object.values(study.kpis ?? {})) {
    if (k.estimate === null) continue;
    out.push({ label: kinds[k.kind], value: kpiValue(k, k.estimate, f), ...(k.lower !== null ? { detail: `${t.colInterval} ${kpiValue(k, k.lower, f)}-${kpiValue(k, k.upper, f)}` } : {}) });
  }
  return out;
}

/**
 * The report's key findings, read off the Study (nothing is computed): the first IPMA priority of each target, the
 * scorecard's statuses, the wave changes significant at 5 %, the number of warnings.
 *
 * @example
 * keyFindings(reportContext(study, { lang: 'en' }))
 * // ['Improve first for Customer satisfaction: Perceived quality (Fix first)', 'Targets: 1 met, 1 not met, 1 not yet distinguishable', …]
 */
export function keyFindings(ctx: ReportContext): string[] {
  const { study, t, f, name, fill } = ctx;
  const out: string[] = [];
  const quadrant = { strength: t.quadrantStrength, fix: t.quadrantFix, opportunity: t.quadrantOpportunity, maintain: t.quadrantMaintain };
  for (const [target, m] of Object.entries(study.ipma ?? {})) {
    const first = m.priorities[0];
    if (first === undefined) continue;
    const q = m.quadrants[first];
    out.push(fill(t.findingPriority, { target: name(target), construct: name(first), quadrant: q ? quadrant[q] : '–' }));
  }
  const sc = study.scorecard ?? [];
  if (sc.length) {
    const count = (s: string) => sc.filter((r) => r.status === s).length;
    out.push(fill(t.findingScorecard, { met: count('met'), notMet: count('not met'), undecided: count('not yet distinguishable') }));
  }
  const w = study.waves;
  for (const c of w?.changes ?? []) {
    if (!isSignificant(c.p)) continue;
    const kf = kpiMeasureFormat(c.measure, ctx);
    out.push(fill(t.findingChange, { measure: kf?.label ?? name(c.measure), change: kf ? kf.change(c.diff) : f.signed(c.diff, 1), from: ctx.level(w!.column, c.from), to: ctx.level(w!.column, c.to) }));
  }
  if (study.warnings.length) out.push(fill(t.findingWarnings, { n: study.warnings.length }));
  return out;
}
