import { describe, expect, it } from 'vitest';
import { bootstrap, parseResamples } from '../../src/inference/index.js';
import type { BootstrapEntry, BootstrapResult } from '../../src/inference/index.js';
import { HAS_MOBI, SKIP, mobi, sharedText } from './helpers.js';

/**
 * THE acceptance test: replay the exact 1000 resamples seminr 2.3.1 drew (../shared/reference/mobi-boot-indices.csv,
 * 1-based rows) through csikit and compare with seminr's bootstrap summary in mobi-ecsi.json (key `bootstrap`).
 */
interface RefRow {
  from: string;
  to: string;
  estimate: number;
  boot_mean: number;
  boot_sd: number;
  t: number | null;
  'ci_2.5': number;
  'ci_97.5': number;
}

describe.skipIf(!HAS_MOBI)(`replay of seminr's mobi resamples (${HAS_MOBI ? 'mobi' : SKIP})`, () => {
  let boot: BootstrapResult;
  let ref: Record<string, RefRow[] | unknown>;

  it('runs the 1000 resamples with none dropped', async () => {
    const { survey, model } = mobi();
    ref = JSON.parse(sharedText('reference/mobi-ecsi.json')).bootstrap;
    const indices = parseResamples(sharedText('reference/mobi-boot-indices.csv'), survey.n);
    expect(indices.length).toBe(ref.nboot);
    boot = await bootstrap(survey, model, { indices });
    expect(boot.nboot).toBe(ref.nboot);
    expect(boot.dropped.count).toBe(0);
    expect(boot.seed).toBeNull();
  });

  const groups: [string, keyof BootstrapResult][] = [
    ['paths', 'paths'],
    ['total_effects', 'totalEffects'],
    ['outer_weights', 'outerWeights'],
    ['outer_loadings', 'loadings'],
  ];
  for (const [refKey, ourKey] of groups) {
    it(`matches seminr's ${refKey}: estimate, bootstrap mean, SD, t and percentile CI within 1e-6`, () => {
      const rows = ref[refKey] as RefRow[];
      const ours = boot[ourKey] as BootstrapEntry[];
      expect(ours.length).toBe(rows.length);
      for (const r of rows) {
        const e = ours.find((x) => x.from === r.from && x.to === r.to);
        expect(e, `${r.from} -> ${r.to}`).toBeDefined();
        expect(Math.abs(e!.estimate - r.estimate)).toBeLessThan(1e-6);
        expect(Math.abs(e!.mean - r.boot_mean)).toBeLessThan(1e-6);
        expect(Math.abs(e!.se - r.boot_sd)).toBeLessThan(1e-6);
        expect(Math.abs(e!.lower - r['ci_2.5'])).toBeLessThan(1e-6);
        expect(Math.abs(e!.upper - r['ci_97.5'])).toBeLessThan(1e-6);
        expect(e!.percentile).toEqual([e!.lower, e!.upper]);
        if (r.t === null) expect(e!.t).toBeNaN(); // seminr: NA (single item: SD ≈ 0)
        else expect(Math.abs(e!.t - r.t) / Math.abs(r.t)).toBeLessThan(1e-6);
      }
    });
  }
});
