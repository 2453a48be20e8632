import type { Section } from './section.js';

/** The target scorecard: each target's estimate, bound, status (coloured and written) and P(met). */
export const scorecardSection: Section = {
  id: 'scorecard',
  title: (t) => t.sectionScorecard,
  blocks: ({ study, t, f, name, level }) => {
    const rows = study.scorecard ?? [];
    if (rows.length === 0) return [];
    const status = { met: [t.statusMet, 'met'], 'not met': [t.statusNotMet, 'notmet'], 'not yet distinguishable': [t.statusUndecided, 'undecided'] } as const;
    const waveCol = study.waves?.column;
    const cmp = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' } as const;
    return [
      {
        type: 'table',
        cls: 'scorecard',
        head: [t.colMeasure, t.colWave, t.colTarget, t.colEstimate, t.colBound, t.colStatus, t.colPMet, t.colN, t.colMinDetectable],
        rows: rows.map((r) => {
          const [text, cls] = status[r.status];
          const goal = r.value !== null ? `${cmp[r.comparator]} ${f.num(r.value, 1)}` : `${t.changeOf} ${cmp[r.comparator]} ${f.signed(r.change, 1)}`;
          return [
            name(r.measure),
            r.wave === null ? '–' : waveCol ? level(waveCol, r.wave) : r.wave,
            goal,
            f.num(r.estimate, 1),
            f.num(r.bound, 1),
            { text, cls },
            f.pct(r.pMet, 0),
            f.int(r.n),
            f.num(r.minDetectable, 1),
          ];
        }),
        numeric: [false, false, false, true, true, false, true, true, true],
      },
      { type: 'note', text: t.scorecardNote },
    ];
  },
};
