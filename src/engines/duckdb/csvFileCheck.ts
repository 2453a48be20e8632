/**
 * What the in-memory reader would say about a CSV file, for the DuckDB adapter: a cheap check before DuckDB sees the
 * file (a directory, an empty file, UTF-16, non-UTF-8 bytes at the start; the delimiter as the in-memory reader
 * detects it), and a full streaming diagnosis when DuckDB fails on it (the first row with the wrong number of
 * fields, the first non-UTF-8 bytes), so messages name the row, column and encoding instead of DuckDB's internals;
 * and after a successful read, a count of the file's records to compare with the rows DuckDB read.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createCsvRecordCounter, createCsvTokenizer, detectDelimiter, looksLatin1 } from '../../data/index.js';
import { CsiError } from '../../errors.js';

const HEAD_BYTES = 65536;

function notUtf8(file: string, row: number, latin: boolean): CsiError {
  return new CsiError(
    'ENCODING',
    `${file} is not UTF-8 (row ${row} holds other bytes${latin ? '; they look like Latin-1/Windows-1252' : ', e.g. GBK/GB18030'}), and DuckDB reads UTF-8 only. Save it as UTF-8 (CSV UTF-8 in Excel), or read it without --engine: the in-memory reader detects GBK/GB18030 and takes the encoding option.`,
    { row },
  );
}

/**
 * Checks a CSV file before DuckDB reads it and returns the delimiter the in-memory reader would use. Throws
 * INVALID_OPTION (a directory), EMPTY_FILE, or ENCODING (UTF-16 or non-UTF-8 bytes in the first 64 KiB).
 *
 * @example
 * const { delimiter } = await precheckCsvFile('survey.csv'); // ','
 */
export async function precheckCsvFile(file: string): Promise<{ delimiter: string }> {
  const st = await stat(file);
  if (st.isDirectory()) throw new CsiError('INVALID_OPTION', `${file} is a directory, not a CSV file.`);
  if (st.size === 0) throw new CsiError('EMPTY_FILE', `${file} is empty.`);
  const fh = await open(file, 'r');
  let head: Uint8Array;
  try {
    const buf = new Uint8Array(Math.min(HEAD_BYTES, st.size));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new CsiError('ENCODING', `${file} is UTF-16 (it starts with a UTF-16 byte-order mark), and DuckDB reads UTF-8 only. Save it as UTF-8 (CSV UTF-8 in Excel), or read it without --engine: the in-memory reader reads UTF-16.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    const bad = firstNonUtf8(head);
    let row = 1;
    for (let i = 0; i < bad; i++) if (head[i] === 10) row++;
    throw notUtf8(file, row, looksLatin1(head));
  }
  return { delimiter: detectDelimiter(text.replace(/^\ufeff/, ''), st.size <= HEAD_BYTES) };
}

/** Offset of the first byte where UTF-8 decoding fails (by halving; the head is small). */
function firstNonUtf8(b: Uint8Array): number {
  let lo = 0;
  let hi = b.length;
  const ok = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Reads the whole file as the in-memory reader's tokenizer does and returns the first problem it would report
 * (RAGGED_ROW with the row and, for a short row, the first missing column; ENCODING with the row), or undefined.
 * Called only after DuckDB failed, so the successful path costs nothing.
 *
 * @example
 * const why = await diagnoseCsvFile('survey.csv', ','); // CsiError RAGGED_ROW "Row 102 has 4 fields but the header (row 1) has 3." | undefined
 */
export async function diagnoseCsvFile(file: string, delimiter: string): Promise<CsiError | undefined> {
  let header: string[] | null = null;
  let cells: string[] = [];
  let problem: CsiError | undefined;
  const dec = new TextDecoder();
  const tok = createCsvTokenizer(delimiter, {
    beginRow() {},
    blankRow() {},
    cell(_c, b, s, e) {
      if (header === null) cells.push(dec.decode(b.subarray(s, e)));
    },
    endRow(fields, row) {
      if (problem) return;
      if (header === null) {
        header = cells;
        cells = [];
        return;
      }
      if (fields !== header.length) {
        const column = fields < header.length ? header[fields] : undefined;
        problem = new CsiError('RAGGED_ROW', `Row ${row} has ${fields} field${fields === 1 ? '' : 's'} but the header (row 1) has ${header.length}.`, { row, ...(column !== undefined ? { column } : {}) });
      }
    },
  });
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let rowsBefore = 1;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      const bytes = chunk as Uint8Array;
      try {
        utf8.decode(bytes, { stream: true });
      } catch {
        return notUtf8(file, rowsBefore + Math.max(0, firstNonUtf8(bytes) > 0 ? countLf(bytes, firstNonUtf8(bytes)) : 0), looksLatin1(bytes));
      }
      rowsBefore += countLf(bytes, bytes.length);
      tok.push(bytes);
      if (problem) return problem;
    }
    tok.end();
  } catch (e) {
    if (e instanceof CsiError) return e;
    return undefined;
  }
  return problem;
}

/**
 * The data records of a CSV file as the in-memory reader splits it (its tokenizer's records, blank lines not
 * counted, minus the header), counted without tokenizing (`createCsvRecordCounter`: 30–200 ms for a 65 MB, 1M-row
 * file in the page cache, plain, quoted or CRLF; 3–9 % of DuckDB's moments query on it).
 *
 * @example
 * await countCsvDataRecords('survey.csv', ',') // 250
 */
export async function countCsvDataRecords(file: string, delimiter: string): Promise<number> {
  const counter = createCsvRecordCounter(delimiter);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) counter.push(chunk as Uint8Array);
  return Math.max(0, counter.end() - 1);
}

/**
 * Throws ENGINE when DuckDB read another number of rows of a CSV file than the file holds data records: a row its
 * reader skipped, merged or split (e.g. a sniffed comment character, which the pinned dialect now rules out), which
 * would otherwise change the estimate without a word.
 *
 * @example
 * checkRowsRead('survey.csv', 225, 250) // throws CsiError ENGINE "DuckDB read 225 rows of survey.csv but the file holds 250 records …"
 * checkRowsRead('survey.csv', 250, 250) // passes
 */
export function checkRowsRead(file: string, rowsRead: number, records: number): void {
  if (rowsRead === records) return;
  throw new CsiError(
    'ENGINE',
    `DuckDB read ${rowsRead} rows of ${file} but the file holds ${records} records after the header (blank lines not counted): its CSV reader ${rowsRead < records ? 'skipped' : 'split'} rows, so the estimate would be wrong. Read the file without --engine (the in-memory reader names the rows it refuses), or convert it to Parquet.`,
  );
}

/** The line feeds in `b[0, end)`, found by native `indexOf` jumps rather than a byte-by-byte loop. */
function countLf(b: Uint8Array, end: number): number {
  let n = 0;
  for (let i = b.indexOf(10); i !== -1 && i < end; i = b.indexOf(10, i + 1)) n++;
  return n;
}
