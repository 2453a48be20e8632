import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/parse.js';
import { runCsi as run, tempDir } from '../helpers/cli.js';

const { dir } = tempDir('csi-model-');

describe('presets on the command line (issue 17.8)', () => {
  it('csi model --preset ccsi prints the preset as model text that parses', async () => {
    const r = await run(['model', '--preset', 'ccsi']);
    expect(r.code).toBe(0);
    const spec = parseModel(r.out);
    expect(spec.constructs.map((c) => c.name)).toContain('Satisfaction');
    expect(r.out).toContain('Image =~ Image1 + Image2 + Image3');
  });

  it('csi estimate --preset ecsi --map FILE estimates the preset on the mapped items (unmapped constructs dropped)', async () => {
    const map = join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ Image: ['IMG1', 'IMG2', 'IMG3', 'IMG4'], Expectation: ['EXQ1', 'EXQ2', 'EXQ3'], Value: ['VAL1', 'VAL2'], Satisfaction: ['SAT1', 'SAT2', 'SAT3'], Complaints: ['CMP1', 'CMP2'], Loyalty: ['LOY1', 'LOY2', 'LOY3'] }));
    const r = await run(['estimate', 'fixtures/telecom.csv', '--codebook', 'fixtures/telecom.codebook.json', '--preset', 'ecsi', '--map', map, '--json']);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc.rSquared)).toContain('Satisfaction');
    expect(doc.paths.some((p: { from: string }) => p.from === 'Quality')).toBe(false);
  });

  it('--preset --map works with --engine duckdb too, and equals the in-memory estimate', async () => {
    const map = join(dir, 'map2.json');
    writeFileSync(map, JSON.stringify({ Image: ['IMG1', 'IMG2'], Satisfaction: ['SAT1', 'SAT2', 'SAT3'], Loyalty: ['LOY1', 'LOY2'] }));
    const args = ['estimate', 'fixtures/telecom.csv', '--codebook', 'fixtures/telecom.codebook.json', '--preset', 'ecsi', '--map', map, '--json'];
    const mem = await run(args);
    const eng = await run([...args, '--engine', 'duckdb']);
    expect(eng.code, eng.err).toBe(0);
    const a = JSON.parse(mem.out).paths;
    const b = JSON.parse(eng.out).paths;
    expect(b.map((p: { from: string; to: string }) => `${p.from}->${p.to}`)).toEqual(a.map((p: { from: string; to: string }) => `${p.from}->${p.to}`));
    b.forEach((p: { estimate: number }, i: number) => expect(p.estimate).toBeCloseTo(a[i].estimate, 10));
  });

  it('bad preset use is one line, exit 2', async () => {
    for (const args of [['model', '--preset', 'nope'], ['estimate', 'fixtures/telecom.csv', '--preset', 'ecsi'], ['model']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe('names with spaces (issue 17.20)', () => {
  it('the parser error for A =~ q 1 + q2 shows the quoting', () => {
    expect(() => parseModel('A =~ q 1 + q2')).toThrow(/written in double quotes: "q 1"/);
  });
  it('csi estimate --help mentions the quoting', async () => {
    expect((await run(['estimate', '--help'])).out).toContain('names with spaces in double quotes');
  });
});
