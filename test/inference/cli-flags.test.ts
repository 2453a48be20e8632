import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { addBootstrap } from '../../src/cli/bootstrap-flags.js';
import { HAS_MOBI, SHARED, SKIP, SMALL_MODEL, smallSurvey, surveyOf, sharedText } from './helpers.js';
import { parseModel } from '../../src/model/index.js';

function capture(): { io: { stdout: (t: string) => void; stderr: (t: string) => void }; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { stdout: (t) => void (out += t), stderr: (t) => void (err += t) }, out: () => out, err: () => err };
}

describe.skipIf(!HAS_MOBI)(`csi estimate --resamples (${HAS_MOBI ? 'mobi' : SKIP})`, () => {
  it("replays seminr's resamples through the CLI and reports seminr's bootstrap means, SDs and CIs (1e-6)", async () => {
    const c = capture();
    const code = await runCli(
      [
        'estimate',
        path.join(SHARED, 'datasets', 'mobi.csv'),
        '--model',
        path.join(SHARED, 'reference', 'mobi-ecsi.model'),
        '--resamples',
        path.join(SHARED, 'reference', 'mobi-boot-indices.csv'),
        '--json',
      ],
      c.io,
    );
    expect(code).toBe(0);
    const json = JSON.parse(c.out());
    const ref = JSON.parse(sharedText('reference/mobi-ecsi.json')).bootstrap;
    expect(json.bootstrap.nboot).toBe(ref.nboot);
    expect(json.bootstrap.seed).toBeNull();
    expect(c.err()).toBe(''); // stderr is not a TTY here: no progress bar
    for (const r of ref.paths) {
      const e = json.bootstrap.paths.find((x: { from: string; to: string }) => x.from === r.from && x.to === r.to);
      expect(Object.keys(e)).toEqual(['from', 'to', 'estimate', 'mean', 'se', 't', 'p', 'lower', 'upper']);
      expect(Math.abs(e.mean - r.boot_mean)).toBeLessThan(1e-6);
      expect(Math.abs(e.se - r.boot_sd)).toBeLessThan(1e-6);
      expect(Math.abs(e.lower - r['ci_2.5'])).toBeLessThan(1e-6);
      expect(Math.abs(e.upper - r['ci_97.5'])).toBeLessThan(1e-6);
    }
  });
});

describe('addBootstrap (the --boot flags)', () => {
  const { names, columns } = smallSurvey(80, 6);
  const survey = surveyOf(names, columns);
  const model = parseModel(SMALL_MODEL);

  it('does nothing without --boot/--resamples, and refuses --seed or --ci alone', async () => {
    const json: Record<string, unknown> = {};
    expect(await addBootstrap(json, survey, model, {}, {}, capture().io, false)).toBe('');
    expect(json.bootstrap).toBeUndefined();
    await expect(addBootstrap({}, survey, model, { seed: '1' }, {}, capture().io, false)).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });

  it('validates --boot, --seed and --ci', async () => {
    for (const flags of [{ boot: 'abc' }, { boot: '1' }, { boot: '10', seed: '-3' }, { boot: '10', ci: 'normal' }]) {
      await expect(addBootstrap({}, survey, model, flags, {}, capture().io, false)).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    }
  });

  it('adds the bootstrap key with the seed, the chosen interval and a text table; progress only on a TTY', async () => {
    const json: Record<string, unknown> = {};
    const c = capture();
    const text = await addBootstrap(json, survey, model, { boot: '60', seed: '5', ci: 'bca' }, { scheme: 'path' }, c.io, true);
    const b = json.bootstrap as { nboot: number; seed: number; ci: string; paths: { lower: number }[]; rSquared: { construct: string }[] };
    expect(b.nboot).toBe(60);
    expect(b.seed).toBe(5);
    expect(b.ci).toBe('bca');
    expect(b.rSquared.map((e) => e.construct)).toEqual(['B', 'C']);
    expect(text).toMatch(/A -> B/);
    expect(c.err()).toMatch(/bootstrap \[#+\] 60\/60/);
  });
});
