/**
 * Test helper (not a test): builds a PlsFit from a CSV and a reference's OWN outer weights, so that the quality
 * formulas are tested given those weights, independently of csikit's PLS engine. Everything is computed here from
 * the data at run time: S (Pearson correlations, n − 1), weights rescaled to unit-variance composites
 * (w / sqrt(w'Sw); a no-op for PLS weights), crossLoadings = S·W, construct correlations = W'SW,
 * paths by OLS on the construct correlations (ml-matrix), R² = r'β.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Matrix, solve } from 'ml-matrix';
import type { PlsFit } from '../../src/pls/types.js';

export const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', 'shared');
export const SHARED_PRESENT = existsSync(SHARED);
export const SHARED_MISSING = '../shared is absent';

export function readJson<T = any>(rel: string): T {
  return JSON.parse(readFileSync(path.join(SHARED, rel), 'utf8')) as T;
}

/** Reads a plain numeric CSV (header row; non-numeric columns kept as NaN and ignored by callers). */
export function readCsv(rel: string): Record<string, Float64Array> {
  const lines = readFileSync(path.join(SHARED, rel), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  const cols: Record<string, Float64Array> = {};
  header.forEach((h, c) => {
    cols[h] = Float64Array.from(lines.slice(1), (l) => Number(l.split(',')[c]));
  });
  return cols;
}

/** Pearson correlation matrix of the given columns (n − 1 in both variance and covariance). */
export function correlation(cols: Float64Array[]): Float64Array {
  const p = cols.length;
  const n = cols[0].length;
  const z = cols.map((x) => {
    const mean = x.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    return Float64Array.from(x, (v) => (v - mean) / sd);
  });
  const r = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += z[a][i] * z[b][i];
      r[a * p + b] = r[b * p + a] = a === b ? 1 : s / (n - 1);
    }
  }
  return r;
}

export interface SimpleModel {
  constructs: { name: string; items: string[]; mode?: 'A' | 'B' }[];
  paths: { from: string; to: string }[];
}

/** Builds a PlsFit from an item correlation matrix (in the model's item order) and outer weights. */
export function fitFromCorrelation(
  model: SimpleModel,
  s: Float64Array,
  weightsOf: (construct: string, item: string) => number,
  n: number,
): PlsFit {
  const itemNames = model.constructs.flatMap((c) => c.items);
  const constructNames = model.constructs.map((c) => c.name);
  const p = itemNames.length;
  const m = constructNames.length;
  const blocks: number[][] = [];
  let k = 0;
  for (const c of model.constructs) blocks.push(c.items.map(() => k++));
  const S = new Matrix(p, p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) S.set(a, b, s[a * p + b]);
  const W = new Matrix(p, m);
  model.constructs.forEach((c, j) => {
    for (const i of blocks[j]) W.set(i, j, weightsOf(c.name, itemNames[i]));
    const w = W.getColumnVector(j);
    const v = w.transpose().mmul(S).mmul(w).get(0, 0);
    W.setColumn(j, w.div(Math.sqrt(v)));
  });
  const L = S.mmul(W);
  const C = W.transpose().mmul(S).mmul(W);
  const adjacency = new Uint8Array(m * m);
  for (const e of model.paths) adjacency[constructNames.indexOf(e.from) * m + constructNames.indexOf(e.to)] = 1;
  const paths = new Float64Array(m * m);
  const rSquared = new Float64Array(m).fill(Number.NaN);
  for (let t = 0; t < m; t++) {
    const preds = [...Array(m).keys()].filter((f) => adjacency[f * m + t]);
    if (preds.length === 0) continue;
    const beta = solve(C.selection(preds, preds), C.selection(preds, [t]));
    let r2 = 0;
    preds.forEach((f, i) => {
      paths[f * m + t] = beta.get(i, 0);
      r2 += beta.get(i, 0) * C.get(f, t);
    });
    rSquared[t] = r2;
  }
  return {
    itemNames,
    constructNames,
    blocks,
    modes: model.constructs.map((c) => c.mode ?? 'A'),
    n,
    itemCorrelation: Float64Array.from(S.to1DArray()),
    weights: Float64Array.from(W.to1DArray()),
    crossLoadings: Float64Array.from(L.to1DArray()),
    constructCorrelation: Float64Array.from(C.to1DArray()),
    paths,
    rSquared,
    adjacency,
    iterations: 0,
    converged: true,
    weightDiff: 0,
    warnings: [],
  };
}

/** Builds a PlsFit from a CSV in ../shared, a model, and weights given as {construct: {item: weight}}. */
export function fitFromCsv(csvRel: string, model: SimpleModel, weights: Record<string, Record<string, number>>): PlsFit {
  const data = readCsv(csvRel);
  const items = model.constructs.flatMap((c) => c.items);
  const s = correlation(items.map((i) => data[i]));
  return fitFromCorrelation(model, s, (c, i) => weights[c][i], data[items[0]].length);
}

/** Parses the `=~` / `<~` / `~` lines of a lavaan-style model file (enough for the reference models). */
export function parseModelText(text: string): SimpleModel {
  const constructs: SimpleModel['constructs'] = [];
  const paths: SimpleModel['paths'] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const m = /^(\w+)\s*(=~|<~|~)\s*(.+)$/.exec(line);
    if (!m) throw new Error(`cannot parse: ${line}`);
    const rhs = m[3].split('+').map((x) => x.trim());
    if (m[2] === '~') for (const f of rhs) paths.push({ from: f, to: m[1] });
    else constructs.push({ name: m[1], items: rhs, mode: m[2] === '=~' ? 'A' : 'B' });
  }
  return { constructs, paths };
}

export function maxAbsDiff(pairs: [number, number][]): number {
  return pairs.reduce((mx, [a, b]) => Math.max(mx, Math.abs(a - b)), 0);
}

/**
 * seminr 2.3.1's PLSc paths into Satisfaction for the mobi ECSI model, read at run time from
 * ../shared/docs/methodology.md Appendix A (the line "Same model with `reflective()` (PLSc): Satisfaction ← Image …").
 */
export function appendixPlscPaths(): Record<string, number> {
  const text = readFileSync(path.join(SHARED, 'docs/methodology.md'), 'utf8');
  const line = text.split(/\r?\n/).find((l) => l.includes('(PLSc): Satisfaction ←'));
  if (!line) throw new Error('methodology.md Appendix A has no PLSc line');
  const out: Record<string, number> = {};
  for (const m of line.split('←')[1].matchAll(/([A-Za-z]+) (-?\d+\.\d+)/g)) out[m[1]] = Number(m[2]);
  if (Object.keys(out).length !== 4) throw new Error(`methodology.md Appendix A: expected 4 PLSc paths, read ${JSON.stringify(out)}`);
  return out;
}
