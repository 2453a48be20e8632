import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS, parseModel, preset, type ModelSpec, type PathSpec } from '../../src/model/index.js';
import { HAS_SHARED, SHARED, SKIP_MSG, err } from './shared.js';

const key = (p: PathSpec) => `${p.from}>${p.to}`;
const pathSet = (ps: readonly PathSpec[]) => ps.map(key).sort();
const stripLabels = (s: ModelSpec) => s.constructs.map(({ label: _l, ...c }) => c);

const mobiItems = {
  Image: ['IMAG1', 'IMAG2', 'IMAG3', 'IMAG4', 'IMAG5'],
  Expectation: ['CUEX1', 'CUEX2', 'CUEX3'],
  Quality: ['PERQ1', 'PERQ2', 'PERQ3', 'PERQ4', 'PERQ5', 'PERQ6', 'PERQ7'],
  Value: ['PERV1', 'PERV2'],
  Satisfaction: ['CUSA1', 'CUSA2', 'CUSA3'],
  Complaints: ['CUSCO'],
  Loyalty: ['CUSL1', 'CUSL2', 'CUSL3'],
};

describe('presets as data', () => {
  it('have bilingual labels on every construct and a Satisfaction target', () => {
    for (const def of Object.values(PRESETS)) {
      expect(def.target).toBe('Satisfaction');
      expect(def.label.en && def.label.zh).toBeTruthy();
      for (const c of def.constructs) expect(c.label.en && c.label.zh, `${def.name}.${c.name}`).toBeTruthy();
    }
  });

  it('ACSI: the 9 paths of methodology §1.1 (CE→PQ, CE→PV, CE→ACSI, PQ→PV, PQ→ACSI, PV→ACSI, ACSI→CC, ACSI→CL, CC→CL)', () => {
    const m: Record<string, string> = { CE: 'Expectation', PQ: 'Quality', PV: 'Value', ACSI: 'Satisfaction', CC: 'Complaints', CL: 'Loyalty' };
    const doc = 'CE>PQ CE>PV CE>ACSI PQ>PV PQ>ACSI PV>ACSI ACSI>CC ACSI>CL CC>CL'.split(' ').map((s) => s.split('>').map((x) => m[x]).join('>'));
    expect(pathSet(PRESETS.ACSI.paths)).toEqual(doc.sort());
  });

  it('SCSB: the 6 paths of methodology §3, no Image and no Quality', () => {
    const doc = ['Expectation>Value', 'Expectation>Satisfaction', 'Value>Satisfaction', 'Satisfaction>Complaints', 'Satisfaction>Loyalty', 'Complaints>Loyalty'];
    expect(pathSet(PRESETS.SCSB.paths)).toEqual(doc.sort());
    expect(PRESETS.SCSB.constructs.map((c) => c.name)).toEqual(['Expectation', 'Value', 'Satisfaction', 'Complaints', 'Loyalty']);
  });

  it('CCSI: 11 paths = ECSI without Complaints (the 10 shared paths, methodology §4.1) + Image → Quality', () => {
    const ecsiNoComplaints = PRESETS.ECSI.paths.filter((p) => p.from !== 'Complaints' && p.to !== 'Complaints');
    expect(ecsiNoComplaints).toHaveLength(10);
    expect(pathSet(PRESETS.CCSI.paths)).toEqual(pathSet([...ecsiNoComplaints, { from: 'Image', to: 'Quality' }]));
    expect(PRESETS.CCSI.constructs.map((c) => c.label.zh)).toEqual(['品牌形象', '预期质量', '感知质量', '感知价值', '顾客满意度', '顾客忠诚']);
  });
});

