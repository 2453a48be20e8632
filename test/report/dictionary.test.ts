import { describe, expect, it } from 'vitest';
import { en } from '../../src/report/i18n/en.js';
import { zh } from '../../src/report/i18n/zh.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('report dictionaries', () => {
  it('Chinese and English have exactly the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('every text is non-empty and both languages fill the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(zh[key].trim(), key).not.toBe('');
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('the IPMA quadrants carry the CSI programme names in Chinese', () => {
    expect([zh.quadrantStrength, zh.quadrantFix, zh.quadrantOpportunity, zh.quadrantMaintain]).toEqual(['优势区', '修补区', '机会区', '维持区']);
  });
});
