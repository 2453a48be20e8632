import type { Block } from '../blocks.js';
import type { Section } from './section.js';

/** Sample and data quality: respondents, weights, the missing-value rule and what it did, data-quality flags. */
export const sampleSection: Section = {
  id: 'sample',
  title: (t) => t.sectionSample,
  blocks: ({ study, t, f, name }) => {
    const m = study.missing;
    const rule = { mean: t.missingMean, casewise: t.missingCasewise, pairwise: t.missingPairwise }[m.rule];
    const rows: [string, string][] = [[t.respondents, f.int(study.n)]];
    const s = study.survey;
    if (s) {
      rows.push([t.dataRows, f.int(s.rows)], [t.itemCount, f.int(s.items)]);
      rows.push([t.codebook, { given: t.codebookGiven, inferred: t.codebookInferred, sav: t.codebookSav }[s.codebook]]);
    }
    if (study.settings.weighted) rows.push([t.totalWeight, f.num(study.sumWeights, 1)]);
    rows.push([t.missingRule, rule], [t.rowsUsed, f.int(m.rowsUsed)], [t.missingCells, f.int(m.missingCells)]);
    if (m.rule === 'mean') rows.push([t.cellsReplaced, f.int(m.cellsReplaced)]);
    if (m.rule === 'casewise') rows.push([t.rowsDeleted, f.int(m.rowsDeleted)]);
    if (m.minPairwiseN !== null) rows.push([t.minPairwiseN, f.int(m.minPairwiseN)]);
    const flags = s?.flags;
    if (flags?.straightLiners !== undefined) rows.push([t.straightLiners, f.int(flags.straightLiners)]);
    if (flags?.tooMuchMissing !== undefined) rows.push([t.tooMuchMissing, f.int(flags.tooMuchMissing)]);
    if (flags?.zeroVariance?.length) rows.push([t.zeroVariance, flags.zeroVariance.map(name).join(t.listSep)]);
    const blocks: Block[] = [{ type: 'kv', rows }];
    return blocks;
  },
};
