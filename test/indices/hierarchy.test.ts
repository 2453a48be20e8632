import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/data/readSurvey.js';
import { parseCodebook } from '../../src/data/parseCodebook.js';
import { constructIndices, indexScores, indexScales, rollUpHierarchy } from '../../src/indices/index.js';
import type { IndexTreeNode } from '../../src/indices/index.js';
import { parseModel } from '../../src/model/parse.js';
import { estimate } from '../../src/inference/estimate.js';
import { momentsFromSurvey } from '../../src/stats/momentsFromSurvey.js';

/** The telecom fixture: a CCSI-style model with a higher-order PerceivedQuality over five dimensions. */
const read = (f: string) => readFileSync(new URL(`../../fixtures/${f}`, import.meta.url), 'utf8');
const codebook = parseCodebook(JSON.parse(read('telecom.codebook.json')));
const survey = readSurvey(read('telecom.csv'), { codebook });
const model = parseModel(read('telecom.model'));
const res = estimate(survey, model, { scores: true });
const items = [...new Set(model.constructs.flatMap((c) => c.items ?? []))];
const moments = momentsFromSurvey(survey, { items });
const scales = indexScales(items, { codebook });
const ci = constructIndices(res, moments, { model, scales });
const columns = Object.fromEntries(items.map((k) => [k, survey.items[survey.itemNames.indexOf(k)]]));
const find = (n: IndexTreeNode, name: string): IndexTreeNode | undefined => (n.name === name ? n : n.children.map((c) => find(c, name)).find(Boolean));

