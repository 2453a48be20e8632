import { describe, expect, it } from 'vitest';
import { codebookSchema, parseCodebook } from '../../src/data/index.js';
import { readSurvey } from '../../src/data/readSurvey.js';
import { isCsiError } from '../../src/errors.js';

const item = (extra: Record<string, unknown>) => ({ items: [{ id: 'SAT1', scale: { min: 1, max: 10 }, ...extra }] });

describe('codebook item group (issue 17.8)', () => {
  it('is optional and kept as written', () => {
    expect(parseCodebook(item({})).items[0].group).toBeUndefined();
    expect(parseCodebook(item({ group: 'Satisfaction' })).items[0].group).toBe('Satisfaction');
    expect(parseCodebook(item({ group: '满意度' })).items[0].group).toBe('满意度');
    expect(codebookSchema.safeParse(item({ group: 'image' })).success).toBe(true);
  });

  it('an empty or non-string group is INVALID_CODEBOOK naming the item', () => {
    for (const group of ['', 3, null, ['Image']]) {
      try {
        parseCodebook(item({ group }));
        expect.unreachable(JSON.stringify(group));
      } catch (e) {
        expect(isCsiError(e) && e.code).toBe('INVALID_CODEBOOK');
        expect(isCsiError(e) && e.column).toBe('SAT1');
        expect((e as Error).message).toContain('items[0].group');
      }
    }
  });

  it('segments and numeric columns take no group (strict)', () => {
    expect(() => parseCodebook({ items: [], segments: [{ id: 'region', group: 'Image' }] })).toThrow(/segments\[0\]/);
  });

  it('a survey read with a grouped codebook keeps the groups and the same numbers', () => {
    const csv = 'SAT1,SAT2\n1,2\n3,4\n5,7\n';
    const plain = { items: [{ id: 'SAT1', scale: { min: 1, max: 10 } }, { id: 'SAT2', scale: { min: 1, max: 10 } }] };
    const grouped = { items: plain.items.map((it) => ({ ...it, group: 'Satisfaction' })) };
    const a = readSurvey(csv, { codebook: plain });
    const b = readSurvey(csv, { codebook: grouped });
    expect(b.codebook.items.map((it) => it.group)).toEqual(['Satisfaction', 'Satisfaction']);
    expect(b.items).toEqual(a.items);
  });
});
