import type { Block } from '../blocks.js';
import { pathDiagramSvg } from '../svg/pathDiagram.js';
import { significanceStars as stars } from '../../study/index.js';
import { bootInfo } from './bootstrap.js';
import type { Section } from './section.js';

/** The path diagram and the table of path coefficients (with bootstrap intervals and p when there). */
export const pathsSection: Section = {
  id: 'paths',
  title: (t) => t.sectionPaths,
  blocks: (ctx) => {
    const { study, t, f, name, fill } = ctx;
    if (study.paths.length === 0) return [];
    const boot = bootInfo(study);
    const bootOf = (from: string, to: string) => boot?.paths.find((e) => e.from === from && e.to === to);
    // Constructs: the model's structural ones in model order when given, else the order they appear in the paths.
    const ids: string[] = [];
    const add = (id: string) => void (ids.includes(id) || ids.push(id));
    const dims = new Set((ctx.model?.constructs ?? []).flatMap((c) => c.dimensions ?? []));
    for (const c of ctx.model?.constructs ?? []) if (!dims.has(c.name) && study.paths.some((p) => p.from === c.name || p.to === c.name)) add(c.name);
    for (const p of study.paths) {
      add(p.from);
      add(p.to);
    }
    const nodes = ids.map((id) => {
      const r2 = study.rSquared[id];
      return { id, label: name(id), ...(r2 ? { r2: `R² ${f.num(r2.r2, 2)}` } : {}) };
    });
    const edges = study.paths.map((p) => {
      const b = bootOf(p.from, p.to);
      const st = stars(b);
      return { from: p.from, to: p.to, weight: p.estimate, label: `${f.num(p.estimate, 2)}${st}`, ...(b ? { significant: st !== '' } : {}) };
    });
    const blocks: Block[] = [{ type: 'chart', svg: pathDiagramSvg(nodes, edges, t.sectionPaths) }];
    blocks.push({ type: 'note', text: boot ? fill(t.starsNote, { n: f.int(boot.nboot) }) : t.noBootNote });
    const withBoot = boot !== null && boot.paths.length > 0;
    const head = [t.colFrom, t.colTo, t.colCoef, ...(withBoot ? [t.colInterval, t.colP] : [])];
    const rows = study.paths.map((p) => {
      const b = bootOf(p.from, p.to);
      const coef = `${f.num(p.estimate, 3)}${stars(b)}`;
      return [name(p.from), name(p.to), coef, ...(withBoot ? [b && b.lower !== null ? `[${f.num(b.lower, 3)}, ${f.num(b.upper, 3)}]` : '–', f.p(b?.p)] : [])];
    });
    blocks.push({ type: 'table', head, rows, numeric: [false, false, true, true, true] });
    const r2 = Object.entries(study.rSquared);
    if (r2.length) {
      blocks.push({ type: 'table', head: [t.colConstruct, t.colR2, t.colAdjR2], rows: r2.map(([c, v]) => [name(c), f.num(v.r2, 3), f.num(v.adjR2, 3)]), numeric: [false, true, true] });
    }
    return blocks;
  },
};
