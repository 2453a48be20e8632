import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/data/index.js';
import { estimate } from '../../src/inference/index.js';
import { parseModel } from '../../src/model/index.js';
import { estimateFromMoments, plsResultJsonSchema, resultToJson } from '../../src/pls/index.js';
import { momentsFromSurvey } from '../../src/stats/index.js';

/** result.items: each item's mean, SD, n and scale, as the estimator standardized it. */
const dir = path.resolve(__dirname, '../../fixtures');
const survey = readSurvey(readFileSync(path.join(dir, 'telecom.csv'), 'utf8'), { codebook: JSON.parse(readFileSync(path.join(dir, 'telecom.codebook.json'), 'utf8')) });
const model = parseModel('Image =~ IMG1 + IMG2 + IMG3 + IMG4\nValue =~ VAL1 + VAL2\nSat =~ SAT1 + SAT2 + SAT3\nSat ~ Image + Value');
const items = ['IMG1', 'IMG2', 'IMG3', 'IMG4', 'VAL1', 'VAL2', 'SAT1', 'SAT2', 'SAT3'];
const col = (name: string) => survey.items[survey.itemNames.indexOf(name)];

/** Weighted mean and SD (divisor Σw − 1) of x over the rows where keep(r). */
function meanSd(x: Float64Array, w: (r: number) => number, keep: (r: number) => boolean): { mean: number; sd: number; n: number } {
  let sw = 0, s = 0, n = 0;
  for (let r = 0; r < x.length; r++) if (keep(r)) { sw += w(r); s += w(r) * x[r]; n++; }
  const mean = s / sw;
  let ss = 0;
  for (let r = 0; r < x.length; r++) if (keep(r)) ss += w(r) * (x[r] - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / (sw - 1)), n };
}

describe('PlsResult.items', () => {
  it('has every item the model uses, with the codebook scale', () => {
    const res = estimate(survey, model);
    expect(Object.keys(res.items)).toEqual(items);
    for (const item of items) expect(res.items[item].scale).toEqual([1, 10]);
  });

  it('mean replacement: the observed mean, the SD of the filled column (n − 1), n = rows used', () => {
    const res = estimate(survey, model, { missing: 'mean' });
    for (const item of items) {
      const x = col(item);
      const obs = meanSd(x, () => 1, (r) => !Number.isNaN(x[r]));
      const filled = Float64Array.from(x, (v) => (Number.isNaN(v) ? obs.mean : v));
      const want = meanSd(filled, () => 1, () => true);
      expect(res.items[item].mean).toBeCloseTo(obs.mean, 12);
      expect(res.items[item].sd).toBeCloseTo(want.sd, 12);
      expect(res.items[item].n).toBe(survey.n);
    }
    expect(items.some((item) => col(item).some(Number.isNaN))).toBe(true);
  });

  it('casewise: the complete rows; pairwise: the rows with the item observed', () => {
    const complete = (r: number) => items.every((item) => !Number.isNaN(col(item)[r]));
    const cw = estimate(survey, model, { missing: 'casewise' });
    const pw = estimate(survey, model, { missing: 'pairwise' });
    for (const item of items) {
      const x = col(item);
      const a = meanSd(x, () => 1, complete);
      expect(cw.items[item]).toMatchObject({ n: a.n });
      expect(cw.items[item].mean).toBeCloseTo(a.mean, 12);
      expect(cw.items[item].sd).toBeCloseTo(a.sd, 12);
      const b = meanSd(x, () => 1, (r) => !Number.isNaN(x[r]));
      expect(pw.items[item].n).toBe(b.n);
      expect(pw.items[item].mean).toBeCloseTo(b.mean, 12);
      expect(pw.items[item].sd).toBeCloseTo(b.sd, 12);
    }
  });

  it('weighted where weights are used (divisor Σw − 1, the estimator’s convention)', () => {
    const weights = Float64Array.from({ length: survey.n }, (_, r) => 1 + (r % 3));
    const res = estimate(survey, model, { missing: 'casewise', weights });
    const complete = (r: number) => items.every((item) => !Number.isNaN(col(item)[r]));
    for (const item of items) {
      const want = meanSd(col(item), (r) => weights[r], complete);
      expect(res.items[item].mean).toBeCloseTo(want.mean, 12);
      expect(res.items[item].sd).toBeCloseTo(want.sd, 12);
    }
  });

  it('from bare moments the scale is null unless `scales` names it; the JSON carries items', () => {
    const mo = momentsFromSurvey(survey, { items });
    const bare = estimateFromMoments(mo, model);
    expect(bare.items.IMG1.scale).toBeNull();
    const scaled = estimateFromMoments(mo, model, { scales: { IMG1: [0, 10] } });
    expect(scaled.items.IMG1.scale).toEqual([0, 10]);
    expect(scaled.items.IMG2.scale).toBeNull();
    expect(scaled.items.IMG1.mean).toBe(estimate(survey, model).items.IMG1.mean);
    const doc = plsResultJsonSchema.parse(JSON.parse(JSON.stringify(resultToJson(scaled))));
    expect(doc.items.IMG1).toEqual(scaled.items.IMG1);
  });
});
