import type { Block } from '../blocks.js';
import type { Section } from './section.js';

/** Impacts: the index gain of each target per one-point gain of each driver's index (issue 13). */
export const impactsSection: Section = {
  id: 'impacts',
  title: (t) => t.sectionImpacts,
  blocks: ({ study, t, f, name, fill }) => {
    const blocks: Block[] = [];
    for (const [target, drivers] of Object.entries(study.impacts ?? {})) {
      // A zero impact is no path to the target (a dimension, an outcome): left out.
      const rows = Object.entries(drivers).filter(([, v]) => v !== 0).sort((a, b) => b[1] - a[1]);
      if (rows.length === 0) continue;
      blocks.push({ type: 'h3', text: fill(t.onTarget, { target: name(target) }) });
      blocks.push({ type: 'table', head: [t.colDriver, t.colImpact], rows: rows.map(([c, v]) => [name(c), f.num(v, 3)]), numeric: [false, true] });
    }
    if (blocks.length) blocks.push({ type: 'note', text: t.impactsNote });
    return blocks;
  },
};
