/**
 * Test helpers: the shared reference folder (`<repo>/../shared`, read at run time, never copied) and a tiny
 * CSV → Survey reader independent of the data layer (numeric columns become items, empty cells NaN, other columns
 * ignored), so engine tests do not move when the loader changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Survey } from '../../src/data/survey.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** `<repo>/../shared`. */
export const SHARED = path.resolve(here, '../../..', 'shared');
/** True when ../shared is present. */
export const HAS_SHARED = existsSync(path.join(SHARED, 'reference', 'mobi-ecsi.json'));
/** Message for skipped suites. */
export const SKIP_MESSAGE = '../shared is absent: reference tests skipped';

/** Reads a file under ../shared. */
export function sharedText(rel: string): string {
  return readFileSync(path.join(SHARED, rel), 'utf8');
}

/** Parses simple CSV (no quotes) into named columns: numeric ones as Float64Array (empty → NaN). */
export function csvColumns(text: string): { names: string[]; columns: Float64Array[]; text: Map<string, string[]> } {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const n = lines.length - 1;
  const raw = header.map(() => new Array<string>(n));
  for (let r = 0; r < n; r++) {
    const cells = lines[r + 1].split(',');
    for (let k = 0; k < header.length; k++) raw[k][r] = cells[k] ?? '';
  }
  const names: string[] = [];
  const columns: Float64Array[] = [];
  const textCols = new Map<string, string[]>();
  header.forEach((name, k) => {
    const vals = raw[k];
    if (vals.every((v) => v === '' || Number.isFinite(Number(v)))) {
      names.push(name);
      columns.push(Float64Array.from(vals, (v) => (v === '' ? NaN : Number(v))));
    } else textCols.set(name, vals);
  });
  return { names, columns, text: textCols };
}

/** A minimal Survey from CSV text (items = numeric columns). */
export function surveyFromCsv(text: string, weights: Float64Array | null = null): Survey {
  const { names, columns } = csvColumns(text);
  return surveyOf(names, columns, weights);
}

/** A minimal Survey from named columns. */
export function surveyOf(names: string[], columns: Float64Array[], weights: Float64Array | null = null): Survey {
  return {
    n: columns[0]?.length ?? 0,
    itemNames: names,
    items: columns,
    ids: null,
    weights,
    segments: [],
    numeric: [],
    codebook: { items: names.map((id) => ({ id, scale: { min: 0, max: 1e9 } })) },
    log: { rowsRead: columns[0]?.length ?? 0, missingCodes: [], emptyCells: [], reversed: [], excludedRows: [], ignoredColumns: [], encoding: 'utf-8', delimiter: ',' },
    warnings: [],
  };
}

/** Reads a CSV under ../shared as a Survey. */
export function sharedSurvey(rel: string): Survey {
  return surveyFromCsv(sharedText(rel));
}
