import { isSignificant, type GapResult } from '../../study/index.js';
import type { Block } from '../blocks.js';
import type { ReportContext } from '../context.js';
import type { Section } from './section.js';

function gapTable(gaps: GapResult[], { t, f, name }: ReportContext): Block {
  return {
    type: 'table',
    head: [t.colPerceived, t.colExpected, t.colGap, t.colInterval, t.colP, t.colRatio, t.colShareBelow, t.colN],
    rows: gaps.map((g) => {
      const sig = isSignificant(g.p);
      return [
        name(g.perceived),
        name(g.expected),
        { text: f.signed(g.mean, 1), cls: sig ? (g.mean! < 0 ? 'bad' : 'ok') : '' },
        g.lower === null ? '–' : `[${f.num(g.lower, 1)}, ${f.num(g.upper, 1)}]`,
        f.p(g.p),
        f.num(g.ratio, 2),
        f.pct(g.shareBelow, 0),
        f.int(g.n),
      ];
    }),
    numeric: [false, false, true, true, true, true, true, true],
  };
}

/** Expectation-vs-perception gaps (perceived − expected, on 0-100), by construct pair and by item pair. */
export const gapsSection: Section = {
  id: 'gaps',
  title: (t) => t.sectionGaps,
  blocks: (ctx) => {
    const blocks: Block[] = [];
    if (ctx.study.gaps?.length) blocks.push(gapTable(ctx.study.gaps, ctx));
    if (ctx.study.gapItems?.length) blocks.push({ type: 'h3', text: ctx.t.gapItemsTitle }, gapTable(ctx.study.gapItems, ctx));
    if (blocks.length) blocks.push({ type: 'note', text: ctx.t.gapsNote });
    return blocks;
  },
};
