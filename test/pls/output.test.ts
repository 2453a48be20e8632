import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { studyJsonSchema } from '../../src/study/index.js';
import { runCsi as run } from '../helpers/cli.js';

const codebook = 'fixtures/telecom.codebook.json';
const model = 'fixtures/telecom.model';

describe('every computed result in JSON and text (issues 17.3, 17.24, 17.9, 17.21, 17.23)', () => {
  it('--f2 shows f² in --json and in the text; VIF and Fornell–Larcker are in both', async () => {
    const j = await run(['estimate', 'fixtures/telecom.csv', '--codebook', codebook, '--model', model, '--f2', '--json']);
    expect(j.code).toBe(0);
    const doc = studyJsonSchema.parse(JSON.parse(j.out));
    expect(doc.fSquared?.length).toBe(doc.paths.length);
    expect(doc.fSquared?.every((e) => e.value === null || e.value >= 0)).toBe(true);
    expect(Object.keys(doc.vif?.items ?? {})).toContain('Image');
    expect(doc.vif?.inner.Satisfaction?.Value).toBeGreaterThan(1);
    expect(doc.fornellLarcker?.constructs).toContain('Loyalty');
    const t = await run(['estimate', 'fixtures/telecom.csv', '--codebook', codebook, '--model', model, '--f2']);
    expect(t.out).toMatch(/Paths\n\s+estimate\s+f²\n/);
    expect(t.out).toContain('Fornell–Larcker');
    expect(t.out).toContain('Inner VIF');
    expect(t.out).toMatch(/IMG1\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}/);
  });

  it('text tables align for long and East Asian names', async () => {
    const t = await run(['estimate', 'fixtures/telecom.csv', '--codebook', codebook, '--model', model]);
    const rel = t.out.split('Reliability\n')[1].split('\n\n')[0].split('\n');
    const ends = rel.map((l) => l.length);
    expect(new Set(ends).size).toBe(1); // every row ends in the same column
    const { alignColumns, textWidth } = await import('../../src/data/textWidth.js');
    const rows = alignColumns([['', 'x'], ['满意度', '0.5'], ['PerceivedQuality', '0.25']], 1);
    expect(new Set(rows.map(textWidth)).size).toBe(1);
  });

  it('casewise deletion reports the missing cells that caused the deletions', async () => {
    const j = await run(['estimate', 'fixtures/telecom.csv', '--codebook', codebook, '--model', model, '--missing', 'casewise', '--json']);
    const mean = await run(['estimate', 'fixtures/telecom.csv', '--codebook', codebook, '--model', model, '--json']);
    const c = JSON.parse(j.out).missing;
    expect(c.rowsDeleted).toBeGreaterThan(0);
    expect(c.missingCells).toBe(JSON.parse(mean.out).missing.missingCells);
  });

  it('one list of warnings: allWarnings(result) and the JSON hold every warning once', async () => {
    const { readSurvey } = await import('../../src/data/readSurvey.js');
    const { parseModel } = await import('../../src/model/parse.js');
    const { estimate } = await import('../../src/inference/estimate.js');
    const { resultToJson } = await import('../../src/pls/result-json.js');
    const survey = readSurvey(readFileSync('fixtures/telecom.csv'), { codebook: JSON.parse(readFileSync(codebook, 'utf8')) });
    const r = estimate(survey, parseModel(readFileSync(model, 'utf8')));
    const { allWarnings } = await import('../../src/index.js');
    expect(r.quality!.warnings.length).toBeGreaterThan(0);
    const all = allWarnings(r);
    for (const w of [...r.warnings, ...r.quality!.warnings]) expect(all).toContain(w);
    const json = resultToJson(r);
    expect(new Set(json.warnings).size).toBe(json.warnings.length);
  });

  it('rhoA above 1 is inadmissible, not redundancy; a negative loading hints a reverse item', async () => {
    const { readSurvey } = await import('../../src/data/readSurvey.js');
    const { parseModel } = await import('../../src/model/parse.js');
    const { estimate } = await import('../../src/inference/estimate.js');
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const lines = ['a1,a2,a3,b1,b2'];
    for (let r = 0; r < 200; r++) {
      const f = rnd();
      const g = rnd();
      lines.push([f + 0.3 * rnd(), f + 0.3 * rnd(), -f + 0.9 * rnd(), g + f * 0.5 + 0.3 * rnd(), g + 0.3 * rnd()].map((x) => x.toFixed(4)).join(','));
    }
    const codebook = { items: ['a1', 'a2', 'a3', 'b1', 'b2'].map((id) => ({ id, scale: { min: -5, max: 5 } })) };
    const r = estimate(readSurvey(lines.join('\n'), { codebook }), parseModel('A =~ a1 + a2 + a3\nB =~ b1 + b2\nB ~ A'));
    expect(r.quality!.reliability.B.rhoA).toBeGreaterThan(1);
    const msgs = r.quality!.warnings.map((w) => `${w.code}: ${w.message}`);
    expect(msgs.some((m) => m.startsWith('INADMISSIBLE: B: rhoA') && m.includes('inadmissible'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('HIGH_RELIABILITY: B') && m.includes('rhoA'))).toBe(false);
    expect(msgs.some((m) => m.includes('a3 loads -') && m.includes('reverse'))).toBe(true);
  });

  it('the bootstrap text shows effects, weights, loadings and R², not paths only', async () => {
    const t = await run(['estimate', 'fixtures/telecom.csv', '--codebook', codebook, '--model', model, '--boot', '20', '--seed', '3']);
    expect(t.code).toBe(0);
    for (const title of ['Paths', 'Total effects', 'Outer weights', 'Loadings', 'R²']) expect(t.out).toMatch(new RegExp(`\\n  ${title}\\s+estimate\\s+mean\\s+SE`));
  });
});
