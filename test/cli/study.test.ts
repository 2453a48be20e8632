import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studyJsonSchema } from '../../src/study/index.js';
import { HAS_SHARED, SHARED, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';
import { runCsi as run, tempDir } from '../helpers/cli.js';

const { dir, file } = tempDir('csi-study-');

describe.skipIf(!HAS_SHARED)(`csi estimate with indices — ${HAS_SHARED ? 'mobi' : SKIP_MESSAGE}`, () => {
  const data = join(SHARED, 'datasets/mobi.csv');
  const model = join(SHARED, 'reference/mobi-ecsi.model');

  it('--json prints the Study (validated by studyJsonSchema) with indices, ipma and impacts', async () => {
    const { code, out } = await run(['estimate', data, '--model', model, '--scale', '1:10', '--ipma', 'Satisfaction', '--json']);
    expect(code).toBe(0);
    const study = JSON.parse(out);
    const parsed = studyJsonSchema.safeParse(study);
    expect(parsed.success, JSON.stringify(parsed.error?.issues?.[0])).toBe(true);
    const ref = JSON.parse(sharedText('reference/mobi-ecsi.json')).acsi_index;
    expect(Math.abs(study.indices.Satisfaction.mean - ref.mean_index.Satisfaction)).toBeLessThan(1e-6);
    expect(study.ipma.Satisfaction.priorities.length).toBe(4);
    expect(Object.keys(study.impacts.Satisfaction)).toContain('Quality');
  });

  it('readable output shows the indices with intervals and the IPMA priority list', async () => {
    const { code, out } = await run(['estimate', data, '--model', model, '--scale', '1:10', '--ipma', 'Satisfaction']);
    expect(code).toBe(0);
    expect(out).toMatch(/Indices \(0-100/);
    const ref = JSON.parse(sharedText('reference/mobi-ecsi.json')).acsi_index.mean_index.Satisfaction as number;
    expect(out).toMatch(new RegExp(`Satisfaction\\s+${ref.toFixed(1).replace('.', '\\.')} \\[`));
    expect(out).toMatch(/IPMA for Satisfaction/);
  });

  it('--study FILE with flags overriding it; --hierarchy; --index-scores FILE', async () => {
    const studyFile = join(dir, 'study.json');
    writeFileSync(studyFile, JSON.stringify({ model: sharedText('reference/mobi-ecsi.model'), scale: [1, 10], indexWeights: 'equal' }));
    const hier = join(dir, 'h.json');
    writeFileSync(hier, JSON.stringify({ levels: { '2': { ahp: { dimensions: ['Image', 'Expectation', 'Quality', 'Value', 'Satisfaction', 'Complaints', 'Loyalty'], matrix: consistent([1, 1, 2, 1, 3, 1, 2]) } } } }));
    const scores = join(dir, 'scores.csv');
    const { code, out, err } = await run(['estimate', data, '--study', studyFile, '--index-weights', 'pls', '--hierarchy', hier, '--index-scores', scores, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const study = JSON.parse(out);
    expect(study.indexWeightSource).toBe('pls');
    expect(study.indexScores).toBeUndefined();
    expect(study.hierarchy.level).toBe(1);
    expect(study.hierarchy.ahp.cr).toBeCloseTo(0, 10);
    expect(study.hierarchy.children.map((c: { weight: number }) => c.weight)[2]).toBeCloseTo(2 / 11, 10);
    const csv = readFileSync(scores, 'utf8').split('\n');
    expect(csv[0]).toBe('row,Image,Expectation,Quality,Value,Satisfaction,Complaints,Loyalty');
    const ref = JSON.parse(sharedText('reference/mobi-ecsi.json')).acsi_index;
    expect(Math.abs(Number(csv[1].split(',')[5]) - ref.detail.Satisfaction.first5_index[0])).toBeLessThan(1e-6);
  });

  it('bad input: one line, exit 2', async () => {
    for (const [args, re] of [
      [['--scale', '5:5'], /^csi: Scale 5:5 is invalid: min must be below max\.\n$/],
      [['--scale', '1:5'], /^csi: Item \w+: \d+ is outside its scale 1:5\./],
      [['--scale', '1:10', '--ipma', 'Image'], /^csi: IPMA target Image is not endogenous/],
      [['--scale', '1:10', '--ipma', 'Nope'], /^csi: IPMA target Nope is not a construct/],
      [['--index-weights', 'x'], /^csi: --index-weights must be pls or equal/],
      [['--scale', 'ten'], /^csi: --scale must be MIN:MAX/],
      [['--scale', '1:10', '--hierarchy', hierFile('mismatch.json', { levels: { '4': { ahp: { dimensions: ['CUSA1', 'CUSA2', 'CUSA3'], matrix: [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]] } } } })], /^csi: The AHP matrix for Image names CUSA1, CUSA2, CUSA3; its children are IMAG1/],
      [['--scale', '1:10', '--hierarchy', hierFile('cr.json', { nodes: { Satisfaction: { ahp: { dimensions: ['CUSA1', 'CUSA2', 'CUSA3'], matrix: [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]] } } } })], /^csi: The AHP matrix for Satisfaction is inconsistent: CR = .* ≥ 0\.10/],
      [['--scale', '1:10', '--hierarchy', hierFile('neg.json', { nodes: { Satisfaction: { ahp: { dimensions: ['CUSA1', 'CUSA2', 'CUSA3'], matrix: [[1, -2, 1], [-0.5, 1, 1], [1, 1, 1]] } } } })], /^csi: The AHP matrix \(CUSA1, CUSA2, CUSA3\) entry \[1\]\[2\] = -2 is not a positive number/],
      [['--scale', '1:10', '--hierarchy', hierFile('bad.json', { levels: { '5': 'pls' } })], /^csi: Study hierarchy\.levels/],
    ] as const) {
      const { code, err } = await run(['estimate', data, '--model', model, ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(err, args.join(' ')).toMatch(re);
      expect(err.trim().split('\n')).toHaveLength(1);
    }
  });
});

function hierFile(name: string, json: unknown): string {
  return file(name, JSON.stringify(json));
}

/** A consistent pairwise matrix a_ij = v_i / v_j. */
function consistent(v: number[]): number[][] {
  return v.map((a) => v.map((b) => a / b));
}

describe('csi ahp', () => {
  it('prints weights, λmax, CI, CR; a consistent matrix gives its exact weights with CR 0', async () => {
    const f = join(dir, 'm.json');
    writeFileSync(f, JSON.stringify({ dimensions: ['a', 'b', 'c'], matrix: consistent([4, 2, 1]) }));
    const { code, out } = await run(['ahp', f, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.weights.a).toBeCloseTo(4 / 7, 12);
    expect(r.cr).toBeCloseTo(0, 12);
    expect(r.warnings).toEqual([]);
    const text = await run(['ahp', f]);
    expect(text.out).toMatch(/λmax 3\.0000/);
  });
  it('an inconsistent matrix is reported with a warning, exit 0', async () => {
    const f = join(dir, 'bad.json');
    writeFileSync(f, JSON.stringify({ dimensions: ['a', 'b', 'c'], matrix: [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]] }));
    const { code, out } = await run(['ahp', f]);
    expect(code).toBe(0);
    expect(out).toMatch(/Warning: CR = .* ≥ 0\.10/);
  });
  it('a non-positive or non-reciprocal matrix: exit 2, one line', async () => {
    for (const [m, re] of [
      [[[1, 0], [0, 1]], /not a positive number/],
      [[[1, 2], [2, 1]], /not reciprocal/],
      [[[1, 2]], /not square/],
    ] as const) {
      const f = join(dir, 'x.json');
      writeFileSync(f, JSON.stringify({ dimensions: m.length === 1 ? ['a'] : ['a', 'b'], matrix: m }));
      const { code, err } = await run(['ahp', f]);
      expect(code).toBe(2);
      expect(err).toMatch(re);
    }
  });
});

describe('--scale checks every value, in memory and with --engine duckdb', () => {
  it('a value outside --scale: exit 2, one line naming the item', async () => {
    const data = join(dir, 'oos.csv');
    writeFileSync(data, 'a,b,y\n1,2,3\n2,3,3\n3,3,4\n4,5,5\n5,4,7\n2,2,2\n');
    const model = join(dir, 'oos.model');
    writeFileSync(model, 'X =~ a + b\nY =~ y\nY ~ X\n');
    const mem = await run(['estimate', data, '--model', model, '--scale', '1:5']);
    expect(mem.code).toBe(2);
    expect(mem.err).toBe('csi: Item y: 7 is outside its scale 1:5. (row 6)\n');
    const duck = await run(['estimate', data, '--engine', 'duckdb', '--model', model, '--scale', '1:5']);
    expect(duck.code).toBe(2);
    expect(duck.err).toMatch(/^csi: .*item "y" .*outside/);
    const ok = await run(['estimate', data, '--engine', 'duckdb', '--model', model, '--scale', '1:7', '--json']);
    const inMem = await run(['estimate', data, '--model', model, '--scale', '1:7', '--json']);
    expect(ok.code).toBe(0);
    const a = JSON.parse(ok.out).indices;
    const b = JSON.parse(inMem.out).indices;
    for (const c of ['X', 'Y']) expect(Math.abs(a[c].mean - b[c].mean)).toBeLessThan(1e-10);
  });
});
