import { isSignificant } from '../../study/index.js';
import type { Block } from '../blocks.js';
import { trendSvg } from '../svg/trendChart.js';
import { gapByLevelTable } from './gapByLevel.js';
import { kpiByLevelTable, kpiMeasureFormat } from './kpis.js';
import type { Section } from './section.js';

/** Waves: the trend of each measure over the waves with its interval band, the changes and the trend slopes. */
export const wavesSection: Section = {
  id: 'waves',
  title: (t) => t.sectionWaves,
  blocks: (ctx) => {
    const { study, t, f, name, level, column, fill } = ctx;
    const w = study.waves;
    if (!w) return [];
    const waves = w.order.filter((l) => w.levels[l]);
    if (waves.length === 0) return [];
    const measures: string[] = [];
    for (const l of waves) for (const c of Object.keys(w.levels[l].indices)) if (!measures.includes(c)) measures.push(c);
    const blocks: Block[] = [{ type: 'p', text: fill(t.wavesIntro, { column: column(w.column), n: waves.length, base: w.base === null ? '–' : level(w.column, w.base) }) }];
    const waveNames = waves.map((l) => level(w.column, l));
    if (measures.length) {
      const series = measures.map((m) => ({
        label: name(m),
        points: waves.map((l) => {
          const e = w.levels[l].indices[m];
          return { mean: e?.mean ?? null, lower: e?.lower ?? null, upper: e?.upper ?? null, value: f.num(e?.mean, 1) };
        }),
      }));
      blocks.push({ type: 'chart', svg: trendSvg(series, waveNames, t.sectionWaves, (v) => f.num(v, 0)) });
      blocks.push({ type: 'note', text: t.trendNote });
      blocks.push({
        type: 'table',
        head: [t.colMeasure, ...waves.map((l, k) => `${waveNames[k]} (n=${f.int(w.levels[l].n)})`)],
        rows: measures.map((m) => [name(m), ...waves.map((l) => f.num(w.levels[l].indices[m]?.mean, 1))]),
        numeric: [false, ...waves.map(() => true)],
      });
    }
    const kpiTable = kpiByLevelTable(waves.map((l, k) => ({ name: waveNames[k], kpis: w.levels[l].kpis })), ctx);
    if (kpiTable) blocks.push(kpiTable);
    const gapTable = gapByLevelTable(waves.map((l, k) => ({ name: waveNames[k], gaps: w.levels[l].gaps })), ctx);
    if (gapTable) blocks.push(gapTable);
    if (w.changes.length) {
      blocks.push({ type: 'h3', text: t.changesTitle });
      blocks.push({
        type: 'table',
        head: [t.colMeasure, t.colComparison, t.colChange, t.colInterval, t.colP],
        rows: w.changes.map((c) => {
          const sig = isSignificant(c.p);
          const kf = kpiMeasureFormat(c.measure, ctx);
          const d = (x: number | null) => (kf ? kf.change(x) : f.signed(x, 1));
          const v = (x: number | null) => (kf ? kf.value(x) : f.num(x, 1));
          return [kf?.label ?? name(c.measure), `${level(w.column, c.from)} → ${level(w.column, c.to)}`, { text: d(c.diff), cls: sig ? (c.diff > 0 ? 'ok' : 'bad') : '' }, c.lower === null ? '–' : `[${v(c.lower)}, ${v(c.upper)}]`, f.p(c.p)];
        }),
        numeric: [false, false, true, true, true],
      });
    }
    const trend = Object.entries(w.trend);
    if (trend.length && waves.length > 2) {
      blocks.push({ type: 'h3', text: t.trendTitle });
      blocks.push({
        type: 'table',
        head: [t.colMeasure, t.colSlope, t.colSe, t.colP],
        rows: trend.map(([m, s]) => { const kf = kpiMeasureFormat(m, ctx); return [kf?.label ?? name(m), kf ? kf.change(s.slope) : f.signed(s.slope, 2), kf ? kf.value(s.scaledSe) : f.num(s.scaledSe, 2), f.p(s.scaledP)]; }),
        numeric: [false, true, true, true],
      });
    }
    return blocks;
  },
};
