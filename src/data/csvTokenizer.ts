import { CsiError } from '../errors.js';

/**
 * An incremental RFC 4180 CSV tokenizer over bytes. It hands field positions (never strings) to a sink, chunk by
 * chunk, so numeric cells are parsed straight from the bytes. It works on any ASCII-compatible encoding (UTF-8,
 * GBK, GB18030: their multi-byte characters never contain the bytes of `"`, `,`, `;`, tab, CR or LF).
 *
 * Accepted: a one-byte delimiter, quoted fields with `""` escapes and embedded delimiters or line breaks, line ends
 * `\n`, `\r\n` or a lone `\r`. A quote opens a quoted field only at the very start of a field; elsewhere it is a
 * literal character. Text after a closing quote (`"ab"c`) is kept as part of the field.
 */

/** Receives the tokens. Row numbers are 1-based record numbers (blank lines count; the header is usually 1). */
export interface CsvSink {
  /** A record begins. */
  beginRow(row: number): void;
  /**
   * One field: its bytes are `b[start, end)`, already unescaped. `num` is its value when the field is 1 to 15 plain
   * ASCII digits (no sign, point or space), else −1: the tokenizer reads it on the way, so the common cell costs
   * no second pass.
   */
  cell(col: number, b: Uint8Array, start: number, end: number, num: number): void;
  /** The record ended after `fields` fields. */
  endRow(fields: number, row: number): void;
  /** A completely empty line (no characters at all). */
  blankRow(row: number): void;
  /**
   * Optional fast lane: takes as many whole records of `b[start, end)` as it can itself (records `row + 1`, …), as if
   * they had been fed through beginRow/cell/endRow; returns how many it took and writes the position after them into
   * `out[0]`. A negative return means "do not ask again". The tokenizer parses the record it stopped at as usual.
   */
  plainRows?(b: Uint8Array, start: number, end: number, delim: number, row: number, out: Float64Array): number;
}