describe('preset()', () => {
  it.skipIf(!HAS_SHARED)(`ECSI bound to the mobi items equals parseModel(mobi-ecsi.model) (skipped: ${SKIP_MSG})`, () => {
    const text = parseModel(readFileSync(path.join(SHARED, 'reference', 'mobi-ecsi.model'), 'utf8'));
    const spec = preset('ECSI', { items: mobiItems });
    expect(stripLabels(spec)).toEqual(text.constructs); // same construct order
    expect(pathSet(spec.paths)).toEqual(pathSet(text.paths)); // paths listed by source (seminr) vs by target (file)
    expect(spec.paths).toHaveLength(12);
    expect([spec.name, spec.target]).toEqual(['ECSI', 'Satisfaction']);
  });

  it.skipIf(!HAS_SHARED)(`ECSI without Complaints has the paths of the plspm satisfaction model (skipped: ${SKIP_MSG})`, () => {
    const text = parseModel(readFileSync(path.join(SHARED, 'reference', 'peer-fixtures/models/satisfaction-modeA.model'), 'utf8'));
    const rename: Record<string, string> = { IMAG: 'Image', EXPE: 'Expectation', QUAL: 'Quality', VAL: 'Value', SAT: 'Satisfaction', LOY: 'Loyalty' };
    const items = Object.fromEntries(text.constructs.map((c) => [rename[c.name], c.items!]));
    const spec = preset('ECSI', { items, omit: ['Complaints'] });
    expect(pathSet(spec.paths)).toEqual(pathSet(text.paths.map((p) => ({ from: rename[p.from], to: rename[p.to] }))));
  });

  it('binds labels and modes; a mode override turns a block into mode B', () => {
    const spec = preset('ECSI', { items: mobiItems, modes: { Quality: 'B' } });
    const q = spec.constructs.find((c) => c.name === 'Quality')!;
    expect(q).toEqual({ name: 'Quality', mode: 'B', items: mobiItems.Quality, label: { en: 'Perceived quality', zh: '感知质量' } });
  });

  it('a missing binding throws EMPTY_CONSTRUCT naming the construct', () => {
    const { Loyalty: _omit, ...rest } = mobiItems;
    const e = err(() => preset('ECSI', { items: rest }));
    expect([e.code, e.construct]).toEqual(['EMPTY_CONSTRUCT', 'Loyalty']);
    expect(err(() => preset('ECSI', { items: { ...mobiItems, Value: [] } })).construct).toBe('Value');
  });

  it('a binding for a construct the preset lacks throws UNKNOWN_CONSTRUCT', () => {
    const e = err(() => preset('CCSI', { items: { ...mobiItems } }));
    expect([e.code, e.construct]).toEqual(['UNKNOWN_CONSTRUCT', 'Complaints']);
    expect(err(() => preset('SCSB', { items: {}, omit: ['Image'] })).code).toBe('UNKNOWN_CONSTRUCT');
  });

  it('an unknown preset name throws INVALID_OPTION', () => {
    expect(err(() => preset('NCSB' as 'ACSI')).code).toBe('INVALID_OPTION');
  });

  it('CCSI: the path list is editable (e.g. Value → Loyalty as the 11th path)', () => {
    const { Complaints: _c, ...items } = mobiItems;
    const ten = PRESETS.CCSI.paths.filter((p) => !(p.from === 'Image' && p.to === 'Quality'));
    const spec = preset('CCSI', { items, paths: [...ten, { from: 'Value', to: 'Loyalty' }] });
    expect(spec.paths).toHaveLength(11);
    expect(spec.paths.map(key)).toContain('Value>Loyalty');
    expect(spec.paths.map(key)).not.toContain('Image>Quality');
    expect(preset('CCSI', { items }).paths.map(key)).toContain('Image>Quality');
  });

  it('CCSI with perceived-quality dimensions gives a higher-order Quality with its dimensions just before it', () => {
    const spec = preset('CCSI', {
      items: { Image: ['i1'], Expectation: ['e1'], Value: ['v1'], Satisfaction: ['s1', 's2'], Loyalty: ['l1'] },
      dimensions: { Quality: { Network: ['n1', 'n2'], Billing: ['b1'], Attitude: ['a1'], Efficiency: ['f1'] } },
      modes: { Billing: 'B' },
      labels: { Network: { en: 'Network quality', zh: '网络质量' } },
    });
    expect(spec.constructs.map((c) => c.name)).toEqual(['Image', 'Expectation', 'Network', 'Billing', 'Attitude', 'Efficiency', 'Quality', 'Value', 'Satisfaction', 'Loyalty']);
    expect(spec.constructs[6]).toMatchObject({ name: 'Quality', dimensions: ['Network', 'Billing', 'Attitude', 'Efficiency'] });
    expect(spec.constructs[3].mode).toBe('B');
    expect(spec.constructs[2].label).toEqual({ en: 'Network quality', zh: '网络质量' });
  });

  it('binding a construct to both items and dimensions throws MIXED_BLOCK', () => {
    const e = err(() => preset('SCSB', { items: { Expectation: ['e'], Value: ['v'], Satisfaction: ['s'], Complaints: ['c'], Loyalty: ['l'] }, dimensions: { Value: { V1: ['x'] } } }));
    expect([e.code, e.construct]).toEqual(['MIXED_BLOCK', 'Value']);
  });

  it('returns fresh objects: editing a result does not change the preset data', () => {
    const { Complaints: _c, ...items } = mobiItems;
    const spec = preset('CCSI', { items });
    spec.paths.pop();
    spec.constructs[0].label!.en = 'changed';
    expect(PRESETS.CCSI.paths).toHaveLength(11);
    expect(PRESETS.CCSI.constructs[0].label.en).toBe('Image');
  });

  it('names renames constructs in constructs, paths and target; other options may use either name', () => {
    const spec = preset('CCSI', {
      names: { Quality: 'PerceivedQuality', Satisfaction: '满意度' },
      items: { Image: ['i1'], Expectation: ['e1'], Value: ['v1'], 满意度: ['s1'], Loyalty: ['l1'] },
      dimensions: { PerceivedQuality: { Network: ['n1'], Billing: ['b1'] } },
      modes: { Quality: 'B' },
    });
    expect(spec.target).toBe('满意度');
    expect(spec.constructs.find((c) => c.name === 'PerceivedQuality')).toMatchObject({ mode: 'B', dimensions: ['Network', 'Billing'], label: { zh: '感知质量' } });
    expect(spec.constructs.some((c) => c.name === 'Quality')).toBe(false);
    expect(spec.paths.map(key)).toContain('Image>PerceivedQuality');
    expect(spec.paths.map(key)).toContain('PerceivedQuality>满意度');
    expect(spec.paths).toHaveLength(11);
    expect(err(() => preset('CCSI', { names: { Complaints: 'C' } })).code).toBe('UNKNOWN_CONSTRUCT');
  });
});
