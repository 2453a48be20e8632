import { DEFAULT_QUALITY_THRESHOLDS } from '../../study/index.js';
import type { Block, Cell } from '../blocks.js';
import type { Section } from './section.js';

/**
 * The marks of the quality tables: the quality report's own thresholds (Hair et al.: α, ρC, ρA ≥ 0.70; AVE ≥ 0.50;
 * HTMT 0.90, `DEFAULT_QUALITY_THRESHOLDS`), plus Henseler et al.'s (2015) stricter HTMT 0.85, marked as a caution only.
 */
const q = DEFAULT_QUALITY_THRESHOLDS;
export const THRESHOLDS = { alpha: q.reliabilityMin, rhoC: q.reliabilityMin, rhoA: q.reliabilityMin, ave: q.ave, htmtStrict: 0.85, htmtLenient: q.htmt } as const;

/** Measurement quality: reliability and AVE with thresholds marked, the HTMT matrix with 0.85/0.90 marked. */
export const qualitySection: Section = {
  id: 'quality',
  title: (t) => t.sectionQuality,
  blocks: ({ study, t, f, name }) => {
    const blocks: Block[] = [];
    const rel = Object.entries(study.reliability);
    if (rel.length) {
      const mark = (v: number | null, min: number): Cell => (v === null ? '–' : v < min ? { text: `${f.num(v, 3)} ▼`, cls: 'bad' } : f.num(v, 3));
      blocks.push({ type: 'h3', text: t.reliabilityTitle });
      blocks.push({
        type: 'table',
        head: [t.colConstruct, t.colAlpha, t.colRhoC, t.colRhoA, t.colAve],
        rows: rel.map(([c, r]) => [name(c), mark(r.alpha, THRESHOLDS.alpha), mark(r.rhoC, THRESHOLDS.rhoC), mark(r.rhoA, THRESHOLDS.rhoA), mark(r.ave, THRESHOLDS.ave)]),
        numeric: [false, true, true, true, true],
      });
      blocks.push({ type: 'note', text: t.reliabilityNote });
    }
    const pairs = study.htmt.filter((h) => h.value !== null);
    if (pairs.length) {
      const ids: string[] = [];
      for (const h of study.htmt) for (const c of [h.a, h.b]) if (!ids.includes(c)) ids.push(c);
      const value = (a: string, b: string) => study.htmt.find((h) => (h.a === a && h.b === b) || (h.a === b && h.b === a))?.value ?? null;
      blocks.push({ type: 'h3', text: t.htmtTitle });
      blocks.push({
        type: 'table',
        cls: 'matrix',
        head: ['', ...ids.slice(0, -1).map(name)],
        rows: ids.slice(1).map((a, i) => [
          name(a),
          ...ids.slice(0, -1).map((b, j): Cell => {
            if (j > i) return '';
            const v = value(a, b);
            if (v === null) return '–';
            if (v >= THRESHOLDS.htmtLenient) return { text: `${f.num(v, 2)} ▲▲`, cls: 'bad' };
            if (v >= THRESHOLDS.htmtStrict) return { text: `${f.num(v, 2)} ▲`, cls: 'warn' };
            return f.num(v, 2);
          }),
        ]),
        numeric: [false, ...ids.slice(0, -1).map(() => true)],
      });
      blocks.push({ type: 'note', text: t.htmtNote });
    }
    return blocks;
  },
};
