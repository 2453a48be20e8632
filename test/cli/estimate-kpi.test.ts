/** `csi estimate --gap/--kpi/--distribution`: the issue-15 keys in the Study (src/study/analyze.ts). */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studyJsonSchema } from '../../src/study/index.js';
import { runCsi as run } from '../helpers/cli.js';

const base = ['estimate', resolve('fixtures/telecom.csv'), '--model', resolve('fixtures/telecom.model'), '--codebook', resolve('fixtures/telecom.codebook.json')];

describe('csi estimate with gaps, KPIs and the distribution table', () => {
  it('adds gaps, kpis and distribution; the gap mean is the difference of the indices', async () => {
    const r = await run([...base, '--gap', 'PerceivedQuality:Expectation', '--gap', 'Satisfaction:Satisfaction', '--kpi', 'nps:NPS', '--kpi', 'fcr:fcr', '--distribution', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const study = studyJsonSchema.parse(JSON.parse(r.out));
    const [g, self] = study.gaps!;
    // mean replacement keeps item means, so the respondent-level gap averages to the difference of the two indices
    expect(g.mean!).toBeCloseTo(study.indices!.PerceivedQuality.mean! - study.indices!.Expectation.mean!, 9);
    expect(g.n).toBe(study.n);
    expect(g.lower!).toBeLessThan(g.mean!);
    expect(g.ratio!).toBeCloseTo(study.indices!.PerceivedQuality.mean! / study.indices!.Expectation.mean!, 9);
    expect(self).toMatchObject({ mean: 0, se: 0, ratio: 1, shareBelow: 0 });
    const k = await run(['kpi', resolve('fixtures/telecom.csv'), '--codebook', resolve('fixtures/telecom.codebook.json'), '--kpi', 'nps:NPS', '--kpi', 'fcr:fcr', '--json']);
    expect(study.kpis).toEqual(JSON.parse(k.out).kpis);
    expect(study.distribution!.Satisfaction.cuts[0]).toBeCloseTo((100 * 8) / 9, 12);
    expect(study.distribution!.SAT1.cuts).toEqual([9, 7, 5]);
  });

  it('a gap naming a construct that is not in the model: exit 2, one line naming it', async () => {
    const r = await run([...base, '--gap', 'Nope:Expectation', '--json']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/construct Nope is not in the model/);
    expect(r.out).toBe('');
  });
});
