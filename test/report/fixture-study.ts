/**
 * A fixture Study for the report tests. The estimation keys are a real run: `fixtures/telecom-estimate.json` is the
 * output of
 *   npx tsx src/cli/main.ts estimate fixtures/telecom.csv --codebook fixtures/telecom.codebook.json \
 *     --model fixtures/telecom.model --boot 200 --seed 2026 --json
 * keeping only the estimation keys (those of `plsResultJsonSchema`, plus `bootstrap`; a test checks the schema).
 * The analysis sections (indices, hierarchy, impacts, IPMA, segments, waves, scorecard, gaps, KPIs, distribution)
 * are HAND-WRITTEN: plausible figures that satisfy src/study/types.ts and only exercise rendering. They are not
 * results of the telecom data and no test compares them with any analysis.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Codebook } from '../../src/data/codebook.js';
import { parseModel } from '../../src/model/index.js';
import type { ModelSpec } from '../../src/model/types.js';
import type { PlsResultJson } from '../../src/pls/index.js';
import type { Estimate, HierarchyNode, KpiResult, Study } from '../../src/study/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

/** The telecom model, parsed. */
export const telecomModel: ModelSpec = parseModel(readFileSync(path.join(repo, 'fixtures/telecom.model'), 'utf8'));
/** The telecom codebook (labels of items, segments and levels). */
export const telecomCodebook: Codebook = JSON.parse(readFileSync(path.join(repo, 'fixtures/telecom.codebook.json'), 'utf8'));

/** The estimation keys only: a Study as `csi estimate --json` prints it (no analysis section). */
export function estimationOnlyStudy(): Study {
  return JSON.parse(readFileSync(path.join(here, 'fixtures/telecom-estimate.json'), 'utf8')) as PlsResultJson;
}

const est = (mean: number, se: number, n = 4484): Estimate => ({ n, mean, sd: se * Math.sqrt(n), se, lower: +(mean - 1.96 * se).toFixed(2), upper: +(mean + 1.96 * se).toFixed(2) });

const INDEX: Record<string, number> = {
  Image: 76.4,
  Expectation: 78.1,
  Network: 71.2,
  Billing: 68.5,
  ValueAdded: 63.9,
  AgentAttitude: 80.3,
  AgentEfficiency: 72.6,
  PerceivedQuality: 72.4,
  Value: 66.8,
  Satisfaction: 73.5,
  Complaints: 58.2,
  Loyalty: 70.9,
};

const LABELS: Record<string, { en: string; zh: string }> = {
  Image: { en: 'Corporate image', zh: '企业形象' },
  Expectation: { en: 'Customer expectation', zh: '顾客期望' },
  Network: { en: 'Network quality', zh: '网络质量' },
  Billing: { en: 'Billing', zh: '计费准确' },
  ValueAdded: { en: 'Value-added services', zh: '增值服务' },
  AgentAttitude: { en: 'Agent attitude', zh: '坐席态度' },
  AgentEfficiency: { en: 'Agent efficiency', zh: '坐席效率' },
  PerceivedQuality: { en: 'Perceived quality', zh: '感知质量' },
  Value: { en: 'Perceived value', zh: '感知价值' },
  Satisfaction: { en: 'Customer satisfaction', zh: '顾客满意度' },
  Complaints: { en: 'Complaint handling', zh: '顾客抱怨' },
  Loyalty: { en: 'Customer loyalty', zh: '顾客忠诚' },
};

const node = (name: string, level: 1 | 2 | 3 | 4, weight: number, children: HierarchyNode[] = []): HierarchyNode => {
  const e = est(INDEX[name] ?? 70, 0.3);
  return { name, level, weight, weightSource: 'pls', index: { mean: e.mean, se: e.se, lower: e.lower, upper: e.upper }, n: 4484, children };
};

const kpis: Record<string, KpiResult> = {
  nps: { kind: 'nps', column: 'NPS', n: 4410, nEff: 4410, estimate: 12.4, lower: 10.1, upper: 14.7, method: 'wald', promoters: 0.384, passives: 0.356, detractors: 0.26 },
  fcr: { kind: 'fcr', column: 'fcr', n: 4484, nEff: 4484, estimate: 0.782, lower: 0.77, upper: 0.794, method: 'wilson' },
};

