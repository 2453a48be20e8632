import { PRESETS } from '../model/index.js';
import type { ModelSpec } from '../model/index.js';
import type { Study } from '../study/index.js';
import { numberFormat, type NumberFormat, type ReportLang } from './format.js';
import { dictionary, type Dictionary } from './i18n/index.js';

/** A bilingual label (the codebook's). */
export interface ReportLabel {
  en?: string;
  zh?: string;
}

/**
 * The parts of a codebook a report reads for labels: the survey's title, item labels, segment (and wave) column
 * labels and level labels. A csikit `Codebook` fits as it is.
 */
export interface ReportCodebook {
  title?: ReportLabel;
  items?: { id: string; label?: ReportLabel }[];
  segments?: { id: string; label?: ReportLabel; levels?: { value: string; label?: ReportLabel }[] }[];
  numeric?: { id: string; label?: ReportLabel }[];
}

/**
 * Labels of the standard CSI constructs (Image, Expectation, Value, Satisfaction, Complaints, Loyalty, ...) from the
 * model presets: the last fallback for a construct the Study, model and codebook do not label.
 */
const PRESET_LABELS: ReadonlyMap<string, ReportLabel> = (() => {
  const m = new Map<string, ReportLabel>();
  for (const name of ['ECSI', 'ACSI', 'CCSI', 'SCSB'] as const) for (const c of PRESETS[name].constructs) if (c.label && !m.has(c.name)) m.set(c.name, c.label);
  return m;
})();

/** Options of `renderHtml` and `renderMarkdown`. */
export interface ReportOptions {
  /** Language of all fixed text, labels and number formats. Default 'en'. */
  lang?: ReportLang;
  /** The model: construct labels and the path diagram's constructs (else they come from the Study's paths). */
  model?: ModelSpec;
  /** Labels of items, segment columns and levels, and the default title. */
  codebook?: ReportCodebook;
  /** The report's title (default: the codebook's title, else the dictionary's). */
  title?: string;
}

/** What every section reads: the Study, the language's text and formats, and label look-ups. */
export interface ReportContext {
  study: Study;
  lang: ReportLang;
  t: Dictionary;
  f: NumberFormat;
  model?: ModelSpec;
  /**
   * Label of a construct or item in the report's language (else the other language): the Study's survey labels, the
   * model's, the codebook's, a model preset's for a standard CSI construct name, else the name itself.
   */
  name(id: string): string;
  /** Label of a segment, wave or numeric column. */
  column(id: string): string;
  /** Label of a level of a segment or wave column. */
  level(column: string, value: string): string;
  /** Fills `{key}` placeholders of a dictionary text. */
  fill(template: string, values: Record<string, string | number>): string;
}

/**
 * Builds the render context of a Study.
 *
 * @example
 * reportContext(study, { lang: 'zh' }).name('Satisfaction') // '满意度' when the Study or model has that label
 */
export function reportContext(study: Study, options: ReportOptions = {}): ReportContext {
  const lang = options.lang ?? 'en';
  const other: ReportLang = lang === 'zh' ? 'en' : 'zh';
  const pick = (l: ReportLabel | undefined): string | undefined => l?.[lang] || l?.[other] || undefined;
  const cb = options.codebook;
  const modelLabels = new Map((options.model?.constructs ?? []).map((c) => [c.name, c.label] as const));
  const itemLabels = new Map((cb?.items ?? []).map((i) => [i.id, i.label] as const));
  const columns = new Map([...(cb?.segments ?? []), ...(cb?.numeric ?? [])].map((s) => [s.id, s] as const));
  return {
    study,
    lang,
    t: dictionary(lang),
    f: numberFormat(lang),
    ...(options.model ? { model: options.model } : {}),
    name: (id) =>
      pick(study.survey?.constructLabels?.[id]) ?? pick(modelLabels.get(id)) ?? pick(study.survey?.itemLabels?.[id]) ?? pick(itemLabels.get(id)) ?? pick(PRESET_LABELS.get(id)) ?? id,
    column: (id) => pick(columns.get(id)?.label) ?? id,
    level: (column, value) => {
      const levels = (cb?.segments ?? []).find((s) => s.id === column)?.levels;
      return pick(levels?.find((l) => l.value === value)?.label) ?? value;
    },
    fill: (template, values) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m)),
  };
}
