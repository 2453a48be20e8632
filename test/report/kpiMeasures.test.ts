/** KPI measures (`kpi:KEY`) in the waves, scorecard and headline of a report, per-wave gaps, pairwise labels a − b. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/index.js';
import type { Study } from '../../src/study/index.js';
import { fixtureStudy, telecomCodebook, telecomModel } from './fixture-study.js';

function study(): Study {
  const s = fixtureStudy();
  const fcr = { ...s.kpis!.fcr!, estimate: 0.7, lower: 0.68, upper: 0.72 };
  for (const w of s.waves!.order) s.waves!.levels[w].kpis = { ...s.waves!.levels[w].kpis, fcr };
  s.waves!.levels[s.waves!.order[0]].gaps = [{ perceived: 'PerceivedQuality', expected: 'Expectation', n: 100, mean: -4.2, sd: 10, se: 1, lower: -6.2, upper: -2.2, t: -4.2, p: 0.0001, ratio: 0.95, shareBelow: 0.6 }];
  s.waves!.changes.push({ measure: 'kpi:fcr', from: s.waves!.order[0], to: s.waves!.order[1], diff: 0.0325, se: 0.0138, lower: 0.0055, upper: 0.0594, p: 0.018 });
  s.scorecard = [{ measure: 'kpi:fcr', wave: null, comparator: '>=', value: 0.65, change: null, estimate: 0.697, bound: 0.686, status: 'met', pMet: 1, n: 4456, nEff: 4456, minDetectable: 0.027 }];
  s.distribution = { SAT1: { categories: ['very satisfied', 'satisfied', 'neutral', 'needs improvement'], cuts: [9, 7, 5], shares: [0.3, 0.44, 0.23, 0.03], n: 4430 } };
  return s;
}

describe('report: KPI measures and per-level gaps', () => {
  const md = renderMarkdown(study(), { lang: 'en', model: telecomModel, codebook: telecomCodebook });

  it('a KPI share change reads in percent, with the KPI name, not "kpi:fcr" and index points', () => {
    expect(md).not.toMatch(/kpi:fcr/);
    expect(md).toMatch(/\+3\.3% \| \[0\.6%, 5\.9%\]/);
  });

  it('a KPI target reads in percent', () => {
    expect(md).toMatch(/≥ 65\.0% \| 69\.7% \| 68\.6%/);
  });

  it('per-wave gaps are a table; pairwise rows read a − b', () => {
    expect(md).toMatch(/−4\.2/);
    expect(md).toContain('3G mobile − 4G mobile | −3.5');
  });

  it('distribution categories are translated; the table keeps them best first', () => {
    const zh = renderMarkdown(study(), { lang: 'zh', model: telecomModel, codebook: telecomCodebook });
    expect(zh).toMatch(/\| 非常满意 \| 满意 \| 一般 \| 有待改进 \|/);
    expect(zh).toMatch(/30\.0% \| 44\.0% \| 23\.0% \| 3\.0%/);
  });
});
