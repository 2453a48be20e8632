/**
 * The `Study` result: one plain, JSON-safe object that `analyze(survey | moments, spec)` returns, that
 * `csi estimate --json` prints and that every report renders (docs/architecture.md). NaN is never stored: an
 * undefined figure is `null`.
 *
 * This file is the contract between the CSI-layer folders: `indices/`, `segments/`, `gaps/`, `kpi/` and `tracking/`
 * compute the pieces and declare their shapes (once, there), `study/` re-exports and assembles them, `report/` and
 * `cli/` only read them. Every key but the estimation ones is optional: a report section appears only when its key is there.
 */
import type { GapResult } from '../gaps/index.js';
import type { HierarchyNode, IndexEstimate, IpmaResult } from '../indices/index.js';
import type { DistributionRow, KpiResult } from '../kpi/index.js';
import type { PlsResultJson } from '../pls/index.js';
import type { SegmentBreakdown as SegmentBreakdownOf, SegmentLevel as SegmentLevelBase } from '../segments/index.js';
import type { ScorecardRow, WaveLevel, WaveResult as WaveResultOf } from '../tracking/index.js';

/** Each shape is declared once, on the floor that produces it (docs/architecture.md); study/ only re-exports it. */
export type { Estimate, IndexEstimate, HierarchyNode, IpmaResult } from '../indices/index.js';
export type { PairwiseDifference } from '../segments/index.js';
export type { WaveChange, ScorecardRow } from '../tracking/index.js';
export type { KpiResult, DistributionRow } from '../kpi/index.js';
export type { GapResult } from '../gaps/index.js';

/** A level's KPIs and gaps: filled by study/ (kpi/ and gaps/ sit above segments/, so the lower floors leave them out). */
interface LevelKpisAndGaps {
  kpis?: Record<string, KpiResult>;
  gaps?: GapResult[];
}

/** One level of a segment column, with its KPIs and gaps when the spec asks for them. */
export interface SegmentLevel extends SegmentLevelBase, LevelKpisAndGaps {}

/** `segments[COL]` (issue 14). */
export type SegmentBreakdown = SegmentBreakdownOf<SegmentLevel>;

/** `waves` (issue 14), each wave with its KPIs and gaps when the spec asks for them. */
export type WaveResult = WaveResultOf<WaveLevel & LevelKpisAndGaps>;

/** A short description of the survey for a report's "sample and data quality" section. */
export interface SurveyInfo {
  rows: number;
  items: number;
  /** How the codebook came about: given, or inferred (with a draft to write). */
  codebook: 'given' | 'inferred' | 'sav';
  /** Item → labels and scale, for reports. */
  itemLabels?: Record<string, { en?: string; zh?: string }>;
  constructLabels?: Record<string, { en?: string; zh?: string }>;
  flags?: { straightLiners?: number; tooMuchMissing?: number; zeroVariance?: string[] };
}

/**
 * The Study result. The estimation keys are exactly today's `csi estimate --json` (`PlsResultJson`); every
 * analysis adds one key.
 */
export interface Study extends PlsResultJson {
  survey?: SurveyInfo;
  /** issue 13 */
  indices?: Record<string, IndexEstimate>;
  indexWeights?: Record<string, Record<string, number>>;
  /** 'pls' | 'equal' | 'explicit' */
  indexWeightSource?: string;
  /** The item scale used for indices, per item: [min, max]. */
  indexScales?: Record<string, [number, number]>;
  ipma?: Record<string, IpmaResult>;
  impacts?: Record<string, Record<string, number>>;
  /** Index points of driver gain behind `impacts` (default 5, ACSI). */
  impactStep?: number;
  hierarchy?: HierarchyNode;
  /** Per-respondent 0-100 indices (only when asked: `indexScores: true`), row order of the survey; null = not computable. */
  indexScores?: { ids: string[] | null; scores: Record<string, (number | null)[]> };
  /** issue 14 */
  segments?: Record<string, SegmentBreakdown>;
  waves?: WaveResult;
  scorecard?: ScorecardRow[];
  /** issue 15 */
  gaps?: GapResult[];
  gapItems?: GapResult[];
  kpis?: Record<string, KpiResult>;
  distribution?: Record<string, DistributionRow>;
}
