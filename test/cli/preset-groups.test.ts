import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetFromFlags, presetMapFromCodebook } from '../../src/cli/presetModel.js';
import { parseCodebook, type Codebook } from '../../src/data/index.js';
import { isCsiError } from '../../src/errors.js';
import { runCsi as run, tempDir } from '../helpers/cli.js';

const { dir } = tempDir('csi-groups-');

const base = JSON.parse(readFileSync('fixtures/telecom.codebook.json', 'utf8')) as Codebook;
/** Item-name prefix → group, in mixed case (groups match construct names case-insensitively). */
const GROUPS: Record<string, string> = { IMG: 'Image', EXQ: 'expectation', VAL: 'VALUE', SAT: 'Satisfaction', CMP: ' Complaints ', LOY: 'loyalty' };
/** The --map equivalent of GROUPS, items in codebook order. */
const MAP = { Image: ['IMG1', 'IMG2', 'IMG3', 'IMG4'], Expectation: ['EXQ1', 'EXQ2', 'EXQ3'], Value: ['VAL1', 'VAL2'], Satisfaction: ['SAT1', 'SAT2', 'SAT3'], Complaints: ['CMP1', 'CMP2'], Loyalty: ['LOY1', 'LOY2', 'LOY3'] };

function grouped(groups: Record<string, string>, name: string): string {
  const cb = { ...base, items: base.items.map((it) => (/^[A-Z]+\d$/.test(it.id) && groups[it.id.replace(/\d$/, '')] !== undefined ? { ...it, group: groups[it.id.replace(/\d$/, '')] } : it)) };
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(cb, null, 2));
  return file;
}

const cbFile = grouped(GROUPS, 'grouped.json');
const mapFile = join(dir, 'map.json');
writeFileSync(mapFile, JSON.stringify(MAP));
const DATA = 'fixtures/telecom.csv';

describe('codebook groups bind a preset (issue 17.8)', () => {
  it('the codebook groups are the --map: same map, in codebook order', () => {
    expect(presetMapFromCodebook('ECSI', parseCodebook(JSON.parse(readFileSync(cbFile, 'utf8'))))).toEqual(MAP);
  });

  it('csi estimate --preset ecsi --codebook CB (groups) equals --map FILE, bit for bit', async () => {
    const g = await run(['estimate', DATA, '--codebook', cbFile, '--preset', 'ecsi', '--json']);
    expect(g.code, g.err).toBe(0);
    const m = await run(['estimate', DATA, '--codebook', 'fixtures/telecom.codebook.json', '--preset', 'ecsi', '--map', mapFile, '--json']);
    expect(m.code, m.err).toBe(0);
    expect(g.out).toBe(m.out);
    const doc = JSON.parse(g.out);
    expect(Object.keys(doc.rSquared)).toContain('Satisfaction');
    expect(doc.paths.some((p: { from: string }) => p.from === 'Quality')).toBe(false); // Quality has no items: dropped with its paths
  });

  it('text output and bootstrap are the same too', async () => {
    const g = await run(['estimate', DATA, '--codebook', cbFile, '--preset', 'ECSI', '--boot', '20', '--seed', '3']);
    const m = await run(['estimate', DATA, '--codebook', cbFile, '--preset', 'ECSI', '--map', mapFile, '--boot', '20', '--seed', '3']);
    expect(g.code, g.err).toBe(0);
    expect(g.out).toBe(m.out);
  });

  it('--map wins over groups (a bad group is not read when --map is given)', async () => {
    const bad = grouped({ ...GROUPS, IMG: 'Brand' }, 'bad-but-mapped.json');
    const g = await run(['estimate', DATA, '--codebook', bad, '--preset', 'ecsi', '--map', mapFile, '--json']);
    expect(g.code, g.err).toBe(0);
    const m = await run(['estimate', DATA, '--codebook', cbFile, '--preset', 'ecsi', '--map', mapFile, '--json']);
    expect(g.out).toBe(m.out);
    const partial = join(dir, 'partial-map.json');
    writeFileSync(partial, JSON.stringify({ Image: MAP.Image, Satisfaction: MAP.Satisfaction }));
    const p = JSON.parse((await run(['estimate', DATA, '--codebook', cbFile, '--preset', 'ecsi', '--map', partial, '--json'])).out);
    expect(Object.keys(p.rSquared)).toEqual(['Satisfaction']);
  });

  it('the groups of a study file codebook bind the preset too', async () => {
    const study = join(dir, 'study.json');
    writeFileSync(study, JSON.stringify({ codebook: JSON.parse(readFileSync(cbFile, 'utf8')) }));
    const s = await run(['estimate', DATA, '--study', study, '--preset', 'ecsi', '--json']);
    expect(s.code, s.err).toBe(0);
    const g = await run(['estimate', DATA, '--codebook', cbFile, '--preset', 'ecsi', '--json']);
    expect(s.out).toBe(g.out);
  });

  it('--engine duckdb takes the groups as well', async () => {
    const g = await run(['estimate', DATA, '--codebook', cbFile, '--preset', 'ecsi', '--json']);
    const e = await run(['estimate', DATA, '--codebook', cbFile, '--preset', 'ecsi', '--json', '--engine', 'duckdb']);
    expect(e.code, e.err).toBe(0);
    const a = JSON.parse(g.out).paths;
    const b = JSON.parse(e.out).paths;
    expect(b.map((p: { from: string; to: string }) => `${p.from}->${p.to}`)).toEqual(a.map((p: { from: string; to: string }) => `${p.from}->${p.to}`));
    b.forEach((p: { estimate: number }, i: number) => expect(p.estimate).toBeCloseTo(a[i].estimate, 10));
  });

  it('csi model --preset ecsi --codebook CB prints the bound model (the same as with the --map)', async () => {
    const g = await run(['model', '--preset', 'ecsi', '--codebook', cbFile]);
    expect(g.code, g.err).toBe(0);
    expect(g.out).toContain('Image =~ IMG1 + IMG2 + IMG3 + IMG4');
    expect(g.out).not.toContain('Quality');
    expect(g.out).toBe((await run(['model', '--preset', 'ecsi', '--map', mapFile])).out);
  });

  it('csi inspect --write-codebook keeps the groups', async () => {
    const out = join(dir, 'draft.json');
    const r = await run(['inspect', DATA, '--codebook', cbFile, '--write-codebook', out]);
    expect(r.code, r.err).toBe(0);
    const draft = JSON.parse(readFileSync(out, 'utf8')) as Codebook;
    expect(draft.items.find((it) => it.id === 'SAT2')?.group).toBe('Satisfaction');
    expect(presetMapFromCodebook('ECSI', parseCodebook(draft))).toEqual(MAP);
  });
});

