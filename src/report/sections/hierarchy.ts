import type { HierarchyNode } from '../../study/index.js';
import type { TreeItem } from '../blocks.js';
import type { ReportContext } from '../context.js';
import type { Section } from './section.js';

function item(n: HierarchyNode, ctx: ReportContext, root: boolean): TreeItem {
  const { f, t, lang } = ctx;
  // The root is the level-1 (overall) index, not the target construct whose name it carries.
  const label = root ? t.overallIndex : n.label?.[lang] || n.label?.[lang === 'zh' ? 'en' : 'zh'] || ctx.name(n.name);
  const ix = n.index.mean === null ? '' : ` ${f.num(n.index.mean, 1)}${n.index.lower !== null ? ` [${f.num(n.index.lower, 1)}, ${f.num(n.index.upper, 1)}]` : ''}`;
  const weight = root ? '' : ` · ${t.weight} ${f.pct(n.weight, 1)}`;
  const ahp = n.ahp ? ` · AHP CR ${f.num(n.ahp.cr, 3)}` : '';
  return { text: `${label}${ix}${weight}${ahp}`, ...(n.level <= 2 ? { cls: 'strong' } : {}), children: n.children.map((c) => item(c, ctx, false)) };
}

/** The four-level hierarchy: each node with its index, interval and weight within its parent. */
export const hierarchySection: Section = {
  id: 'hierarchy',
  title: (t) => t.sectionHierarchy,
  blocks: (ctx) => {
    const h = ctx.study.hierarchy;
    if (!h) return [];
    return [{ type: 'tree', root: item(h, ctx, true) }, { type: 'note', text: ctx.t.hierarchyNote }];
  },
};
