/**
 * Test data for the engine tests, generated here (no numbers from ../shared): a small CSI-like survey from a known
 * latent model, with missing cells, a "don't know" code, a reverse-worded item, integer sampling weights and two
 * segment columns. Deterministic (mulberry32 with a fixed seed).
 */
import { expect } from 'vitest';
import type { Codebook } from '../../src/data/codebook.js';
import type { Moments } from '../../src/stats/moments-types.js';
import { mulberry32 } from '../helpers/random.js';

/** mulberry32: a tiny deterministic PRNG (public domain, Tommy Ettinger). */
export const rng = mulberry32;

function normal(r: () => number): number {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

export const ITEMS = ['IMAG1', 'IMAG2', 'IMAG3', 'QUAL1', 'QUAL2', 'SAT1', 'SAT2', 'SAT3', 'LOY1', 'LOY2'];
export const MODEL_TEXT = [
  'Image =~ IMAG1 + IMAG2 + IMAG3',
  'Quality =~ QUAL1 + QUAL2',
  'Satisfaction =~ SAT1 + SAT2 + SAT3',
  'Loyalty =~ LOY1 + LOY2',
  'Satisfaction ~ Image + Quality',
  'Loyalty ~ Satisfaction + Image',
].join('\n');

/** The codebook: 1-10 items, 99 = don't know, LOY2 reverse-worded, weight `w`, segments `line` and `region`. */
export const CODEBOOK: Codebook = {
  id: 'id',
  weight: 'w',
  items: ITEMS.map((id) => ({ id, scale: { min: 1, max: 10 }, missing: [{ value: 99 }], ...(id === 'LOY2' ? { reverse: true } : {}) })),
  segments: [{ id: 'line' }, { id: 'region' }],
};

export interface GenOptions {
  n: number;
  seed?: number;
  /** Share of empty item cells. Default 0.03. */
  missingShare?: number;
  /** Share of item cells holding the code 99. Default 0.01. */
  codeShare?: number;
}

/** A generated survey: the CSV text and, per row, the item values after the codebook (NaN = missing). */
export interface GeneratedSurvey {
  csv: string;
  values: number[][];
  line: string[];
  region: string[];
  w: number[];
}

/** Generates the survey (header id,items…,line,region,w). */
export function generateSurvey(options: GenOptions): GeneratedSurvey {
  const r = rng(options.seed ?? 20261123);
  const miss = options.missingShare ?? 0.03;
  const code = options.codeShare ?? 0.01;
  const lines = [['id', ...ITEMS, 'line', 'region', 'w'].join(',')];
  const out: GeneratedSurvey = { csv: '', values: [], line: [], region: [], w: [] };
  const clamp = (x: number): number => Math.min(10, Math.max(1, Math.round(x)));
  for (let i = 0; i < options.n; i++) {
    const image = normal(r);
    const quality = 0.5 * image + 0.85 * normal(r);
    const sat = 0.4 * image + 0.4 * quality + 0.7 * normal(r);
    const loy = 0.6 * sat + 0.2 * image + 0.7 * normal(r);
    const latent = [image, image, image, quality, quality, sat, sat, sat, loy, loy];
    const vals: number[] = [];
    const cells = latent.map((f, k) => {
      const u = r();
      if (u < miss) {
        vals.push(NaN);
        return '';
      }
      if (u < miss + code) {
        vals.push(NaN);
        return '99';
      }
      const v = clamp(6.5 + 1.6 * f + 0.9 * normal(r));
      vals.push(v); // LOY2 is written reversed (11 − v) and flipped back by the codebook: the value is v
      return String(ITEMS[k] === 'LOY2' ? 11 - v : v);
    });
    const line = ['3G', '4G', 'broadband'][Math.floor(r() * 3)];
    const region = `R${1 + Math.floor(r() * 3)}`;
    const w = 1 + Math.floor(r() * 3);
    out.values.push(vals);
    out.line.push(line);
    out.region.push(region);
    out.w.push(w);
    lines.push([String(i + 1), ...cells, line, region, String(w)].join(','));
  }
  out.csv = lines.join('\n') + '\n';
  return out;
}

/**
 * Reference moments straight from the definitions in moments-types.ts (naive loops, no shared code with
 * src/stats): w = weight or 1, o_i = value observed; `casewise` keeps only rows with every item observed;
 * `rows` selects a subset.
 */
export function referenceMoments(g: GeneratedSurvey, opts: { weighted: boolean; casewise?: boolean; rows?: number[] }): Moments {
  const p = ITEMS.length;
  const z = (k: number): number[] => new Array<number>(k).fill(0);
  const mo: Moments = { items: [...ITEMS], n: 0, weighted: opts.weighted, sw: 0, sww: 0, nObs: z(p), s: z(p), m: z(p * p), p: z(p * p), q: z(p * p), c: z(p * p), complete: true };
  const rows = opts.rows ?? g.values.map((_, i) => i);
  for (const r of rows) {
    const x = g.values[r];
    const obs = x.map((v) => !Number.isNaN(v));
    if (opts.casewise && obs.some((o) => !o)) continue;
    const w = opts.weighted ? g.w[r] : 1;
    mo.n += 1;
    mo.sw += w;
    mo.sww += w * w;
    for (let i = 0; i < p; i++) {
      if (!obs[i]) {
        mo.complete = false;
        continue;
      }
      mo.nObs[i] += 1;
      mo.s[i] += w * x[i];
      for (let j = 0; j < p; j++) {
        if (!obs[j]) continue;
        mo.m[i * p + j] += w;
        mo.p[i * p + j] += w * x[i];
        mo.q[i * p + j] += w * x[i] * x[i];
        mo.c[i * p + j] += w * x[i] * x[j];
      }
    }
  }
  return mo;
}

/** Relative-or-absolute closeness: |a − b| ≤ tol · max(1, |a|, |b|). */
export function close(a: number, b: number, tol = 1e-10): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Expects two Moments to be equal field by field within `tol` (relative). */
export function expectMomentsClose(got: Moments, want: Moments, tol = 1e-10): void {
  expect(got.items).toEqual(want.items);
  expect(got.n).toBe(want.n);
  expect(got.weighted).toBe(want.weighted);
  expect(got.complete).toBe(want.complete);
  expect(got.nObs).toEqual(want.nObs);
  for (const key of ['sw', 'sww'] as const) {
    if (!close(got[key], want[key], tol)) expect.fail(`${key}: ${got[key]} vs ${want[key]}`);
  }
  for (const key of ['s', 'm', 'p', 'q', 'c'] as const) {
    const a = got[key];
    const b = want[key];
    expect(a.length).toBe(b.length);
    for (let i = 0; i < a.length; i++) if (!close(a[i], b[i], tol)) expect.fail(`${key}[${i}]: ${a[i]} vs ${b[i]}`);
  }
}

/** Expects every number reachable in `got` to be within `tol` of the same path in `want` (estimates). */
export function expectNumbersClose(got: unknown, want: unknown, tol = 1e-10, path = '$'): number {
  if (typeof want === 'number') {
    if (typeof got !== 'number') expect.fail(`${path}: ${String(got)} is not a number`);
    if (Number.isNaN(want) && Number.isNaN(got)) return 1;
    if (!close(got, want, tol)) expect.fail(`${path}: ${got} vs ${want}`);
    return 1;
  }
  if (want instanceof Float64Array || Array.isArray(want)) {
    const g = got as ArrayLike<unknown>;
    expect(g.length).toBe(want.length);
    let k = 0;
    for (let i = 0; i < want.length; i++) k += expectNumbersClose(g[i], want[i], tol, `${path}[${i}]`);
    return k;
  }
  if (want && typeof want === 'object') {
    let k = 0;
    for (const [key, v] of Object.entries(want)) k += expectNumbersClose((got as Record<string, unknown>)[key], v, tol, `${path}.${key}`);
    return k;
  }
  return 0;
}

/** Largest |a − b| over every numeric field of two Moments of the same items (for reporting parity). */
export function maxMomentsDiff(a: Moments, b: Moments): number {
  let d = Math.max(Math.abs(a.n - b.n), Math.abs(a.sw - b.sw), Math.abs(a.sww - b.sww));
  for (const key of ['nObs', 's', 'm', 'p', 'q', 'c'] as const) {
    const x = a[key] as ArrayLike<number>;
    const y = b[key] as ArrayLike<number>;
    for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
  }
  return d;
}