describe('codebook group errors', () => {
  it('a group naming no construct of the preset names the item and the accepted names', async () => {
    const bad = grouped({ ...GROUPS, VAL: 'Worth' }, 'bad.json');
    const r = await run(['estimate', DATA, '--codebook', bad, '--preset', 'ecsi']);
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toContain('VAL1');
    expect(r.err).toContain('"Worth"');
    expect(r.err).toContain('Image, Expectation, Quality, Value, Satisfaction, Complaints, Loyalty');
    expect((await run(['model', '--preset', 'ecsi', '--codebook', bad])).code).toBe(2);
    try {
      await presetFromFlags('ecsi', undefined, bad);
      expect.unreachable();
    } catch (e) {
      expect(isCsiError(e) && e.code).toBe('UNKNOWN_CONSTRUCT');
      expect(isCsiError(e) && e.column).toBe('VAL1');
    }
  });

  it('a group valid in one preset may be foreign to another (SCSB has no Image)', async () => {
    const r = await run(['estimate', DATA, '--codebook', cbFile, '--preset', 'scsb']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/IMG1.*SCSB accepts are Expectation, Value, Satisfaction, Complaints, Loyalty/);
  });

  it('no groups and no --map: says how to bind the preset', async () => {
    for (const args of [
      ['estimate', DATA, '--codebook', 'fixtures/telecom.codebook.json', '--preset', 'ecsi'],
      ['estimate', DATA, '--preset', 'ecsi'],
      ['model', '--preset', 'ecsi', '--codebook', 'fixtures/telecom.codebook.json'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toContain('--map FILE');
      expect(r.err).toContain('"group"');
    }
  });

  it('groups without the target: Satisfaction must have items', async () => {
    const { SAT: _sat, ...rest } = GROUPS;
    void _sat;
    const r = await run(['estimate', DATA, '--codebook', grouped(rest, 'nosat.json'), '--preset', 'ecsi']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('has no items for Satisfaction, the target of ECSI');
  });
});
