import { describe, expect, it } from 'vitest';
import { parseResamples } from '../../src/inference/resamples.js';
import { seeded } from '../helpers/hostile.js';

function resampleText(lengths: number[], n: number, seed = 1): string {
  const rnd = seeded(seed);
  return lengths.map((len) => Array.from({ length: len }, () => 1 + Math.floor(rnd() * n)).join(',')).join('\n') + '\n';
}

describe('resample files must hold n rows per line (issue 18 item 7)', () => {
  it('50 lines of 40 rows for n = 250 are refused, naming the line and both counts', () => {
    expect(() => parseResamples(resampleText(Array(50).fill(40), 250), 250)).toThrow(
      /^Resample file line 1 holds 40 row numbers, but a bootstrap resample of these data draws all 250 rows/,
    );
  });

  it('ragged lines (250 / 150) are refused at the first short line', () => {
    try {
      parseResamples(resampleText([250, 250, 150, 250], 250), 250);
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe('INVALID_RESAMPLE');
      expect((e as { row: number }).row).toBe(3);
    }
  });

  it('full lines still parse', () => {
    expect(parseResamples(resampleText([250, 250], 250), 250)).toHaveLength(2);
  });
});
