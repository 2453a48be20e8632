import type { Block } from '../blocks.js';
import { bootInfo } from './bootstrap.js';
import type { Section } from './section.js';

/** The estimation settings, the bootstrap settings and every warning. */
export const settingsSection: Section = {
  id: 'settings',
  title: (t) => t.sectionSettings,
  blocks: ({ study, t, f }) => {
    const s = study.settings;
    const yes = (b: boolean) => (b ? t.yes : t.no);
    const scheme = { path: t.schemePath, factorial: t.schemeFactorial, centroid: t.schemeCentroid }[s.scheme];
    const rows: [string, string][] = [
      [t.scheme, scheme],
      [t.iterations, `${f.int(study.iterations)} (${t.converged}: ${yes(study.converged)})`],
      [t.consistent, yes(s.consistent)],
      [t.weighted, yes(s.weighted)],
      [t.twoStage, yes(s.twoStage)],
    ];
    const b = bootInfo(study);
    if (b) {
      rows.push([t.bootstrapResamples, f.int(b.nboot)]);
      if (b.seed !== null) rows.push([t.seed, String(b.seed)]);
      if (b.ci !== null) rows.push([t.intervalMethod, `${b.ci}${b.level !== null ? ` (${f.pct(b.level, 0)})` : ''}`]);
    }
    if (study.indexWeightSource) rows.push([t.indexWeights, study.indexWeightSource]);
    const blocks: Block[] = [{ type: 'kv', rows }, { type: 'h3', text: t.warningsTitle }];
    blocks.push(study.warnings.length ? { type: 'list', items: study.warnings } : { type: 'p', text: t.noWarnings });
    return blocks;
  },
};
