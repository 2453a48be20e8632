import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { isCsiError } from '../../src/errors.js';
import { bootstrap } from '../../src/inference/bootstrap.js';
import { checkDrawMemory } from '../../src/inference/engine.js';
import { HAS_MOBI, SHARED, SKIP, mobi } from './helpers.js';
import path from 'node:path';

async function cli(args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await runCli(args, { stdout: () => {}, stderr: (t) => void (err += t) });
  return { code, err };
}

describe('bootstrap size is bounded up front (issue 18 items 2 and 3)', () => {
  it('checkDrawMemory names the bytes and the most resamples that fit', () => {
    expect(() => checkDrawMemory(1e7, 108)).toThrow('10,000,000 resamples × 108 statistics would hold 8.6 GB of draws (at most 1.1 GB): ask for at most 1,242,756 resamples.');
    expect(() => checkDrawMemory(5000, 108)).not.toThrow();
  });

  describe.skipIf(!HAS_MOBI)(`on mobi (${HAS_MOBI ? 'shared' : SKIP})`, () => {
    it('the library refuses resamples: 1e9 with a CsiError, not a RangeError', async () => {
      const { survey, model } = mobi();
      for (const resamples of [1e9, 3e7, 1e7]) {
        const e = await bootstrap(survey, model, { resamples, seed: 1 }).catch((x: unknown) => x);
        expect(isCsiError(e)).toBe(true);
        expect((e as { code: string }).code).toBe('INVALID_OPTION');
        expect((e as Error).message).toMatch(/ask for at most [\d,]+ resamples/);
      }
    });

    it('csi estimate --boot 1e9 / 3e7 / 1e7: exit 2 and one plain line saying the estimate and how to lower it', async () => {
      const data = path.join(SHARED, 'datasets', 'mobi.csv');
      const model = path.join(SHARED, 'reference', 'mobi-ecsi.model');
      for (const boot of ['1e9', '3e7', '1e7']) {
        const r = await cli(['estimate', data, '--model', model, '--boot', boot, '--seed', '1']);
        expect(r.code).toBe(2);
        expect(r.err).not.toMatch(/internal error|RangeError|allocation/);
        expect(r.err).toMatch(/would (take|hold) about|would hold .* GB/);
        expect(r.err).toMatch(/ask for at most [\d,]+ resamples/);
      }
    }, 60_000);
  });
});
