import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSurveyFile } from '../../src/data/node/readSurveyFile.js';
import { readSurvey } from '../../src/data/readSurvey.js';

const shared = resolve(__dirname, '../../..', 'shared');
const datasets = resolve(shared, 'datasets');
const present = existsSync(datasets);

/** Independent count of a plain (unquoted) CSV: split on line breaks and commas, count empty fields per column. */
function emptyFieldsByHand(text: string): { rows: number; cols: string[]; empty: Map<string, number> } {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const cols = lines[0].split(',');
  const empty = new Map<string, number>();
  for (const line of lines.slice(1)) {
    line.split(',').forEach((f, j) => {
      if (f === '') empty.set(cols[j], (empty.get(cols[j]) ?? 0) + 1);
    });
  }
  return { rows: lines.length - 1, cols, empty };
}

describe.skipIf(!present)('shared datasets (skipped when ../shared is absent)', () => {
  it('corp_rep_data.csv: every empty cell is counted, per column, as a split by hand counts them', async () => {
    const path = resolve(datasets, 'corp_rep_data.csv');
    const byHand = emptyFieldsByHand(readFileSync(path, 'utf8'));
    expect(byHand.empty.size).toBeGreaterThan(0);
    const s = await readSurveyFile(path);
    expect(s.n).toBe(byHand.rows);
    const counted = new Map(s.log.emptyCells.map((e) => [e.column, e.count]));
    expect(counted).toEqual(byHand.empty);
    const total = [...byHand.empty.values()].reduce((a, b) => a + b, 0);
    expect(s.log.emptyCells.reduce((a, e) => a + e.count, 0)).toBe(total);
    // The NaNs are where the empty cells are.
    // (items and other numeric columns alike: an inferred codebook puts wide-ranging columns such as occupation under numeric)
    for (const [name, count] of byHand.empty) {
      const values = s.items[s.itemNames.indexOf(name)] ?? s.numeric.find((c) => c.name === name)?.values;
      expect(Array.from(values!).filter(Number.isNaN).length, name).toBe(count);
    }
  });

  it('mobi.csv: every column is an item, the file and string readers agree, and means match a by-hand sum', async () => {
    const path = resolve(datasets, 'mobi.csv');
    const text = readFileSync(path, 'utf8');
    const fromFile = await readSurveyFile(path);
    const fromText = readSurvey(text);
    const { rows, cols } = emptyFieldsByHand(text);
    expect(fromFile.n).toBe(rows);
    expect(fromFile.itemNames).toEqual(cols);
    expect(fromFile.items).toEqual(fromText.items);
    // Mean of the first column by splitting lines by hand.
    const lines = text.trim().split(/\r?\n/).slice(1);
    const mean = lines.reduce((a, l) => a + Number(l.split(',')[0]), 0) / lines.length;
    expect(fromFile.items[0].reduce((a, b) => a + b, 0) / fromFile.n).toBeCloseTo(mean, 12);
  });

  it('satisfaction.csv: the text column becomes a segment whose level counts match a by-hand count', () => {
    const text = readFileSync(resolve(datasets, 'satisfaction.csv'), 'utf8');
    const s = readSurvey(text);
    const lines = text.trim().split(/\r?\n/);
    const j = lines[0].split(',').indexOf('gender');
    const counts = new Map<string, number>();
    for (const l of lines.slice(1)) {
      const v = l.split(',')[j];
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const seg = s.segments.find((x) => x.name === 'gender')!;
    const ours = new Map(seg.levels.map((lv, c) => [lv, Array.from(seg.codes).filter((x) => x === c).length]));
    expect(ours).toEqual(counts);
    expect(s.itemNames).not.toContain('gender');
  });
});
