/** `csi estimate --segment/--wave` with `--kpi/--gap`: KPIs and gaps per level and per wave, in JSON and in the text. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studyJsonSchema } from '../../src/study/index.js';
import { runCsi as run } from '../helpers/cli.js';

const base = ['estimate', resolve('fixtures/telecom.csv'), '--model', resolve('fixtures/telecom.model'), '--codebook', resolve('fixtures/telecom.codebook.json')];
const flags = ['--segment', 'line', '--wave', 'wave', '--kpi', 'nps:NPS', '--kpi', 'fcr:fcr', '--gap', 'PerceivedQuality:Expectation'];

describe('csi estimate: KPIs and gaps per segment level and wave', () => {
  it('--json: every level and wave has kpis and gaps; KPI changes are in waves.changes; the text shows them', async () => {
    const r = await run([...base, ...flags, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const study = studyJsonSchema.parse(JSON.parse(r.out));
    const seg = study.segments!.line;
    for (const l of seg.order) {
      expect(Object.keys(seg.levels[l].kpis!)).toEqual(['nps', 'fcr']);
      expect(seg.levels[l].gaps![0]).toMatchObject({ perceived: 'PerceivedQuality', expected: 'Expectation' });
    }
    // the levels partition the respondents who answered the NPS question
    expect(seg.order.reduce((a, l) => a + seg.levels[l].kpis!.nps.n, 0)).toBe(study.kpis!.nps.n);
    const measures = study.waves!.changes.map((c) => c.measure);
    expect(measures).toEqual(expect.arrayContaining(['kpi:nps', 'kpi:fcr', 'Satisfaction']));
    const text = await run([...base, ...flags]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('KPIs and gaps by line');
    expect(text.out).toContain('KPI changes by wave');
  }, 120_000);
});