describe('higher-order construct index (two-stage composite weights)', () => {
  it('is an exact positive linear transform of the PLS construct score (corr 1), so IPMA’s sd ratio holds', () => {
    const s = indexScores(ci.forms, columns, ci.itemMoments, 'mean');
    for (const c of ['PerceivedQuality', 'Network', 'Satisfaction']) {
      const x = s[c];
      const y = res.scores![c];
      const n = x.length;
      const mx = x.reduce((a, b) => a + b, 0) / n;
      const my = y.reduce((a, b) => a + b, 0) / n;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let i = 0; i < n; i++) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) ** 2;
        syy += (y[i] - my) ** 2;
      }
      expect(sxy / Math.sqrt(sxx * syy)).toBeCloseTo(1, 10);
      // The per-respondent mean equals the moment-based index; its SD equals √(a'Σa).
      expect(mx).toBeCloseTo(ci.indices[c].mean!, 9);
      expect(Math.sqrt(sxx / (n - 1))).toBeCloseTo(ci.indices[c].sd!, 9);
    }
    const w = ci.indexWeights.PerceivedQuality;
    expect(Object.keys(w)).toHaveLength(15);
    expect(Object.values(w).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('rollUpHierarchy', () => {
  it('default pls reproduces every construct index; level 1 is the target', () => {
    const { root, warnings } = rollUpHierarchy(res, ci, { model, scales, spec: {}, codebook });
    expect(warnings).toEqual([]);
    expect(root.level).toBe(1);
    expect(root.name).toBe('Satisfaction');
    expect(root.index.mean).toBeCloseTo(ci.indices.Satisfaction.mean!, 10);
    for (const c of Object.keys(ci.indices)) expect(find(root, c)!.index.mean, c).toBeCloseTo(ci.indices[c].mean!, 10);
    const pq = find(root, 'PerceivedQuality')!;
    expect(pq.children.map((d) => d.level)).toEqual([3, 3, 3, 3, 3]);
    expect(pq.children.reduce((a, d) => a + d.weight, 0)).toBeCloseTo(1, 12);
    expect(pq.children[0].children[0].level).toBe(4);
    expect(pq.children[0].children[0].label?.zh).toBeTruthy();
    expect(root.children.map((c) => c.weight)).toEqual(root.children.map((c) => (c.name === 'Satisfaction' ? 1 : 0)));
  });

  it('equal weights at level 2 and an AHP matrix for PerceivedQuality roll up by hand', () => {
    const dims = ['Network', 'Billing', 'ValueAdded', 'AgentAttitude', 'AgentEfficiency'];
    const v = [4, 2, 1, 2, 1];
    const { root } = rollUpHierarchy(res, ci, {
      model,
      scales,
      spec: { levels: { '2': 'equal' }, nodes: { PerceivedQuality: { ahp: { dimensions: dims, matrix: v.map((a) => v.map((b) => a / b)) } } } },
    });
    const pq = find(root, 'PerceivedQuality')!;
    const expected = dims.reduce((a, d, i) => a + (v[i] / 10) * ci.indices[d].mean!, 0);
    expect(pq.index.mean).toBeCloseTo(expected, 10);
    expect(pq.ahp!.cr).toBeCloseTo(0, 10);
    expect(pq.children[0].weightSource).toBe('ahp');
    const l2 = root.children.map((c) => c.index.mean!);
    expect(root.index.mean).toBeCloseTo(l2.reduce((a, b) => a + b, 0) / l2.length, 10);
    // SE recomputed from per-respondent scores: root = equal mean of the level-2 scores, PerceivedQuality = Σ (v_i/10)·dimension score;
    // SE = sample SD / √n.
    const sc = indexScores(ci.forms, columns, ci.itemMoments, 'mean');
    const childScore = (name: string): Float64Array | number[] =>
      name === 'PerceivedQuality' ? sc[dims[0]].map((_, r) => dims.reduce((a, d, i) => a + (v[i] / 10) * sc[d][r], 0)) : sc[name];
    const kidScores = root.children.map((c) => childScore(c.name));
    const nR = kidScores[0].length;
    const rootScore = Array.from({ length: nR }, (_, r) => kidScores.reduce((a, k) => a + k[r], 0) / kidScores.length);
    const mR = rootScore.reduce((a, b) => a + b, 0) / nR;
    expect(mR).toBeCloseTo(root.index.mean!, 9);
    const sdR = Math.sqrt(rootScore.reduce((a, b) => a + (b - mR) ** 2, 0) / (nR - 1));
    expect(root.index.se).toBeCloseTo(sdR / Math.sqrt(nR), 10);
  });

  it('refuses an AHP matrix with CR ≥ 0.10 unless forced; effects and entropy weights', () => {
    const dims = ['Network', 'Billing', 'ValueAdded'];
    const spec = { nodes: { PerceivedQuality: { ahp: { dimensions: [...dims, 'AgentAttitude', 'AgentEfficiency'], matrix: [[1, 9, 1 / 9, 1, 1], [1 / 9, 1, 9, 1, 1], [9, 1 / 9, 1, 1, 1], [1, 1, 1, 1, 1], [1, 1, 1, 1, 1]] } } } };
    expect(() => rollUpHierarchy(res, ci, { model, scales, spec })).toThrow(/CR = .* ≥ 0\.10/);
    const forced = rollUpHierarchy(res, ci, { model, scales, spec: { ...spec, force: true } });
    expect(forced.warnings.some((w) => w.code === 'INCONSISTENT_MATRIX')).toBe(true);
    const eff = rollUpHierarchy(res, ci, { model, scales, spec: { levels: { '2': 'effects' } } }).root;
    expect(eff.children.find((c) => c.name === 'Satisfaction')!.weight).toBe(0);
    expect(find(eff, 'Loyalty')!.weight).toBe(0);
    expect(eff.children.reduce((a, c) => a + c.weight, 0)).toBeCloseTo(1, 12);
    const ent = rollUpHierarchy(res, ci, { model, scales, spec: { levels: { '4': 'entropy' } }, columns }).root;
    expect(ent.children.find((c) => c.name === 'Satisfaction')!.children.reduce((a, c) => a + c.weight, 0)).toBeCloseTo(1, 12);
    expect(() => rollUpHierarchy(res, ci, { model, scales, spec: { levels: { '4': 'entropy' } } })).toThrow(/need the rows/);
    expect(() => rollUpHierarchy(res, ci, { model, scales, spec: { nodes: { Nope: 'equal' } } })).toThrow(/Nope/);
  });
});

describe('rollUpHierarchy: entropy weights come from the children as rolled up', () => {
  it('entropy at level 3 over dimensions whose items are equal-weighted uses those equal-weighted scores', () => {
    const { root } = rollUpHierarchy(res, ci, { model, scales, spec: { levels: { '3': 'entropy', '4': 'equal' } }, columns });
    const pq = find(root, 'PerceivedQuality')!;
    // By hand: each dimension's score = mean of its items' 0-100 scores (missing cell = item mean); then Shannon entropy weights.
    const n = survey.items[0].length;
    const d = pq.children.map((dim) => {
      const s = new Float64Array(n);
      for (const it of dim.children) {
        const col = columns[it.name];
        const [lo, hi] = scales[it.name];
        let sum = 0;
        let m = 0;
        for (const v of col) if (!Number.isNaN(v)) (sum += v), m++;
        for (let r = 0; r < n; r++) s[r] += (100 * ((Number.isNaN(col[r]) ? sum / m : col[r]) - lo)) / (hi - lo) / dim.children.length;
      }
      const tot = s.reduce((a, b) => a + b, 0);
      let e = 0;
      for (const v of s) if (v > 0) e -= (v / tot) * Math.log(v / tot);
      return 1 - e / Math.log(n);
    });
    const sumD = d.reduce((a, b) => a + b, 0);
    pq.children.forEach((dim, i) => expect(dim.weight, dim.name).toBeCloseTo(d[i] / sumD, 10));
  });
});

describe('rollUpHierarchy: pls weights under a higher-order construct with explicit item weights', () => {
  it('sum to 1: each dimension gets the share of the construct’s item weights on its items; the node is their weighted mean', () => {
    const pqItems = ['NET1', 'NET2', 'NET3', 'NET4', 'BIL1', 'BIL2', 'BIL3', 'VAS1', 'VAS2', 'ATT1', 'ATT2', 'ATT3', 'EFF1', 'EFF2', 'EFF3'];
    const ciX = constructIndices(res, moments, { model, scales, weights: { PerceivedQuality: Object.fromEntries(pqItems.map((k) => [k, 1])) } });
    const { root } = rollUpHierarchy(res, ciX, { model, scales, spec: {} });
    const pq = find(root, 'PerceivedQuality')!;
    // All items on one range, equal item weights: a dimension with m items carries m/15 of the index.
    const m: Record<string, number> = { Network: 4, Billing: 3, ValueAdded: 2, AgentAttitude: 3, AgentEfficiency: 3 };
    for (const d of pq.children) expect(d.weight, d.name).toBeCloseTo(m[d.name] / 15, 12);
    expect(pq.index.mean).toBeCloseTo(pq.children.reduce((a, d) => a + d.weight * d.index.mean!, 0), 10);
  });
});
