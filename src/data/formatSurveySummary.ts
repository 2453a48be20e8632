import type { Label } from './codebook.js';
import type { SurveySummary } from './summarizeSurvey.js';
import { alignColumns } from './textWidth.js';

/** Options of {@link formatSurveySummary}. */
export interface FormatSurveySummaryOptions {
  /** Language of the headings and labels. Default `'en'`. */
  lang?: 'en' | 'zh';
}

const TEXT = {
  en: {
    survey: (n: number, read: number) => `Survey: ${n} respondents (${read} data rows read)`,
    source: (enc: string, delim: string) => `Source: encoding ${enc}, delimiter ${delim}`,
    inferred: 'Codebook: inferred from the data (a draft: scales marked ? are guesses; check them and pass a codebook)',
    given: 'Codebook: given',
    id: 'Respondent id',
    weight: (c: string, sum: string, min: string, max: string) => `Weights: column ${c}, sum ${sum}, range ${min}-${max}`,
    items: (p: number) => `Items (${p})`,
    head: ['item', 'scale', 'mean', 'sd', 'min', 'max', 'missing'],
    reverse: 'reversed',
    segments: 'Segments',
    missing: 'missing',
    numeric: 'Other numeric columns',
    log: 'What loading did',
    empty: 'empty cells',
    decimalCommas: 'decimal commas read as decimals',
    emptyColumns: 'columns without answers (left out)',
    codes: 'missing codes',
    reversedItems: 'reversed items',
    ignored: 'ignored columns',
    excluded: 'excluded rows',
    nothing: 'nothing was coerced',
    flags: 'Data-quality flags',
    none: 'none',
  },
  zh: {
    survey: (n: number, read: number) => `问卷：${n} 位受访者（读取 ${read} 行数据）`,
    source: (enc: string, delim: string) => `来源：编码 ${enc}，分隔符 ${delim}`,
    inferred: '编码簿：由数据推断（草稿：标 ? 的量表为推测，请检查并提供编码簿）',
    given: '编码簿：已提供',
    id: '受访者编号',
    weight: (c: string, sum: string, min: string, max: string) => `权重：列 ${c}，合计 ${sum}，范围 ${min}-${max}`,
    items: (p: number) => `题项（${p}）`,
    head: ['题项', '量表', '均值', '标准差', '最小', '最大', '缺失'],
    reverse: '反向',
    segments: '细分',
    missing: '缺失',
    numeric: '其他数值列',
    log: '载入处理记录',
    empty: '空单元格',
    decimalCommas: '小数逗号按小数读取',
    emptyColumns: '无任何回答的列（已略去）',
    codes: '缺失代码',
    reversedItems: '反向题项',
    ignored: '忽略的列',
    excluded: '排除的行',
    nothing: '无任何转换',
    flags: '数据质量提示',
    none: '无',
  },
};

function num(x: number | null, digits = 2): string {
  if (x === null || !Number.isFinite(x)) return '–';
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

function labelOf(label: Label | undefined, lang: 'en' | 'zh'): string {
  const t = label?.[lang] ?? label?.en ?? label?.zh;
  if (!t) return '';
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

/** A scale for the table: `1-10`; with decimals or a negative end `-1.235 to 1.75` (the dash would read as a minus). */
export function scaleText(min: number, max: number): string {
  const short = (x: number): string => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4))));
  return Number.isInteger(min) && Number.isInteger(max) && min >= 0 ? `${min}-${max}` : `${short(min)} to ${short(max)}`;
}

/** Aligns columns; columns rightFrom..rightTo (inclusive) are right-aligned. */
function table(rows: string[][], rightFrom: number, rightTo = Infinity): string[] {
  return alignColumns(rows, rightFrom, rightTo);
}

/**
 * Formats a {@link SurveySummary} as plain text for a terminal (`csi inspect`), in English or Chinese.
 *
 * @example
 * console.log(formatSurveySummary(summarizeSurvey(survey), { lang: 'zh' }));
 */
