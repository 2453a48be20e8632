import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsiError } from '../../src/errors.js';
import { composite, higherComposite, items, model, modelInfo, parseModel, paths } from '../../src/model/index.js';
import { HAS_SHARED, SHARED, SKIP_MSG } from './shared.js';

// The ECSI model of mobi, written with the builder in the same order as the text file (paths grouped by target).
const ecsiBuilt = () =>
  model(
    composite('Image', items('IMAG', 1, 5)),
    composite('Expectation', items('CUEX', 1, 3)),
    composite('Quality', items('PERQ', 1, 7)),
    composite('Value', items('PERV', 1, 2)),
    composite('Satisfaction', items('CUSA', 1, 3)),
    composite('Complaints', 'CUSCO'),
    composite('Loyalty', items('CUSL', 1, 3)),
    paths('Image', 'Expectation'),
    paths(['Image', 'Expectation', 'Quality', 'Value'], 'Satisfaction'),
    paths(['Image', 'Satisfaction', 'Complaints'], 'Loyalty'),
    paths('Expectation', 'Quality'),
    paths(['Expectation', 'Quality'], 'Value'),
    paths('Satisfaction', 'Complaints'),
  );

describe('builder', () => {
  it('items(prefix, from, to) numbers items inclusively and rejects bad ranges', () => {
    expect(items('IMAG', 1, 5)).toEqual(['IMAG1', 'IMAG2', 'IMAG3', 'IMAG4', 'IMAG5']);
    expect(items('q', 3, 3)).toEqual(['q3']);
    expect(() => items('q', 3, 2)).toThrow(CsiError);
    expect(() => items('q', 1.5, 2)).toThrow(/integers/);
  });

  it('composite / higherComposite return plain objects with mode A by default', () => {
    expect(composite('Value', ['PERV1', 'PERV2'], { mode: 'B' })).toEqual({ name: 'Value', mode: 'B', items: ['PERV1', 'PERV2'] });
    expect(composite('I', ['i'], { label: { zh: '形象' } })).toEqual({ name: 'I', mode: 'A', items: ['i'], label: { zh: '形象' } });
    expect(higherComposite('Quality', ['Network', 'Billing'])).toEqual({ name: 'Quality', mode: 'A', dimensions: ['Network', 'Billing'] });
  });

  it('paths(from, to) expands from × to, for each target its sources (seminr order)', () => {
    expect(paths(['A', 'B'], ['X', 'Y'])).toEqual([
      { from: 'A', to: 'X' }, { from: 'B', to: 'X' }, { from: 'A', to: 'Y' }, { from: 'B', to: 'Y' },
    ]);
  });

  it('model() yields the same JSON as the text syntax, with name and target from modelInfo', () => {
    const built = model(
      modelInfo({ name: 'HOC', target: 'S' }),
      composite('Net', ['n1', 'n2']),
      composite('Bill', ['b1'], { mode: 'B' }),
      higherComposite('Q', ['Net', 'Bill']),
      composite('S', ['s1']),
      paths('Q', 'S'),
    );
    expect(built).toEqual({ ...parseModel('Net =~ n1 + n2\nBill <~ b1\nQ =~ Net + Bill\nS =~ s1\nS ~ Q'), name: 'HOC', target: 'S' });
    expect(JSON.parse(JSON.stringify(built))).toEqual(built);
  });

  it('model() validates: a cycle throws CYCLE', () => {
    expect(() => model(composite('A', ['a']), composite('B', ['b']), paths('A', 'B'), paths('B', 'A'))).toThrow(
      expect.objectContaining({ code: 'CYCLE' }),
    );
  });

  it('model() does not share arrays with its inputs', () => {
    const its = ['a1'];
    const m = model(composite('A', its));
    its.push('a2');
    expect(m.constructs[0].items).toEqual(['a1']);
  });

  it.skipIf(!HAS_SHARED)(`builder ≡ text for the ECSI model of mobi-ecsi.model (skipped: ${SKIP_MSG})`, () => {
    const text = parseModel(readFileSync(path.join(SHARED, 'reference', 'mobi-ecsi.model'), 'utf8'));
    expect(ecsiBuilt()).toEqual(text);
  });

  it('builder ≡ text for the ECSI model written inline', () => {
    const text = parseModel(`
      Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
      Expectation =~ CUEX1 + CUEX2 + CUEX3
      Quality =~ PERQ1 + PERQ2 + PERQ3 + PERQ4 + PERQ5 + PERQ6 + PERQ7
      Value =~ PERV1 + PERV2
      Satisfaction =~ CUSA1 + CUSA2 + CUSA3
      Complaints =~ CUSCO
      Loyalty =~ CUSL1 + CUSL2 + CUSL3
      Expectation ~ Image
      Satisfaction ~ Image + Expectation + Quality + Value
      Loyalty ~ Image + Satisfaction + Complaints
      Quality ~ Expectation
      Value ~ Expectation + Quality
      Complaints ~ Satisfaction`);
    expect(ecsiBuilt()).toEqual(text);
  });
});
