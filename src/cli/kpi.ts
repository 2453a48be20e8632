import type { Survey } from '../data/index.js';
import { CsiError } from '../errors.js';
import type { KpiSpec } from '../kpi/index.js';
import { kpiSection, kpiSectionBySegment, kpiSectionByWave } from '../study/index.js';
import type { DistributionRow, GapResult, KpiResult, SegmentBreakdown, WaveResult } from '../study/index.js';
import { KPI_FORMS, parseKpiFlags } from './kpi-flags.js';
import { readCodebookFile } from './readCodebookFile.js';
import { readDataFromFlags } from './readData.js';
import { parseFlags } from './flags.js';
import type { CliCommand, CliIO } from './types.js';

const usage = `Usage: csi kpi DATA.csv|.xlsx|.sav|- [--codebook FILE] [--sheet S] --kpi SPEC [--kpi SPEC ...] [--distribution] [--json] [--lang en|zh]
                 [--segment COLUMN ...] [--wave COLUMN]

Service KPIs without a model. SPEC is one of ${KPI_FORMS}:
  nps:COL            Net Promoter Score of a 0-10 item, points on [-100, 100] (Tango interval; weighted: Wald)
  csat:COL[:LOW-HIGH] top-box share (default the top two categories of the item's scale), Wilson interval
  fcr:COL            first-contact resolution, share of yes (yes/no or 1/0 column), Wilson interval
  ces:COL            customer effort score, mean with a t interval
  time:COL:THRESHOLD response time: median and the share of answers <= THRESHOLD (Wilson interval)
KPIs may also be declared in the codebook ("kpis": [{"kind": "nps", "column": "NPS"}]). With sampling weights (the
codebook's "weight") shares are weighted and intervals design-based. --distribution adds the satisfaction
distribution table of every item (very satisfied / satisfied / neutral / needs improvement; cuts per scale in README).
Item expectation pairs declared in the codebook ("expectationOf") add perception - expectation gaps (gapItems).
--segment COLUMN (repeatable) adds the KPIs (and item gaps) per level under segments.COLUMN.levels; --wave COLUMN adds
them per wave under waves.levels, with each wave's change from the previous one in waves.changes (Newcombe for shares,
adjusted Wald for the NPS, Welch for CES).`;

interface KpiJson {
  n: number;
  kpis: Record<string, KpiResult>;
  gapItems?: GapResult[];
  distribution?: Record<string, DistributionRow>;
  segments?: Record<string, SegmentBreakdown>;
  waves?: WaveResult;
}

const WORDS = {
  en: { n: 'respondents', kpi: 'KPI', est: 'estimate', ci: '95% CI', base: 'n', dist: 'Satisfaction distribution', gaps: 'Perception - expectation gaps (0-100)', below: 'share P < E', cuts: 'cuts' },
  zh: { n: '受访者', kpi: '指标', est: '估计值', ci: '95% 置信区间', base: '样本量', dist: '满意度分布', gaps: '感知 - 期望差距（百分制）', below: '感知低于期望比例', cuts: '分界点' },
};
const CATEGORY_ZH: Record<string, string> = { 'very satisfied': '很满意', satisfied: '满意', neutral: '一般', 'needs improvement': '待改进' };

const fmt = (x: number | null | undefined, d = 3) => (x === null || x === undefined ? 'NA' : x.toFixed(d));

