import { describe, expect, it } from 'vitest';
import { bootstrap, bcaInterval, jackknifeAcceleration, percentileInterval, studentTTwoSided, summarizeDraws } from '../../src/inference/index.js';
import { finalizeBootstrap, type DropInfo } from '../../src/inference/engine.js';
import type { StatisticSpec } from '../../src/inference/statistics.js';
import type { BootstrapEntry, IntervalMethod } from '../../src/inference/types.js';
import { HAS_MOBI, SKIP, mobi } from './helpers.js';
import { mulberry32 as rng } from '../helpers/random.js';

/**
 * The summary of one statistic written out the long way (the form before the one-pass summary): draws gathered
 * column by column with the sign correction, mean and squared deviations in resample order, the draws sorted in
 * full, then the public percentile / BC / BCa interval functions on the sorted copy.
 */
function referenceEntry(est: number, draws: Float64Array, k: number, q: number, ok: number[], o: { level: number; ci: IntervalMethod; flip: boolean; jackknife?: Float64Array; htmt: boolean }): Record<string, unknown> {
  const b = ok.length;
  const col = new Float64Array(b);
  for (let i = 0; i < b; i++) {
    const v = draws[ok[i] * k + q];
    col[i] = o.flip && Math.sign(v) !== Math.sign(est) && est !== 0 ? -v : v;
  }
  const nullValue = b > 0 && o.htmt ? 1 : 0;
  let mean = 0;
  for (let i = 0; i < b; i++) mean += col[i];
  mean /= b;
  let ss = 0;
  for (let i = 0; i < b; i++) ss += (col[i] - mean) * (col[i] - mean);
  const se = b > 1 ? Math.sqrt(ss / (b - 1)) : NaN;
  const tRaw = nullValue === 1 ? (1 - est) / se : est / se;
  const t = se > 0 && !(tRaw > 999999999) ? tRaw : NaN;
  let low = 0;
  for (let i = 0; i < b; i++) if (nullValue === 1 ? col[i] < 1 : col[i] <= 0) low++;
  const sorted = Float64Array.from(col).sort();
  const out: Record<string, unknown> = {
    estimate: est,
    mean,
    se,
    bias: mean - est,
    t,
    p: b > 0 ? 2 * Math.min(low / b, (b - low) / b) : NaN,
    pT: b > 1 ? studentTTwoSided(t, b - 1) : NaN,
    percentile: percentileInterval(sorted, o.level),
    bc: bcaInterval(sorted, est, 0, o.level),
  };
  if (o.jackknife && b > 0) {
    const jk = Array.from(o.jackknife.filter((_, i) => i % k === q)).filter((v) => Number.isFinite(v));
    const a = jackknifeAcceleration(jk);
    out.acceleration = a;
    out.bca = bcaInterval(sorted, est, a, o.level);
  }
  const chosen = (o.ci === 'bca' && out.bca ? out.bca : o.ci === 'bc' ? out.bc : out.percentile) as number[];
  out.lower = chosen[0];
  out.upper = chosen[1];
  return out;
}

const show = (x: unknown): string => (Object.is(x, -0) ? '-0' : String(x));

/** Every numeric field (and interval end) of the entry equal to the reference's by Object.is; same keys. */
function expectSameEntry(got: BootstrapEntry, want: Record<string, unknown>, what: string): void {
  for (const [key, value] of Object.entries(want)) {
    const g = (got as unknown as Record<string, unknown>)[key];
    // (Object.is: a −0 where +0 is due fails too; strings would print both as 0)
    if (Array.isArray(value)) {
      const gi = g as number[];
      expect(Object.is(gi[0], value[0]) && Object.is(gi[1], value[1]), `${what} ${key}: [${show(gi[0])}, ${show(gi[1])}] vs [${show(value[0])}, ${show(value[1])}]`).toBe(true);
    } else expect(Object.is(g, value), `${what} ${key}: ${show(g)} vs ${show(value)}`).toBe(true);
  }
  expect('bca' in got, `${what} bca present`).toBe('bca' in want);
}

function checkFinalize(draws: Float64Array, k: number, drops: (DropInfo | null)[], original: Float64Array, o: { level: number; ci: IntervalMethod; signed?: Uint8Array; jackknife?: Float64Array }, what: string): void {
  const specs: StatisticSpec[] = Array.from({ length: k }, (_, q) => ({ group: q % 4 === 3 ? 'htmt' : 'paths', name: `s${q}` }));
  const res = finalizeBootstrap(specs, original, draws, drops, { ...o, seed: 1, jackknifeGroups: o.jackknife ? o.jackknife.length / k : undefined });
  const ok = drops.flatMap((d, r) => (d ? [] : [r]));
  expect(res.nboot).toBe(ok.length);
  for (let q = 0; q < k; q++) {
    const want = referenceEntry(original[q], draws, k, q, ok, { level: o.level, ci: o.ci, flip: o.signed?.[q] === 1, jackknife: o.jackknife, htmt: q % 4 === 3 });
    expectSameEntry(res.entries[q], want, `${what} statistic ${q}`);
  }
}


