import { isSignificant } from '../../study/index.js';
import type { Block, Cell } from '../blocks.js';
import { dotPlotSvg } from '../svg/dotPlot.js';
import { gapByLevelTable } from './gapByLevel.js';
import { kpiByLevelTable } from './kpis.js';
import type { Section } from './section.js';

/** Segments: per column, a dot plot and a table of the indices by level, then the significant differences. */
export const segmentsSection: Section = {
  id: 'segments',
  title: (t) => t.sectionSegments,
  blocks: (ctx) => {
    const { study, t, f, name, column, level, fill } = ctx;
    const blocks: Block[] = [];
    for (const [col, seg] of Object.entries(study.segments ?? {})) {
      const levels = seg.order.filter((l) => seg.levels[l]);
      if (levels.length === 0) continue;
      const constructs: string[] = [];
      for (const l of levels) for (const c of Object.keys(seg.levels[l].indices)) if (!constructs.includes(c)) constructs.push(c);
      const levelNames = levels.map((l) => level(col, l));
      blocks.push({ type: 'h3', text: fill(t.byColumn, { column: column(col) }) });
      if (constructs.length) {
        const rows = constructs.map((c) => ({
          label: name(c),
          reference: study.indices?.[c]?.mean ?? null,
          values: levels.map((l) => {
            const e = seg.levels[l].indices[c];
            return e && e.mean !== null ? { mean: e.mean, lower: e.lower, upper: e.upper } : null;
          }),
        }));
        blocks.push({ type: 'chart', svg: dotPlotSvg(rows, levelNames, fill(t.byColumn, { column: column(col) }), (v) => f.num(v, 0), t.allRespondents) });
        blocks.push({ type: 'note', text: t.segmentsNote });
      }
      blocks.push({
        type: 'table',
        head: [t.colConstruct, ...levels.map((l, k) => `${levelNames[k]} (n=${f.int(seg.levels[l].n)})`)],
        rows: constructs.map((c) => [
          name(c),
          ...levels.map((l): Cell => {
            const e = seg.levels[l].indices[c];
            if (!e || e.mean === null) return '–';
            return e.diffFromAll === null ? f.num(e.mean, 1) : `${f.num(e.mean, 1)} (${f.signed(e.diffFromAll, 1)})`;
          }),
        ]),
        numeric: [false, ...levels.map(() => true)],
      });
      const kpiTable = kpiByLevelTable(levels.map((l, k) => ({ name: levelNames[k], kpis: seg.levels[l].kpis })), ctx);
      if (kpiTable) blocks.push(kpiTable);
      const gapTable = gapByLevelTable(levels.map((l, k) => ({ name: levelNames[k], gaps: seg.levels[l].gaps })), ctx);
      if (gapTable) blocks.push(gapTable);
      const adjust = { holm: t.adjustHolm, bh: t.adjustBh, none: t.adjustNone }[seg.adjust];
      const sig = seg.pairwise.filter((d) => isSignificant(d.pAdjusted ?? d.p));
      if (seg.pairwise.length) {
        if (sig.length === 0) blocks.push({ type: 'p', text: fill(t.noSignificantDifference, { adjust }) });
        else {
          blocks.push({ type: 'p', text: fill(t.significantDifferences, { adjust }) });
          blocks.push({
            type: 'table',
            head: [t.colConstruct, t.colComparison, t.colDiff, t.colP, t.colPAdjusted],
            rows: sig.map((d) => [name(d.construct), `${level(col, d.a)} − ${level(col, d.b)}`, f.signed(d.diff, 1), f.p(d.p), f.p(d.pAdjusted)]),
            numeric: [false, false, true, true, true],
          });
        }
      }
      const re = Object.entries(seg.reestimated ?? {});
      if (re.length) {
        const paths = re[0][1].paths.map((p) => [p.from, p.to] as const);
        blocks.push({ type: 'p', text: t.reestimatedIntro });
        blocks.push({
          type: 'table',
          head: [t.colPath, ...re.map(([l, r]) => `${level(col, l)} (n=${f.int(r.n)})`)],
          rows: paths.map(([from, to]) => [`${name(from)} → ${name(to)}`, ...re.map(([, r]) => f.num(r.paths.find((p) => p.from === from && p.to === to)?.estimate, 3))]),
          numeric: [false, ...re.map(() => true)],
        });
      }
      if (seg.permutation?.length) {
        blocks.push({
          type: 'table',
          head: [t.colPath, t.colComparison, t.colDiff, t.colPermutationP],
          rows: seg.permutation.map((p) => [`${name(p.from)} → ${name(p.to)}`, `${level(col, p.b)} − ${level(col, p.a)}`, f.signed(p.diff, 3), f.p(p.p)]),
          numeric: [false, false, true, true],
        });
      }
    }
    return blocks;
  },
};
