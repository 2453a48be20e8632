import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/index.js';
import { estimateFromMoments } from '../../src/pls/index.js';
import { preparedModel } from '../../src/pls/prepared.js';
import { momentsFromSurvey, type MissingRule } from '../../src/stats/index.js';
import { HAS_SHARED, sharedSurvey, sharedText, SKIP_MESSAGE } from '../helpers/csvSurvey.js';
import { exact } from '../helpers/exact.js';

describe.skipIf(!HAS_SHARED)(`estimateFromMoments: the compiled iteration from a plan's second fit = the first fit's plain loop — ${HAS_SHARED ? 'mobi, peer fixtures' : SKIP_MESSAGE}`, () => {
  it('mobi (three schemes) and every peer-fixture model: first, second and third estimate identical, quality included', () => {
    const rows = sharedText('reference/peer-fixtures/cases.tsv')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .map((l) => l.split('\t'));
    const cases = [
      { id: 'mobi', data: 'datasets/mobi.csv', model: sharedText('reference/mobi-ecsi.model'), missing: 'mean' as MissingRule },
      ...rows.map(([id, , data, modelFile, , opts]) => ({
        id,
        data: data.replace(/^shared\//, ''),
        model: sharedText(`reference/peer-fixtures/models/${modelFile}`),
        missing: (/--missing (\w+)/.exec(opts ?? '')?.[1] ?? 'mean') as MissingRule,
      })),
    ];
    let compiled = 0;
    for (const c of cases) {
      const model = parseModel(c.model);
      const survey = sharedSurvey(c.data);
      for (const scheme of ['path', 'factorial', 'centroid'] as const) {
        if (c.id !== 'mobi' && scheme !== 'path') continue;
        const mo = momentsFromSurvey(survey, { missing: c.missing });
        const run = () => {
          try {
            return exact(estimateFromMoments(mo, model, { scheme, missing: c.missing }));
          } catch (e) {
            return `error ${(e as { code?: string }).code} ${(e as Error).message}`;
          }
        };
        const first = run();
        const second = run();
        const third = run();
        expect(second, `${c.id} ${scheme} second`).toBe(first);
        expect(third, `${c.id} ${scheme} third`).toBe(first);
        const plans = preparedModel(model, mo.items).plans;
        for (const st of [plans.s1, plans.s2]) if (st?.kernels?.get(scheme)) compiled++;
      }
    }
    expect(compiled).toBeGreaterThan(3);
  });
});