/** The fixture Study: real estimation keys plus hand-written analysis sections (see the file comment). */
export function fixtureStudy(): Study {
  const study = estimationOnlyStudy();
  const structural = ['Image', 'Expectation', 'PerceivedQuality', 'Value', 'Satisfaction', 'Complaints', 'Loyalty'];
  const lineLevels = { '3G': { n: 1502, shift: -2.1 }, '4G': { n: 1593, shift: 1.4 }, broadband: { n: 1389, shift: 0.6 } };
  const waves = { '2026Q1': { n: 2262, shift: -0.8 }, '2026Q2': { n: 2222, shift: 0.8 } };
  return {
    ...study,
    survey: {
      rows: 4484,
      items: 39,
      codebook: 'given',
      constructLabels: LABELS,
      flags: { straightLiners: 37, tooMuchMissing: 12, zeroVariance: [] },
    },
    indices: Object.fromEntries(structural.map((c) => [c, est(INDEX[c], 0.28)])),
    indexWeightSource: 'pls',
    hierarchy: node('Satisfaction', 1, 1, [
      node('Image', 2, 0.18, [node('IMG1', 4, 0.27), node('IMG2', 4, 0.24), node('IMG3', 4, 0.22), node('IMG4', 4, 0.27)]),
      node('PerceivedQuality', 2, 0.41, ['Network', 'Billing', 'ValueAdded', 'AgentAttitude', 'AgentEfficiency'].map((d, k) => node(d, 3, [0.26, 0.18, 0.12, 0.22, 0.22][k]))),
      node('Value', 2, 0.23),
      node('Expectation', 2, 0.18),
    ]),
    impacts: { Satisfaction: { PerceivedQuality: 0.41, Value: 0.23, Image: 0.31, Expectation: 0.09 } },
    ipma: {
      Satisfaction: {
        constructs: {
          Image: { importance: 0.31, performance: INDEX.Image },
          Expectation: { importance: 0.09, performance: INDEX.Expectation },
          PerceivedQuality: { importance: 0.41, performance: INDEX.PerceivedQuality },
          Value: { importance: 0.23, performance: INDEX.Value },
        },
        items: {},
        thresholds: { importance: 0.26, performance: 73.4 },
        quadrants: { Image: 'strength', Expectation: 'maintain', PerceivedQuality: 'fix', Value: 'opportunity' },
        priorities: ['PerceivedQuality', 'Value', 'Image', 'Expectation'],
      },
    },
    segments: {
      line: {
        order: ['3G', '4G', 'broadband'],
        levels: Object.fromEntries(
          Object.entries(lineLevels).map(([l, { n, shift }]) => [
            l,
            {
              n,
              sumWeights: n,
              indices: Object.fromEntries(structural.map((c) => [c, { ...est(INDEX[c] + shift, 0.5, n), diffFromAll: shift }])),
              kpis: { nps: { ...kpis.nps, n, nEff: n, estimate: 12.4 + 3 * shift, lower: 12.4 + 3 * shift - 4, upper: 12.4 + 3 * shift + 4 } },
              gaps: [{ perceived: 'AgentEfficiency', expected: 'Expectation', n, mean: -5.5 + shift, sd: 19, se: 0.5, lower: -6.5 + shift, upper: -4.5 + shift, t: -10, p: 0.0001, ratio: 0.93, shareBelow: 0.5 }],
            },
          ]),
        ),
        // diff = mean(a) − mean(b) (segments/breakdown.ts), consistent with the level shifts above
        pairwise: [
          { construct: 'Satisfaction', a: '3G', b: '4G', diff: -3.5, t: -4.9, df: 3093, p: 0.000001, pAdjusted: 0.000003 },
          { construct: 'Satisfaction', a: '3G', b: 'broadband', diff: -2.7, t: -3.6, df: 2889, p: 0.0003, pAdjusted: 0.0006 },
          { construct: 'Satisfaction', a: '4G', b: 'broadband', diff: 0.8, t: 1.1, df: 2980, p: 0.27, pAdjusted: 0.27 },
        ],
        adjust: 'holm',
      },
    },
    waves: {
      column: 'wave',
      order: ['2026Q1', '2026Q2'],
      orderSource: 'codebook',
      base: '2026Q1',
      levels: Object.fromEntries(
        Object.entries(waves).map(([w, { n, shift }]) => [w, { n, indices: Object.fromEntries(['Satisfaction', 'PerceivedQuality', 'Value', 'Loyalty'].map((c) => [c, est(INDEX[c] + shift, 0.4, n)])) }]),
      ),
      changes: ['Satisfaction', 'PerceivedQuality', 'Value', 'Loyalty'].map((c, k) => ({ measure: c, from: '2026Q1', to: '2026Q2', diff: 1.6 - k * 0.5, se: 0.57, lower: 1.6 - k * 0.5 - 1.12, upper: 1.6 - k * 0.5 + 1.12, p: [0.005, 0.08, 0.26, 0.86][k] })),
      trend: {},
    },
    scorecard: [
      { measure: 'Satisfaction', wave: '2026Q2', comparator: '>=', value: 72, change: null, estimate: 74.3, bound: 73.6, status: 'met', pMet: 0.99, n: 2222, nEff: 2222, minDetectable: 1.6 },
      { measure: 'Value', wave: '2026Q2', comparator: '>=', value: 70, change: null, estimate: 67.6, bound: 68.4, status: 'not met', pMet: 0.01, n: 2222, nEff: 2222, minDetectable: 1.6 },
      { measure: 'Loyalty', wave: '2026Q2', comparator: '>=', value: 71.5, change: null, estimate: 71.7, bound: 70.9, status: 'not yet distinguishable', pMet: 0.64, n: 2222, nEff: 2222, minDetectable: 1.6 },
    ],
    gaps: [
      { perceived: 'AgentAttitude', expected: 'Expectation', n: 4484, mean: 2.2, sd: 18.1, se: 0.27, lower: 1.67, upper: 2.73, t: 8.1, p: 0.0000001, ratio: 1.03, shareBelow: 0.34 },
      { perceived: 'AgentEfficiency', expected: 'Expectation', n: 4484, mean: -5.5, sd: 19.4, se: 0.29, lower: -6.07, upper: -4.93, t: -19, p: 0.0000001, ratio: 0.93, shareBelow: 0.52 },
    ],
    kpis,
    distribution: {
      Satisfaction: { categories: ['1-4', '5-6', '7-8', '9-10'], cuts: [4, 6, 8], shares: [0.06, 0.17, 0.45, 0.32], n: 4484 },
      Loyalty: { categories: ['1-4', '5-6', '7-8', '9-10'], cuts: [4, 6, 8], shares: [0.09, 0.2, 0.41, 0.3], n: 4484 },
    },
  } satisfies Study;
}

