import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKpiSpec } from '../../src/cli/kpi-flags.js';
import { commands } from '../../src/cli/main.js';
import { runCsi as run, tempDir } from '../helpers/cli.js';
import { csvColumns } from '../helpers/csvSurvey.js';

const { file } = tempDir('csi-kpi-');

const TELECOM = resolve('fixtures/telecom.csv');
const TELECOM_CB = resolve('fixtures/telecom.codebook.json');

describe('--kpi specs', () => {
  it('parses every form', () => {
    expect(parseKpiSpec('nps:NPS')).toEqual({ kind: 'nps', column: 'NPS' });
    expect(parseKpiSpec('csat:SAT1')).toEqual({ kind: 'csat', column: 'SAT1' });
    expect(parseKpiSpec('csat:SAT1:8-10')).toEqual({ kind: 'csat', column: 'SAT1', box: [8, 10] });
    expect(parseKpiSpec('fcr:fcr')).toEqual({ kind: 'fcr', column: 'fcr' });
    expect(parseKpiSpec('ces:EFF1')).toEqual({ kind: 'ces', column: 'EFF1' });
    expect(parseKpiSpec('time:wait_sec:60')).toEqual({ kind: 'time', column: 'wait_sec', threshold: 60 });
    expect(parseKpiSpec('time:a:b:30')).toEqual({ kind: 'time', column: 'a:b', threshold: 30 });
  });

  it('one error line per bad spec, naming it and the accepted forms', () => {
    for (const bad of ['foo:X', 'nps', 'nps:', 'time:wait', 'time:wait:soon', 'csat:SAT1:10-8']) {
      expect(() => parseKpiSpec(bad)).toThrow(new RegExp(`--kpi ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*accepted: csat:COL`));
    }
  });
});