export function formatSurveySummary(summary: SurveySummary, options: FormatSurveySummaryOptions = {}): string {
  const lang = options.lang === 'zh' ? 'zh' : 'en';
  const T = TEXT[lang];
  const out: string[] = [];
  const delim = summary.delimiter === '\t' ? 'tab' : summary.delimiter ? `"${summary.delimiter}"` : '–';
  out.push(T.survey(summary.n, summary.rowsRead));
  out.push(T.source(summary.encoding, delim));
  out.push(summary.inferredCodebook ? T.inferred : T.given);
  if (summary.id) out.push(`${T.id}: ${summary.id}`);
  if (summary.weight) {
    const w = summary.weight;
    out.push(T.weight(w.column, num(w.sum), num(w.min), num(w.max)));
  }
  out.push('', T.items(summary.items.length));
  if (summary.items.length > 0) {
    const rows = [T.head];
    for (const it of summary.items) {
      const label = labelOf(it.label, lang);
      const flags = [it.reverse ? T.reverse : '', label].filter(Boolean).join(', ');
      rows.push([
        it.name,
        `${scaleText(it.scale.min, it.scale.max)}${it.inferred ? '?' : ''}`,
        num(it.mean),
        num(it.sd),
        num(it.min),
        num(it.max),
        String(it.missing),
        flags,
      ]);
    }
    rows[0] = [...T.head, ''];
    out.push(...table(rows, 2, 6).map((l) => `  ${l}`));
  }
  if (summary.segments.length > 0) {
    out.push('', T.segments);
    for (const s of summary.segments) {
      const shown = s.levels.slice(0, 12).map((l) => `${l.value}${l.label ? ` (${labelOf(l.label, lang)})` : ''} ${l.count}`);
      if (s.levels.length > 12) shown.push(`… +${s.levels.length - 12}`);
      out.push(`  ${s.name}: ${shown.join(', ')}${s.missing > 0 ? `; ${T.missing} ${s.missing}` : ''}`);
    }
  }
  if (summary.numeric.length > 0) {
    out.push('', T.numeric);
    const rows = [['', T.head[2], T.head[3], T.head[4], T.head[5], T.head[6]]];
    for (const c of summary.numeric) rows.push([c.name, num(c.mean), num(c.sd), num(c.min), num(c.max), String(c.missing)]);
    out.push(...table(rows, 1).map((l) => `  ${l}`));
  }
  out.push('', T.log);
  const log = summary.log;
  const parts: string[] = [];
  if (log.emptyCells.length) parts.push(`${T.empty}: ${log.emptyCells.map((e) => `${e.column} ${e.count}`).join(', ')}`);
  if (log.decimalCommas?.length) parts.push(`${T.decimalCommas}: ${log.decimalCommas.map((e) => `${e.column} ${e.count}`).join(', ')}`);
  if (log.emptyColumns?.length) parts.push(`${T.emptyColumns}: ${log.emptyColumns.join(', ')}`);
  if (log.missingCodes.length) parts.push(`${T.codes}: ${log.missingCodes.map((m) => `${m.column}=${m.value} ×${m.count}`).join(', ')}`);
  if (log.reversed.length) parts.push(`${T.reversedItems}: ${log.reversed.join(', ')}`);
  if (log.ignoredColumns.length) parts.push(`${T.ignored}: ${log.ignoredColumns.join(', ')}`);
  if (log.excludedRows.length) parts.push(`${T.excluded}: ${log.excludedRows.map((e) => `${e.row} (${e.reason})`).join(', ')}`);
  out.push(...(parts.length ? parts : [T.nothing]).map((p) => `  ${p}`));
  out.push('', T.flags);
  const flags = summary.warnings.filter((w) => w.code !== 'IGNORED_COLUMN' && w.code !== 'ROWS_EXCLUDED');
  out.push(...(flags.length ? flags.map((w) => `  ${w.code}: ${w.message}`) : [`  ${T.none}`]));
  return out.join('\n');
}
