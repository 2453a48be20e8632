import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel, higherOrderConstructs } from '../../src/model/index.js';
import { HAS_SHARED, SHARED, SKIP_MSG } from './shared.js';

// Expected structure of every model file in ../shared/reference, written by hand from reading the files:
// [construct, mode, number of items | list of dimensions], and the paths as 'From>To' in file order.
type Expect = { constructs: [string, 'A' | 'B', number | string[]][]; paths: string };
const mobiItems: [string, 'A' | 'B', number][] = [
  ['Image', 'A', 5], ['Expectation', 'A', 3], ['Quality', 'A', 7], ['Value', 'A', 2],
  ['Satisfaction', 'A', 3], ['Complaints', 'A', 1], ['Loyalty', 'A', 3],
];
const satisfactionModel = (mode: 'A' | 'B'): Expect => ({
  constructs: [['IMAG', mode, 5], ['EXPE', mode, 5], ['QUAL', mode, 5], ['VAL', mode, 4], ['SAT', mode, 4], ['LOY', mode, 4]],
  paths: 'IMAG>EXPE EXPE>QUAL EXPE>VAL QUAL>VAL IMAG>SAT EXPE>SAT QUAL>SAT VAL>SAT IMAG>LOY SAT>LOY',
});
const russa = (mode: 'A' | 'B'): Expect => ({ constructs: [['AGRI', mode, 3], ['IND', mode, 2], ['POLINS', mode, 4]], paths: 'AGRI>POLINS IND>POLINS' });
const hocPaths = 'Expectation>Satisfaction Quality>Satisfaction Satisfaction>Complaints Satisfaction>Loyalty';

const EXPECTED: Record<string, Expect> = {
  'mobi-ecsi.model': {
    constructs: mobiItems,
    paths: 'Image>Expectation Image>Satisfaction Expectation>Satisfaction Quality>Satisfaction Value>Satisfaction ' +
      'Image>Loyalty Satisfaction>Loyalty Complaints>Loyalty Expectation>Quality Expectation>Value Quality>Value Satisfaction>Complaints',
  },
  'peer-fixtures/models/corp-rep-simple.model': {
    constructs: [['COMP', 'A', 3], ['LIKE', 'A', 3], ['CUSA', 'A', 1], ['CUSL', 'A', 3]],
    paths: 'COMP>CUSA LIKE>CUSA COMP>CUSL LIKE>CUSL CUSA>CUSL',
  },
  'peer-fixtures/models/mobi-hoc.model': {
    constructs: [['Image', 'A', 5], ['Expectation', 'A', 3], ['Quality', 'A', 7], ['Value', 'A', 2],
      ['Satisfaction', 'A', ['Image', 'Value']], ['Complaints', 'A', 1], ['Loyalty', 'A', 3]],
    paths: hocPaths,
  },
  'peer-fixtures/models/mobi-hoc-quality-modeB.model': {
    constructs: [['Expectation', 'A', 3], ['Quality', 'B', 7], ['Loyalty', 'A', 3], ['Image', 'A', 5], ['Complaints', 'A', 1],
      ['Value', 'A', 2], ['Satisfaction', 'A', ['Image', 'Value']]],
    paths: hocPaths,
  },
  'peer-fixtures/models/mobi-quality-modeB.model': {
    constructs: [['Expectation', 'A', 3], ['Quality', 'B', 7], ['Loyalty', 'A', 3], ['Image', 'A', 5], ['Complaints', 'A', 1]],
    paths: 'Image>Expectation Expectation>Loyalty Quality>Loyalty Complaints>Loyalty',
  },
  'peer-fixtures/models/mobi4.model': {
    constructs: [['Image', 'A', 5], ['Expectation', 'A', 3], ['Value', 'A', 2], ['Satisfaction', 'A', 3]],
    paths: 'Image>Satisfaction Expectation>Satisfaction Value>Satisfaction',
  },
  'peer-fixtures/models/russa.model': russa('A'),
  'peer-fixtures/models/russa-modeB.model': russa('B'),
  'peer-fixtures/models/satisfaction-modeA.model': satisfactionModel('A'),
  'peer-fixtures/models/satisfaction-modeB.model': satisfactionModel('B'),
};

describe.skipIf(!HAS_SHARED)(`model files in ../shared/reference (skipped: ${SKIP_MSG})`, () => {
  const dir = path.join(SHARED, 'reference');
  const files = HAS_SHARED
    ? ['mobi-ecsi.model', ...readdirSync(path.join(dir, 'peer-fixtures/models')).filter((f) => f.endsWith('.model')).map((f) => `peer-fixtures/models/${f}`)]
    : [];

  it('every model file has a hand-written expectation here', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, exp] of Object.entries(EXPECTED)) {
    it(`parses ${file}`, () => {
      const spec = parseModel(readFileSync(path.join(dir, file), 'utf8'));
      const got = spec.constructs.map((c) => [c.name, c.mode, c.dimensions ?? c.items!.length]);
      expect(got).toEqual(exp.constructs);
      expect(spec.paths.map((p) => `${p.from}>${p.to}`).join(' ')).toBe(exp.paths);
    });
  }

  it('reads item names of mobi-ecsi.model in order', () => {
    const spec = parseModel(readFileSync(path.join(dir, 'mobi-ecsi.model'), 'utf8'));
    expect(spec.constructs[0].items).toEqual(['IMAG1', 'IMAG2', 'IMAG3', 'IMAG4', 'IMAG5']);
    expect(spec.constructs[5].items).toEqual(['CUSCO']);
    expect(higherOrderConstructs(spec)).toEqual([]);
  });
});
