import type { Block } from '../blocks.js';
import { ipmaSvg } from '../svg/ipmaChart.js';
import type { Section } from './section.js';

/** The importance-performance map per target: the quadrant chart, the priority list and the figures. */
export const ipmaSection: Section = {
  id: 'ipma',
  title: (t) => t.sectionIpma,
  blocks: ({ study, t, f, name, fill }) => {
    const blocks: Block[] = [];
    const names = { strength: t.quadrantStrength, fix: t.quadrantFix, opportunity: t.quadrantOpportunity, maintain: t.quadrantMaintain };
    for (const [target, m] of Object.entries(study.ipma ?? {})) {
      // The constructs that drive the target (they have a quadrant); others (the target's own outcomes) have no place.
      const placed = Object.keys(m.quadrants).length > 0;
      const cs = Object.entries(m.constructs).filter(([c]) => !placed || m.quadrants[c] !== undefined);
      if (cs.length === 0) continue;
      blocks.push({ type: 'h3', text: fill(t.onTarget, { target: name(target) }) });
      const points = cs.filter(([, v]) => v.performance !== null).map(([c, v]) => ({ label: name(c), importance: v.importance, performance: v.performance! }));
      if (points.length) {
        blocks.push({
          type: 'chart',
          svg: ipmaSvg(points, m.thresholds, names, { x: t.importanceAxis, y: t.performanceAxis }, `${t.sectionIpma}: ${name(target)}`, { x: (v) => f.num(v, 2), y: (v) => f.num(v, 0) }),
        });
        blocks.push({ type: 'note', text: fill(t.ipmaNote, { importance: f.num(m.thresholds.importance, 3), performance: f.num(m.thresholds.performance, 1) }) });
      }
      if (m.priorities.length) {
        blocks.push({ type: 'p', text: t.prioritiesIntro });
        blocks.push({ type: 'list', ordered: true, items: m.priorities.map((c) => `${name(c)} (${m.quadrants[c] ? names[m.quadrants[c]] : '–'})`) });
      }
      const cls = { strength: 'ok', fix: 'bad', opportunity: 'warn', maintain: 'muted' } as const;
      blocks.push({
        type: 'table',
        head: [t.colConstruct, t.colImportance, t.colPerformance, t.colQuadrant],
        rows: cs.map(([c, v]) => {
          const q = m.quadrants[c];
          return [name(c), f.num(v.importance, 3), f.num(v.performance, 1), q ? { text: names[q], cls: cls[q] } : '–'];
        }),
        numeric: [false, true, true, false],
      });
      const items = Object.entries(m.items).filter(([, v]) => v.importance !== 0);
      if (items.length) {
        blocks.push({ type: 'h3', text: fill(t.ipmaItemsTitle, { target: name(target) }) });
        blocks.push({
          type: 'table',
          head: [t.colItem, t.colImportance, t.colPerformance],
          rows: [...items].sort((a, b) => b[1].importance - a[1].importance).map(([i, v]) => [name(i), f.num(v.importance, 3), f.num(v.performance, 1)]),
          numeric: [false, true, true],
        });
      }
    }
    return blocks;
  },
};