/** Plain-text rendering of the `csi kpi` result. */
function formatKpiJson(json: KpiJson, lang: 'en' | 'zh'): string {
  const w = WORDS[lang];
  const lines = [`${w.n}: ${json.n}`, ''];
  for (const [key, k] of Object.entries(json.kpis)) {
    const pct = k.kind === 'csat' || k.kind === 'fcr' || k.kind === 'time';
    const show = (x: number | null | undefined) => (pct && x !== null && x !== undefined ? `${(100 * x).toFixed(1)}%` : fmt(x, k.kind === 'nps' ? 1 : 3));
    let extra = '';
    if (k.kind === 'nps') extra = `  P ${fmt(k.promoters)} / Pa ${fmt(k.passives)} / D ${fmt(k.detractors)}`;
    if (k.kind === 'time') extra = `  median ${fmt(k.median, 1)}, <= ${k.threshold}`;
    if (k.kind === 'csat' && k.box) extra = `  box ${k.box[0]}-${k.box[1]}`;
    lines.push(`${key.padEnd(14)} ${show(k.estimate)}  [${show(k.lower)}, ${show(k.upper)}]  ${w.base} ${k.n}${k.nEff !== k.n ? ` (n_eff ${k.nEff.toFixed(1)})` : ''}  ${k.method}${extra}`);
  }
  if (json.gapItems?.length) {
    lines.push('', w.gaps);
    for (const g of json.gapItems) lines.push(`${`${g.perceived} - ${g.expected}`.padEnd(22)} ${fmt(g.mean, 2)}  [${fmt(g.lower, 2)}, ${fmt(g.upper, 2)}]  p ${fmt(g.p, 4)}  P/E ${fmt(g.ratio)}  ${w.below} ${fmt(g.shareBelow)}`);
  }
  if (json.distribution) {
    const first = Object.values(json.distribution)[0];
    const cats = (first?.categories ?? []).map((c) => (lang === 'zh' ? (CATEGORY_ZH[c] ?? c) : c));
    lines.push('', `${w.dist}: ${cats.join(' / ')}`);
    for (const [name, d] of Object.entries(json.distribution)) {
      lines.push(`${name.padEnd(14)} ${d.shares.map((s) => (s === null ? 'NA' : `${(100 * s).toFixed(1)}%`).padStart(7)).join(' ')}  ${w.base} ${d.n}  ${w.cuts} ${d.cuts.join('/')}`);
    }
  }
  for (const [column, seg] of Object.entries(json.segments ?? {})) {
    lines.push('', `${column}:`);
    for (const l of seg.order) {
      const lv = seg.levels[l];
      lines.push(`  ${l.padEnd(12)} ${w.base} ${lv.n}  ${Object.entries(lv.kpis ?? {}).map(([k, v]) => `${k} ${fmt(v.estimate, v.kind === 'nps' ? 1 : 3)}`).join('  ')}`);
    }
  }
  if (json.waves) {
    lines.push('', `${json.waves.column}:`);
    for (const c of json.waves.changes) lines.push(`  ${c.measure.padEnd(12)} ${c.from} -> ${c.to}  ${fmt(c.diff, 3)}  [${fmt(c.lower, 3)}, ${fmt(c.upper, 3)}]  p ${fmt(c.p, 4)}`);
  }
  return lines.join('\n');
}

/**
 * The `csi kpi` result for a survey: KPIs of the specs, the codebook's item gaps, the distribution table when asked,
 * and per segment level / wave (library: `kpiSection`, `kpiSectionBySegment`, `kpiSectionByWave`).
 *
 * @example
 * kpiJson(survey, [{ kind: 'nps', column: 'NPS' }], false) // { n: 4484, kpis: { nps: {...} } }
 */
export function kpiJson(survey: Survey, specs: readonly KpiSpec[], distribution: boolean, by: { segments?: readonly string[]; wave?: string } = {}): KpiJson {
  const spec = { kpis: specs, distribution };
  const { kpis = {}, ...rest } = kpiSection(survey, spec);
  const out: KpiJson = { n: survey.n, kpis, ...rest };
  for (const column of by.segments ?? []) {
    const levels = kpiSectionBySegment(survey, spec, {}, column);
    const order = Object.keys(levels);
    const full: SegmentBreakdown['levels'] = {};
    for (const l of order) full[l] = { ...levels[l], indices: {} };
    (out.segments ??= {})[column] = { order, levels: full, pairwise: [], adjust: 'none' };
  }
  if (by.wave !== undefined) {
    const w = kpiSectionByWave(survey, spec, by.wave);
    const levels: WaveResult['levels'] = {};
    for (const l of w.order) levels[l] = { ...w.levels[l], indices: {} };
    out.waves = { ...w, levels, trend: {} };
  }
  return out;
}

/** `csi kpi`: NPS, CSAT, FCR, CES, response time and the satisfaction distribution table, without a model. */
export const kpiCommand: CliCommand = {
  summary: 'service KPIs (NPS, CSAT, FCR, CES, response time) and the satisfaction distribution, no model',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseFlags(
      args,
      {
        codebook: { type: 'string' },
        sheet: { type: 'string' },
        kpi: { type: 'string', multiple: true },
        distribution: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'en' },
        segment: { type: 'string', multiple: true },
        wave: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      'kpi',
    );
    if (values.help) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new CsiError('INVALID_OPTION', 'csi kpi needs exactly one data file (see csi kpi --help).');
    if (values.lang !== 'en' && values.lang !== 'zh') throw new CsiError('INVALID_OPTION', `--lang must be en or zh (got ${values.lang}).`);
    const flagSpecs = parseKpiFlags(values.kpi);
    const codebook = values.codebook !== undefined ? await readCodebookFile(values.codebook) : undefined;
    const survey = await readDataFromFlags(positionals[0], values, codebook, io);
    const specs: KpiSpec[] = flagSpecs.length > 0 ? flagSpecs : [...(survey.codebook.kpis ?? [])];
    if (specs.length === 0 && !values.distribution) {
      throw new CsiError('INVALID_OPTION', `csi kpi needs --kpi SPEC (${KPI_FORMS}), KPIs declared in the codebook, or --distribution.`);
    }
    const json = kpiJson(survey, specs, values.distribution, { segments: values.segment ?? [], ...(values.wave !== undefined ? { wave: values.wave } : {}) });
    io.stdout(values.json ? `${JSON.stringify(json, null, 2)}\n` : `${formatKpiJson(json, values.lang)}\n`);
    return 0;
  },
};