/** The tokenizer's handle: feed bytes with `push`, then call `end` once. */
export interface CsvTokenizer {
  push(bytes: Uint8Array): void;
  end(): void;
  /** Records seen so far (including blank lines). */
  readonly rows: number;
  /** Bytes parsed so far (complete records only). */
  readonly bytes: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Creates a tokenizer that parses complete records as soon as they arrive and keeps only the unfinished tail.
 *
 * @example
 * const cells: string[] = [];
 * const t = createCsvTokenizer(',', {
 *   beginRow() {}, endRow() {}, blankRow() {},
 *   cell(_c, b, s, e) { cells.push(new TextDecoder().decode(b.subarray(s, e))); },
 * });
 * const enc = new TextEncoder();
 * t.push(enc.encode('a,"b,c"\n1,')); t.push(enc.encode('2\n')); t.end(); // cells: ['a', 'b,c', '1', '2']
 */
export function createCsvTokenizer(delimiter: string, sink: CsvSink): CsvTokenizer {
  const delim = delimiter.charCodeAt(0);
  // The fast lane (CsvSink.plainRows) needs a delimiter that is neither a digit nor a quote or line end.
  let lane = sink.plainRows !== undefined && !(delim >= 48 && delim <= 57) && delim !== QUOTE && delim !== LF && delim !== CR;
  const laneOut = new Float64Array(1);
  let carry: Uint8Array = new Uint8Array(0);
  let carryLen = 0;
  let row = 0;
  let parsedBytes = 0;

  // The scan for record ends resumes where it stopped: the state at byte `scanPos` of the carried tail (inside a
  // quoted field? at the start of a field?). Each byte is scanned once, so a quote left open for megabytes costs
  // linear time, not a rescan of the whole tail per chunk.
  let inQ = false;
  let atStart = true;
  let scanPos = 0;

  /**
   * Scans `b[from, n)` on from the saved state; returns the position just after the last record terminator outside
   * quotes (0 when there is none), leaves `scanPos` where the next scan must resume (before a final quote or CR whose
   * meaning depends on the next byte). `quoteFree` says whether `b[from, n)` holds no quote.
   */
  function scanEnds(b: Uint8Array, from: number, n: number, quoteFree: boolean): number {
    if (!inQ && quoteFree) {
      const stop = n > from && b[n - 1] === CR ? n - 1 : n;
      const seg = b.subarray(from, stop);
      // the last LF, or a CR after it (a file without CR is not scanned a second time for one)
      const lf = seg.lastIndexOf(LF);
      const cr = seg.subarray(lf + 1).lastIndexOf(CR);
      const last = cr >= 0 ? lf + 1 + cr : lf;
      if (stop > from) {
        const c = b[stop - 1];
        atStart = c === delim || c === LF || c === CR;
      }
      scanPos = stop;
      return last >= 0 ? from + last + 1 : 0;
    }
    let last = 0;
    let i = from;
    for (; i < n; i++) {
      if (inQ) {
        const q = b.subarray(i, n).indexOf(QUOTE);
        if (q === -1) {
          i = n;
          break;
        }
        i += q;
        if (i + 1 >= n) break;
        if (b[i + 1] === QUOTE) i++;
        else inQ = false;
        continue;
      }
      const c = b[i];
      if (c === QUOTE && atStart) {
        inQ = true;
        atStart = false;
      } else if (c === delim) {
        atStart = true;
      } else if (c === LF) {
        last = i + 1;
        atStart = true;
      } else if (c === CR) {
        if (i + 1 >= n) break;
        if (b[i + 1] === LF) i++;
        last = i + 1;
        atStart = true;
      } else {
        atStart = false;
      }
    }
    scanPos = i;
    return last;
  }

  /** A quoted field `b[open, close)` with `""` escapes, plus literal bytes `b[close + 1, tailEnd)`, unescaped. */
  function unescape(b: Uint8Array, open: number, close: number, tailEnd: number): Uint8Array {
    const out = new Uint8Array(close - open + (tailEnd - close - 1));
    let o = 0;
    for (let i = open; i < close; i++) {
      out[o++] = b[i];
      if (b[i] === QUOTE) i++;
    }
    for (let i = close + 1; i < tailEnd; i++) out[o++] = b[i];
    return out.subarray(0, o);
  }

  /** Parses records in `b[0, end)`; `final` means the input ends at `end`. */
  function parse(b: Uint8Array, end: number, final: boolean): void {
    let i = 0;
    while (i < end) {
      if (lane) {
        const taken = sink.plainRows!(b, i, end, delim, row, laneOut);
        if (taken < 0) lane = false;
        else if (taken > 0) {
          row += taken;
          i = laneOut[0];
          if (i >= end) break;
        }
      }
      row++;
      let c = b[i];
      if (c === LF || c === CR) {
        sink.blankRow(row);
        i += c === CR && i + 1 < end && b[i + 1] === LF ? 2 : 1;
        continue;
      }
      sink.beginRow(row);
      let col = 0;
      for (;;) {
        c = i < end ? b[i] : -1;
        if (c === QUOTE) {
          const open = i + 1;
          let escaped = false;
          let q = open;
          for (;;) {
            q = b.indexOf(QUOTE, q);
            if (q === -1 || q >= end) {
              if (!final) throw new Error('csvTokenizer: quote state out of step'); // cannot happen (safeEnd)
              throw new CsiError('UNTERMINATED_QUOTE', `A quoted field that starts in row ${row} is never closed.`, { row });
            }
            if (q + 1 < end && b[q + 1] === QUOTE) {
              escaped = true;
              q += 2;
              continue;
            }
            break;
          }
          let j = q + 1;
          while (j < end) {
            const d = b[j];
            if (d === delim || d === LF || d === CR) break;
            j++;
          }
          if (!escaped && j === q + 1) sink.cell(col, b, open, q, -1);
          else {
            const u = unescape(b, open, q, j);
            sink.cell(col, u, 0, u.length, -1);
          }
          i = j;
        } else {
          // Digits first (the common case), accumulating the value on the way; then the rest of the field if any.
          let j = i;
          let num = 0;
          while (j < end) {
            const d = b[j] - 48;
            if (d < 0 || d > 9) break;
            num = num * 10 + d;
            j++;
          }
          if (j === i || j - i > 15) num = -1;
          while (j < end) {
            c = b[j];
            if (c === delim || c === LF || c === CR) break;
            num = -1;
            j++;
          }
          sink.cell(col, b, i, j, num);
          i = j;
        }
        col++;
        if (i >= end) break;
        c = b[i];
        if (c === delim) {
          i++;
          if (i >= end) {
            sink.cell(col, b, i, i, -1);
            col++;
            break;
          }
          continue;
        }
        i += c === CR && i + 1 < end && b[i + 1] === LF ? 2 : 1;
        break;
      }
      sink.endRow(col, row);
    }
    parsedBytes += end;
  }

  return {
    push(input: Uint8Array): void {
      if (input.length === 0) return;
      // A plain Uint8Array view (not a Node Buffer subclass) keeps element access monomorphic in the hot loop.
      const bytes = input.constructor === Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.length);
      let b: Uint8Array;
      let n: number;
      if (carryLen === 0) {
        // Nothing carried: parse the chunk in place.
        b = bytes;
        n = bytes.length;
        scanPos = 0;
      } else {
        // Append to the carried tail, growing its buffer geometrically (bytes past carryLen were never handed out).
        if (carryLen + bytes.length > carry.length) {
          const grown = new Uint8Array(Math.max(carry.length * 2, carryLen + bytes.length));
          grown.set(carry.subarray(0, carryLen));
          carry = grown;
        }
        carry.set(bytes, carryLen);
        carryLen += bytes.length;
        b = carry;
        n = carryLen;
      }
      // Quotes are looked for in the chunk as given (a Node Buffer's indexOf is a native memchr, a Uint8Array's a
      // byte loop) and in the carried bytes before it that are not scanned yet.
      const quoteFree = !inQ && (b === bytes || b.subarray(scanPos, n - bytes.length).indexOf(QUOTE) === -1) && input.indexOf(QUOTE) === -1;
      const e = scanEnds(b, scanPos, n, quoteFree);
      if (e > 0) parse(b, e, false);
      if (e > 0 || b !== carry) {
        // Keep the unfinished tail as a fresh copy: the parsed part may still be referenced by the sink's views.
        const tail = b.slice(e, n);
        carry = tail;
        carryLen = tail.length;
        scanPos -= e;
      }
    },
    end(): void {
      const b = carry.subarray(0, carryLen);
      carry = new Uint8Array(0);
      carryLen = 0;
      if (b.length > 0) parse(b, b.length, true);
    },
    get rows() {
      return row;
    },
    get bytes() {
      return parsedBytes;
    },
  };
}
