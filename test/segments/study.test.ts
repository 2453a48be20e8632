/**
 * Issue 14 through `analyze` and `csi estimate`: segments, waves and the scorecard on a generated weighted survey with
 * missing values (tests/engines fixtures). The pooled-weight convention is checked by its defining identity: with the
 * whole file's index forms and whole-file mean replacement, the Σw-weighted average of the level indices is the
 * whole-sample index.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/data/index.js';
import { analyze, studyJsonSchema } from '../../src/study/index.js';
import { CODEBOOK, MODEL_TEXT, expectNumbersClose, generateSurvey } from '../engines/fixtures.js';
import { runCsi as run, tempDir } from '../helpers/cli.js';

const gen = generateSurvey({ n: 900, seed: 41 });
const survey = readSurvey(gen.csv, { codebook: CODEBOOK });
const { dir } = tempDir('csi-track-');
const files = {
  data: join(dir, 's.csv'),
  model: join(dir, 'm.txt'),
  codebook: join(dir, 'cb.json'),
  targets: join(dir, 't.json'),
};
writeFileSync(files.data, gen.csv);
writeFileSync(files.model, MODEL_TEXT);
writeFileSync(files.codebook, JSON.stringify(CODEBOOK));
writeFileSync(
  files.targets,
  JSON.stringify([
    { measure: 'Satisfaction', comparator: '>=', value: 50, per: 'wave' },
    { measure: 'Satisfaction', comparator: '>=', value: null, change: 2, per: 'wave' },
    { measure: 'Loyalty', comparator: '>=', value: 99, per: null },
  ]),
);

describe('analyze with segments, waves and targets', () => {
  const study = analyze(survey, {
    model: MODEL_TEXT,
    segments: ['region'],
    waves: { column: 'line', base: null },
    targets: [{ measure: 'Satisfaction', comparator: '>=', value: 50, per: 'wave', change: null }],
  });

  it('level indices use the whole file’s weights: the Σw-weighted level average is the whole-sample index', () => {
    const b = study.segments!.region;
    expect(b.order.length).toBeGreaterThan(1);
    for (const c of Object.keys(study.indices!)) {
      let sw = 0;
      let acc = 0;
      for (const l of b.order) {
        sw += b.levels[l].sumWeights;
        acc += b.levels[l].sumWeights * b.levels[l].indices[c].mean!;
      }
      expect(Math.abs(acc / sw - study.indices![c].mean!)).toBeLessThan(1e-9);
    }
    expect(b.order.reduce((a, l) => a + b.levels[l].n, 0)).toBe(survey.n);
    const k = b.order.length;
    expect(b.pairwise.length).toBe((Object.keys(study.indices!).length * k * (k - 1)) / 2);
    expect(b.adjust).toBe('holm');
  });

  it('waves: natural order, changes later − earlier, base = first wave, trend over three waves; JSON schema holds', () => {
    const w = study.waves!;
    expect(w.orderSource).toBe('natural');
    expect(w.order).toEqual([...w.order].sort((a, c) => a.localeCompare(c, 'en', { numeric: true })));
    expect(w.base).toBe(w.order[0]);
    const s = w.changes.filter((c) => c.measure === 'Satisfaction');
    expect(s.map((c) => [c.from, c.to])).toEqual([[w.order[0], w.order[1]], [w.order[1], w.order[2]], [w.order[0], w.order[2]]]);
    expect(s[0].diff).toBeCloseTo(w.levels[w.order[1]].indices.Satisfaction.mean! - w.levels[w.order[0]].indices.Satisfaction.mean!, 12);
    expect(w.trend.Satisfaction.df).toBe(1);
    expect(study.scorecard!.map((r) => r.wave)).toEqual(w.order);
    // own-wave weights beside: each change splits exactly into item means + weights
    expect(Object.keys(w.own!.levels)).toEqual(w.order);
    expect(w.own!.changes.length).toBe(2 * Object.keys(study.indices!).length);
    for (const c of w.own!.changes) {
      expect(Math.abs(c.diff - (w.own!.levels[c.to][c.measure]! - w.own!.levels[c.from][c.measure]!))).toBeLessThan(1e-9);
      expect(Math.abs(c.diff - c.itemMeans - c.weights)).toBeLessThan(1e-12);
    }
    const parsed = studyJsonSchema.safeParse(JSON.parse(JSON.stringify(study)));
    expect(parsed.success, JSON.stringify(parsed.error?.issues?.[0])).toBe(true);
  });
});

describe('csi estimate --segment --wave --targets', () => {
  it('--json has segments, waves and scorecard; readable output shows the tables', async () => {
    const base = ['estimate', files.data, '--model', files.model, '--codebook', files.codebook, '--segment', 'region', '--adjust', 'bh', '--wave', 'line', '--targets', files.targets];
    const r = await run([...base, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const study = JSON.parse(r.out);
    expect(study.segments.region.adjust).toBe('bh');
    expect(study.waves.column).toBe('line');
    expect(study.scorecard.filter((x: { change: number | null }) => x.change !== null)).toHaveLength(2);
    expect(study.scorecard.at(-1)).toMatchObject({ measure: 'Loyalty', wave: null, status: 'not met' });
    const text = await run(base);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Segments by region/);
    expect(text.out).toMatch(/Waves by line/);
    expect(text.out).toMatch(/= item means -?\d+\.\d\d \+ weights/);
    expect(text.out).toMatch(/Targets \(one-sided 95 % bound/);
  });

  it('--segment-estimate --permutations: per-level paths and permutation p, identical on a rerun at a seed', async () => {
    const args = ['estimate', files.data, '--model', files.model, '--codebook', files.codebook, '--segment', 'line', '--segment-estimate', '--permutations', '20', '--seed', '3', '--json'];
    const a = JSON.parse((await run(args)).out);
    const b = JSON.parse((await run(args)).out);
    expect(Object.keys(a.segments.line.reestimated)).toEqual(a.segments.line.order);
    expect(a.segments.line.permutation.length).toBe(3 * 4); // 3 pairs of levels × 4 paths
    expect(a.segments.line.permutation).toEqual(b.segments.line.permutation);
  });

  it.each([
    [['--segment', 'nope'], /no column nope/],
    [['--wave', 'line', '--base', 'Q9'], /base wave "Q9" is not a level of line/],
    [['--targets', '__BAD__'], /malformed/],
    [['--targets', '__UNKNOWN__'], /unknown measure "Delight"/],
    [['--adjust', 'bonferroni', '--segment', 'region'], /--adjust must be holm, bh or none/],
    [['--permutations', '10', '--segment', 'region'], /--permutations needs --segment-estimate/],
  ])('%j → exit 2 with one line', async (extra, re) => {
    const bad = join(dir, 'bad.json');
    const unknown = join(dir, 'unknown.json');
    writeFileSync(bad, '[{"measure": "Satisfaction", "comparator": "=>", "value": 1}]');
    writeFileSync(unknown, '[{"measure": "Delight", "comparator": ">=", "value": 1}]');
    const args = (extra as string[]).map((a) => (a === '__BAD__' ? bad : a === '__UNKNOWN__' ? unknown : a));
    const r = await run(['estimate', files.data, '--model', files.model, '--codebook', files.codebook, ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('csi estimate --engine duckdb --segment --wave: one GROUP BY query, same Study as in memory', () => {
  it('segments, waves (own-wave too) and scorecard within 1e-10', async () => {
    const flags = ['--model', files.model, '--codebook', files.codebook, '--segment', 'region', '--wave', 'line', '--targets', files.targets, '--json'];
    const mem = await run(['estimate', files.data, ...flags]);
    const eng = await run(['estimate', files.data, '--engine', 'duckdb', '--threads', '1', ...flags]);
    expect(eng.err).toBe('');
    expect(eng.code).toBe(0);
    const a = JSON.parse(mem.out);
    const b = JSON.parse(eng.out);
    expectNumbersClose(b.segments, a.segments, 1e-10);
    expectNumbersClose(b.waves, a.waves, 1e-10);
    expectNumbersClose(b.scorecard, a.scorecard, 1e-10);
    const refused = await run(['estimate', files.data, '--engine', 'duckdb', ...flags, '--segment-estimate']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--segment-estimate needs the rows/);
  });
});
