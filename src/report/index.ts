/**
 * Reports: a `Study` result as one self-contained HTML page (inline CSS + SVG charts) or Markdown, in Chinese or
 * English. Pure (runs in a browser); the CLI writes the files. A report computes nothing: it only reads the Study.
 */
export { renderHtml, reportTitle } from './renderHtml.js';
export { renderMarkdown } from './renderMarkdown.js';
export type { ReportOptions, ReportCodebook, ReportLabel, ReportContext } from './context.js';
export { reportContext } from './context.js';
export { escapeHtml, escapeMarkdown } from './escape.js';
export { numberFormat, type NumberFormat, type ReportLang } from './format.js';
export { dictionary, DICTIONARIES, type Dictionary } from './i18n/index.js';
export { pathDiagramSvg, type DiagramNode, type DiagramEdge } from './svg/pathDiagram.js';
export { layeredLayout, depths, type Layout, type Placement } from './svg/layeredLayout.js';
export { indexBarsSvg, type IndexBar } from './svg/indexBars.js';
export { ipmaSvg, type IpmaPoint, type QuadrantNames } from './svg/ipmaChart.js';
export { trendSvg, type TrendSeries } from './svg/trendChart.js';
export { dotPlotSvg, type DotRow } from './svg/dotPlot.js';
export { stackedBarsSvg, type StackedRow } from './svg/stackedBars.js';