describe('csi kpi', () => {
  it('is registered', () => {
    expect(Object.keys(commands)).toContain('kpi');
  });

  it('prints {n, kpis, distribution} in the Study shapes for the telecom fixture', async () => {
    const r = await run(['kpi', TELECOM, '--codebook', TELECOM_CB, '--kpi', 'nps:NPS', '--kpi', 'fcr:fcr', '--kpi', 'csat:SAT1', '--kpi', 'csat:SAT2:8-10', '--kpi', 'ces:EFF1', '--kpi', 'time:wait_sec:60', '--distribution', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['n', 'kpis', 'distribution']);
    expect(j.n).toBe(4484);
    expect(Object.keys(j.kpis)).toEqual(['nps', 'fcr', 'csat:SAT1', 'csat:SAT2', 'ces', 'time']);
    const { nps, fcr } = j.kpis;
    expect(nps.promoters + nps.passives + nps.detractors).toBeCloseTo(1, 12);
    expect(nps.estimate).toBeCloseTo(100 * (nps.promoters - nps.detractors), 10);
    expect(nps.lower).toBeLessThan(nps.estimate);
    expect(fcr.estimate).toBeGreaterThan(0);
    expect(fcr.estimate).toBeLessThan(1);
    // counted from the raw columns by the test's own CSV reader (not the loader): NPS 9-10 promoters, 0-6 detractors,
    // empty cells left out; FCR = yes / (yes + no)
    const raw = csvColumns(readFileSync(TELECOM, 'utf8'));
    const answers = [...raw.columns[raw.names.indexOf('NPS')]].filter((v) => !Number.isNaN(v));
    expect(nps.n).toBe(answers.length);
    expect(nps.promoters).toBeCloseTo(answers.filter((v) => v >= 9).length / answers.length, 12);
    expect(nps.detractors).toBeCloseTo(answers.filter((v) => v <= 6).length / answers.length, 12);
    const resolved = raw.text.get('fcr')!.filter((v) => v !== '');
    expect(fcr.n).toBe(resolved.length);
    expect(fcr.estimate).toBeCloseTo(resolved.filter((v) => v === 'yes').length / resolved.length, 12);
    expect(j.kpis['csat:SAT2'].box).toEqual([8, 10]);
    expect(j.kpis.time).toMatchObject({ threshold: 60 });
    expect(j.distribution.SAT1.cuts).toEqual([9, 7, 5]);
    expect(j.distribution.SAT1.shares.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('uses the codebook\u2019s KPI declarations and expectation pairs; prints text in zh', async () => {
    const cb = JSON.parse(readFileSync(TELECOM_CB, 'utf8'));
    cb.kpis = [{ kind: 'nps', column: 'NPS' }];
    for (const it of cb.items) if (it.id.endsWith('_EXP')) it.expectationOf = it.id.slice(0, -4);
    const cbPath = file('cb.json', JSON.stringify(cb));
    const r = await run(['kpi', TELECOM, '--codebook', cbPath, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j.kpis)).toEqual(['nps']);
    expect(j.gapItems.map((g: { perceived: string; expected: string }) => `${g.perceived}-${g.expected}`)).toEqual(['ATT1-ATT1_EXP', 'ATT2-ATT2_EXP', 'ATT3-ATT3_EXP', 'EFF1-EFF1_EXP', 'EFF2-EFF2_EXP', 'EFF3-EFF3_EXP']);
    for (const g of j.gapItems) expect(Object.keys(g)).toEqual(['perceived', 'expected', 'n', 'mean', 'sd', 'se', 'lower', 'upper', 't', 'p', 'ratio', 'shareBelow']);
    const t = await run(['kpi', TELECOM, '--codebook', cbPath, '--distribution', '--lang', 'zh']);
    expect(t.code).toBe(0);
    expect(t.out).toContain('满意度分布');
  });

  it('--segment and --wave: KPIs per level and per wave, wave changes', async () => {
    const r = await run(['kpi', TELECOM, '--codebook', TELECOM_CB, '--kpi', 'nps:NPS', '--kpi', 'fcr:fcr', '--segment', 'line', '--wave', 'wave', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.segments.line.order).toEqual(['3G', '4G', 'broadband']);
    const lv = j.segments.line.levels;
    expect(lv['3G'].n + lv['4G'].n + lv.broadband.n).toBe(4484);
    // the overall FCR share is the n-weighted mean of the level shares (unweighted survey)
    const levels = ['3G', '4G', 'broadband'];
    const pooled = levels.reduce((a, l) => a + lv[l].kpis.fcr.estimate * lv[l].kpis.fcr.n, 0) / levels.reduce((a, l) => a + lv[l].kpis.fcr.n, 0);
    expect(pooled).toBeCloseTo(j.kpis.fcr.estimate, 12);
    expect(j.waves.order).toEqual(['2026Q1', '2026Q2']);
    expect(j.waves.changes.map((c: { measure: string }) => c.measure)).toEqual(['nps', 'fcr']);
    const fcrChange = j.waves.changes[1];
    expect(fcrChange.diff).toBeCloseTo(j.waves.levels['2026Q2'].kpis.fcr.estimate - j.waves.levels['2026Q1'].kpis.fcr.estimate, 12);
    expect(fcrChange.lower).toBeLessThan(fcrChange.diff);
  });

  const cb = { items: [{ id: 'R', scale: { min: 0, max: 10 } }, { id: 'S', scale: { min: 1, max: 5 } }], segments: [{ id: 'fcr' }] };
  const cbPath = file('small.json', JSON.stringify(cb));

  it('bad input: exit 2 with one line naming the thing', async () => {
    const ok = file('ok.csv', 'R,S,fcr\n9,5,yes\n3,4,no\n');
    const cases: [string[], RegExp][] = [
      [['kpi', file('nps.csv', 'n\n9\n12\n'), '--kpi', 'nps:n'], /NPS column n: 12 .*0 to 10.*row 3/],
      [['kpi', ok, '--codebook', cbPath, '--kpi', 'csat:S:5-6'], /CSAT box 5-6 for S is outside its scale 1-5/],
      [['kpi', file('fcr.csv', 'R,S,fcr\n9,5,yes\n3,4,maybe\n'), '--codebook', cbPath, '--kpi', 'fcr:fcr'], /FCR column fcr: "maybe" is not yes\/no or 1\/0/],
      [['kpi', ok, '--codebook', cbPath, '--kpi', 'nps:nope'], /nope/],
      [['kpi', ok, '--codebook', cbPath, '--kpi', 'bogus:R'], /--kpi bogus:R: unknown KPI kind/],
      [['kpi', ok, '--codebook', cbPath], /needs --kpi/],
    ];
    for (const [args, re] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(re);
      expect(r.out).toBe('');
    }
  });

  it('fcr from a yes/no column and CSAT default box on 1-5', async () => {
    const data = file('d.csv', 'R,S,fcr\n9,5,yes\n3,4,no\n10,2,yes\n7,,\n');
    const r = await run(['kpi', data, '--codebook', cbPath, '--kpi', 'fcr:fcr', '--kpi', 'csat:S', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.kpis.fcr).toMatchObject({ n: 3, estimate: 2 / 3 });
    expect(j.kpis.csat).toMatchObject({ n: 3, estimate: 2 / 3, box: [4, 5] });
  });
});
