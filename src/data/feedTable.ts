import type { CsvSink } from './csvTokenizer.js';

/** A cell of a decoded table (workbook sheet, SPSS file): text, a number, or null for an empty cell. */
export type TableCell = string | number | null;

const encoder = new TextEncoder();
const PLAIN_INT = 1e15;

/**
 * Feeds one row of already-decoded cells into the survey builder's sink, as the CSV tokenizer would: numbers are
 * written as their shortest round-trip text (so they parse back bit for bit), plain non-negative integers also as
 * `num` for the builder's fast path; null is an empty cell.
 *
 * @example
 * feedRow(builder.sink, 2, ['North', 7, null]);
 */
export function feedRow(sink: CsvSink, row: number, cells: readonly TableCell[]): void {
  sink.beginRow(row);
  for (let j = 0; j < cells.length; j++) {
    const v = cells[j];
    if (v === null) {
      sink.cell(j, EMPTY, 0, 0, -1);
    } else if (typeof v === 'number') {
      if (v !== v) {
        sink.cell(j, EMPTY, 0, 0, -1);
        continue;
      }
      const b = encoder.encode(String(v));
      sink.cell(j, b, 0, b.length, Number.isInteger(v) && v >= 0 && v < PLAIN_INT && !Object.is(v, -0) ? v : -1);
    } else {
      const b = encoder.encode(v);
      sink.cell(j, b, 0, b.length, -1);
    }
  }
  sink.endRow(cells.length, row);
}

const EMPTY = new Uint8Array(0);
