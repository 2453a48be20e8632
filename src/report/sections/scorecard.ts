import { kpiMeasureFormat } from './kpis.js';
import type { Section } from './section.js';

/** The target scorecard: each target's estimate, bound, status (coloured and written) and P(met). */
export const scorecardSection: Section = {
  id: 'scorecard',
  title: (t) => t.sectionScorecard,
  blocks: (ctx) => {
    const { study, t, f, name, level } = ctx;
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
          const kf = kpiMeasureFormat(r.measure, ctx);
          const v = (x: number | null) => (kf ? kf.value(x) : f.num(x, 1));
          const goal = r.value !== null ? `${cmp[r.comparator]} ${v(r.value)}` : `${t.changeOf} ${cmp[r.comparator]} ${kf ? kf.change(r.change) : f.signed(r.change, 1)}`;
          return [
            kf?.label ?? name(r.measure),
            r.wave === null ? '–' : waveCol ? level(waveCol, r.wave) : r.wave,
            goal,
            v(r.estimate),
            v(r.bound),
            { text, cls },
            f.pct(r.pMet, 0),
            f.int(r.n),
            kf ? kf.change(r.minDetectable).replace(/^\+/, '') : f.num(r.minDetectable, 1),
          ];
        }),
        numeric: [false, false, false, true, true, false, true, true, true],
      },
      { type: 'note', text: t.scorecardNote },
    ];
  },
};
