import type { Block } from '../blocks.js';
import { indexBarsSvg } from '../svg/indexBars.js';
import type { Section } from './section.js';

/** The 0-100 indices with their 95 % intervals: a bar chart and a table. */
export const indicesSection: Section = {
  id: 'indices',
  title: (t) => t.sectionIndices,
  blocks: ({ study, t, f, name, model }) => {
    const all = study.indices ?? {};
    // Model order: each structural construct, then its dimensions (indented, lighter); then anything else.
    const order: { id: string; dim: boolean }[] = [];
    const dims = new Set((model?.constructs ?? []).flatMap((c) => c.dimensions ?? []));
    for (const c of model?.constructs ?? []) {
      if (dims.has(c.name)) continue;
      if (all[c.name]) order.push({ id: c.name, dim: false });
      for (const d of c.dimensions ?? []) if (all[d]) order.push({ id: d, dim: true });
    }
    for (const id of Object.keys(all)) if (!order.some((o) => o.id === id)) order.push({ id, dim: false });
    const entries = order.map((o) => [o.id, all[o.id], o.dim] as const);
    if (entries.length === 0) return [];
    const target = model?.target ?? (study.indices?.Satisfaction ? 'Satisfaction' : undefined);
    const bars = entries
      .filter(([, e]) => e.mean !== null)
      .map(([c, e, dim]) => ({ label: dim ? `· ${name(c)}` : name(c), mean: e.mean!, lower: e.lower, upper: e.upper, value: f.num(e.mean, 1), highlight: c === target, sub: dim }));
    const blocks: Block[] = [];
    if (bars.length) blocks.push({ type: 'chart', svg: indexBarsSvg(bars, t.sectionIndices, (v) => f.num(v, 0)) }, { type: 'note', text: t.indicesNote });
    blocks.push({
      type: 'table',
      head: [t.colConstruct, t.colIndex, t.colInterval, t.colSe, t.colN],
      rows: entries.map(([c, e, dim]) => [dim ? `· ${name(c)}` : name(c), f.num(e.mean, 1), e.lower === null ? '–' : `[${f.num(e.lower, 1)}, ${f.num(e.upper, 1)}]`, f.num(e.se, 2), f.int(e.n)]),
      numeric: [false, true, true, true, true],
    });
    return blocks;
  },
};
