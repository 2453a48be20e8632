/** Shared fixtures of the inference tests: mobi from ../shared (read at run time) and small constructed surveys. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Survey } from '../../src/data/index.js';
import { readSurvey } from '../../src/data/index.js';
import { parseModel, type ModelSpec } from '../../src/model/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** `<repo>/../shared`. */
export const SHARED = path.resolve(here, '../../..', 'shared');
export const HAS_MOBI =
  existsSync(path.join(SHARED, 'datasets', 'mobi.csv')) &&
  existsSync(path.join(SHARED, 'reference', 'mobi-ecsi.json')) &&
  existsSync(path.join(SHARED, 'reference', 'mobi-ecsi.model')) &&
  existsSync(path.join(SHARED, 'reference', 'mobi-boot-indices.csv'));
export const SKIP = '../shared is absent: mobi reference tests skipped';

export function sharedText(rel: string): string {
  return readFileSync(path.join(SHARED, rel), 'utf8');
}

export function mobi(): { survey: Survey; model: ModelSpec } {
  return { survey: readSurvey(sharedText('datasets/mobi.csv')), model: parseModel(sharedText('reference/mobi-ecsi.model')) };
}

/** A minimal Survey from named columns (no codebook checks): the one test helper, shared with the PLS tests. */
export { surveyOf } from '../helpers/csvSurvey.js';

/** Deterministic pseudo-random normal-ish numbers (sum of 4 uniforms from an LCG) for constructed data. */
export function lcgNormals(seed: number): () => number {
  let s = seed >>> 0;
  const u = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  return () => u() + u() + u() + u() - 2;
}

/**
 * Three constructs A → B → C, items a1..a3, b1..b3, c1..c2 (rounded to a 1–7 scale) driven by latent scores.
 */
export function smallSurvey(n: number, seed = 1): { names: string[]; columns: Float64Array[] } {
  const z = lcgNormals(seed);
  const names = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1', 'c2'];
  const columns = names.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const A = z();
    const B = 0.6 * A + 0.8 * z();
    const C = 0.5 * B + 0.8 * z();
    const lat = [A, A, A, B, B, B, C, C];
    for (let k = 0; k < names.length; k++) columns[k][i] = Math.min(7, Math.max(1, Math.round(4 + 1.2 * lat[k] + 0.7 * z())));
  }
  return { names, columns };
}

export const SMALL_MODEL = 'A =~ a1 + a2 + a3\nB =~ b1 + b2 + b3\nC =~ c1 + c2\nB ~ A\nC ~ A + B\n';
