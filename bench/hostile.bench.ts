/**
 * Hostile-input benchmarks (issue 18): the CSV tokenizer on 125 MB with a quote left open at row 3 against the same
 * bytes without it (target ≤ 1.5×), and total effects of 2,000 chained constructs (target ≤ 2 s).
 */
import { createCsvTokenizer, type CsvSink } from '../src/data/csvTokenizer.js';
import { effectMatrices } from '../src/pls/effects.js';
import { bigCsv, chainPaths } from '../test/helpers/hostile.js';
import { median, round, type BenchRow } from './types.js';

const sink: CsvSink = { beginRow() {}, cell() {}, endRow() {}, blankRow() {} };

function tokenizeMs(bytes: Uint8Array): number {
  const t0 = performance.now();
  try {
    const t = createCsvTokenizer(',', sink);
    for (let i = 0; i < bytes.length; i += 65536) t.push(bytes.subarray(i, i + 65536));
    t.end();
  } catch {
    // the open quote ends in UNTERMINATED_QUOTE, as it should
  }
  return performance.now() - t0;
}

export default async function run(): Promise<BenchRow[]> {
  const plain = bigCsv(125e6, false);
  const open = bigCsv(125e6, true);
  const a = median([tokenizeMs(plain), tokenizeMs(plain), tokenizeMs(plain)]);
  const b = median([tokenizeMs(open), tokenizeMs(open), tokenizeMs(open)]);
  const m = 2000;
  const { B, adjacency } = chainPaths(m);
  const eff = median([0, 1, 2].map(() => {
    const t0 = performance.now();
    effectMatrices(B, adjacency, m);
    return performance.now() - t0;
  }));
  return [
    { bench: 'hostile', case: 'CSV 125 MB, no quote', value: round(a, 0), unit: 'ms' },
    { bench: 'hostile', case: 'CSV 125 MB, quote open from row 3', value: round(b, 0), unit: 'ms' },
    { bench: 'hostile', case: 'open quote / no quote', value: round(b / a, 2), unit: '×', target: '≤ 1.5', ok: b / a <= 1.5 },
    { bench: 'hostile', case: 'total effects, 2,000 chained constructs', value: round(eff, 0), unit: 'ms', target: '≤ 2000', ok: eff <= 2000 },
  ];
}