describe('finalizeBootstrap (one-pass summaries) = the summary written out the long way, bit for bit', () => {
  it('random, tied, zero/−0 and sign-flipped draws; dropped resamples; BCa with NaN jackknife rows; levels; B = 0, 1, 2, 3, 1000', () => {
    const u = rng(23);
    let cases = 0;
    for (const b of [0, 1, 2, 3, 17, 1000]) {
      for (const kind of ['normal', 'ties', 'zeros', 'mostly-zero', 'one-sided', 'near-one'] as const) {
        const k = 9;
        const total = b + (b % 3);
        const draws = Float64Array.from({ length: total * k }, () => {
          if (kind === 'ties') return Math.floor(u() * 5) / 4 - 0.3;
          if (kind === 'zeros' && u() < 0.2) return u() < 0.5 ? -0 : 0;
          if (kind === 'mostly-zero') return u() < 0.9 ? (u() < 0.5 ? -0 : 0) : 0.5 + u(); // the lower quantiles fall on zeros
          if (kind === 'one-sided') return 0.5 + u();
          if (kind === 'near-one') return [1, 1 - 2 ** -53, 1 + 2 ** -52, 0.5, 2, -(2 ** -1074), 2 ** -1074][Math.floor(u() * 7)]; // HTMT's null value 1 and 0's neighbours
          return u() * 2 - 0.7 + u() * u();
        });
        const drops: (DropInfo | null)[] = Array.from({ length: total }, (_, r) => (r % 7 === 5 || r >= b + 2 ? { reason: 'SINGULAR', message: 'x' } : null));
        for (let r = 0; r < total; r++) if (drops[r]) draws.fill(NaN, r * k, r * k + k);
        const original = Float64Array.from({ length: k }, (_, q) => (q === 0 ? 0 : q === 1 ? -0 : u() - 0.4));
        const signed = Uint8Array.from({ length: k }, (_, q) => q % 2);
        const jackknife = Float64Array.from({ length: 20 * k }, (_, i) => (i % 13 === 4 ? NaN : u()));
        for (const level of [0.95, 0.9]) {
          for (const ci of ['percentile', 'bc', 'bca'] as IntervalMethod[]) {
            checkFinalize(draws, k, drops, original, { level, ci, signed: ci === 'bc' ? signed : undefined, jackknife: ci === 'bca' ? jackknife : undefined }, `${kind} B≈${b} ${level} ${ci}`);
            cases++;
          }
        }
      }
    }
    expect(cases).toBe(216);
  });

  it('summarizeDraws agrees with the reference too (its own copy of the draws)', () => {
    const u = rng(5);
    const draws = Float64Array.from({ length: 501 }, () => u() - 0.45);
    const jackknife = Float64Array.from({ length: 30 }, () => u());
    const s = summarizeDraws(0.1, draws, { level: 0.9, jackknife, nullValue: 1 });
    const want = referenceEntry(0.1, draws, 1, 0, Array.from({ length: 501 }, (_, i) => i), { level: 0.9, ci: 'bca', flip: false, jackknife, htmt: true });
    delete want.lower;
    delete want.upper;
    expectSameEntry(s as unknown as BootstrapEntry, want, 'summarizeDraws');
  });
});

describe.skipIf(!HAS_MOBI)(`bootstrap summaries of mobi = the long way — ${HAS_MOBI ? 'mobi' : SKIP}`, () => {
  it('300 resamples with BCa and individual sign correction: every entry', async () => {
    const { survey, model } = mobi();
    const res = await bootstrap(survey, model, { resamples: 300, seed: 4, ci: 'bca', keepDraws: true, signCorrection: 'individual' });
    const entries = [...res.outerWeights, ...res.loadings, ...res.paths, ...res.totalEffects, ...res.rSquared, ...res.htmt];
    const k = entries.length;
    expect(res.draws!.length).toBe(300 * k);
    const again = await bootstrap(survey, model, { resamples: 300, seed: 4, keepDraws: true });
    const ok = Array.from({ length: 300 }, (_, i) => i);
    const original = Float64Array.from(again.outerWeights.concat(again.loadings, again.paths, again.totalEffects, again.rSquared, again.htmt), (e) => e.estimate);
    const htmtFrom = k - again.htmt.length;
    const rFrom = htmtFrom - again.rSquared.length;
    for (let q = 0; q < k; q++) {
      const want = referenceEntry(original[q], again.draws!, k, q, ok, { level: 0.95, ci: 'percentile', flip: false, htmt: q >= htmtFrom });
      expectSameEntry([...again.outerWeights, ...again.loadings, ...again.paths, ...again.totalEffects, ...again.rSquared, ...again.htmt][q], want, `mobi ${q}`);
    }
    // sign correction flips weights, loadings, paths and total effects, not R² nor HTMT
    expect(entries[rFrom].se).toBe(again.rSquared[0].se);
  });
});
