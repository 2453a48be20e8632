/**
 * Counts the records of a CSV byte stream exactly as {@link createCsvTokenizer} splits it, without tokenizing the
 * fields: a record ends at `\n`, `\r\n` or a lone `\r` outside quotes; a completely empty line is not a record (the
 * tokenizer's `blankRow`); a quote opens a quoted field only at the start of a field, and inside one `""` is a
 * quote. Quote-free, CR-free chunks are counted with native `indexOf` scans (well over 1 GB/s); only chunks with a
 * quote or a CR take the byte loop. Its records are the tokenizer's (`createCsvTokenizer` in ./csvTokenizer.ts) minus blank lines. Used by the DuckDB adapter to check how many rows DuckDB read of a CSV file.
 */

/** The counter's handle: feed bytes with `push`, then `end` returns the number of records (the header included). */
export interface CsvRecordCounter {
  push(bytes: Uint8Array): void;
  end(): number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Creates a record counter for a one-byte delimiter.
 *
 * @example
 * const c = createCsvRecordCounter(',');
 * c.push(new TextEncoder().encode('a,b\n1,"x\ny"\n\n2,'));
 * c.end() // 3 (the header, a record with a quoted line break, and "2,"; the blank line is not a record)
 */
export function createCsvRecordCounter(delimiter: string): CsvRecordCounter {
  const delim = delimiter.charCodeAt(0);
  let records = 0;
  let inQ = false; // inside a quoted field
  let atStart = true; // at the start of a field (a quote here opens a quoted field)
  let justClosed = false; // right after a closing quote (a quote here is the second half of a "" escape)
  let lineChars = false; // the current record has at least one byte
  let skipLf = false; // the previous byte was a CR ending a record (a LF now completes a CRLF)

  return {
    push(b: Uint8Array): void {
      const n = b.length;
      let i = 0;
      if (n === 0) return;
      if (skipLf) {
        skipLf = false;
        if (b[0] === LF) i = 1;
      }
      if (!inQ && !justClosed && b.indexOf(QUOTE, i) === -1 && b.indexOf(CR, i) === -1) {
        for (let p = b.indexOf(LF, i); p !== -1; p = b.indexOf(LF, i)) {
          if (lineChars || p > i) records++;
          lineChars = false;
          i = p + 1;
        }
        if (i < n) {
          lineChars = true;
          atStart = b[n - 1] === delim;
        } else atStart = true;
        return;
      }
      for (; i < n; i++) {
        if (inQ) {
          const q = b.indexOf(QUOTE, i);
          if (q === -1) {
            i = n;
            break;
          }
          i = q;
          inQ = false;
          justClosed = true;
          continue;
        }
        const c = b[i];
        if (c === LF || c === CR) {
          if (c === LF && skipLf) {
            skipLf = false;
            continue;
          }
          if (lineChars) records++;
          lineChars = false;
          atStart = true;
          justClosed = false;
          skipLf = c === CR;
          continue;
        }
        skipLf = false;
        lineChars = true;
        if (c === QUOTE && (atStart || justClosed)) inQ = true;
        atStart = c === delim;
        justClosed = false;
      }
    },
    end(): number {
      if (lineChars) records++;
      lineChars = false;
      return records;
    },
  };
}
