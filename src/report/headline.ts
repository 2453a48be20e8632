import type { ReportContext } from './context.js';
import { kpiValue } from './sections/kpis.js';

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
