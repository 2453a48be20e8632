import { CsiError } from '../../errors.js';

/**
 * A bounds-checked reader over the bytes of a system file, in the file's byte order. Reading past the end throws
 * CORRUPT_FILE ("truncated"), so a cut-off file fails with one clear line.
 *
 * @example
 * const c = new SavCursor(new Uint8Array([2, 0, 0, 0]), true);
 * c.int32(); // 2
 */
export class SavCursor {
  readonly view: DataView;
  pos = 0;
  constructor(
    readonly bytes: Uint8Array,
    readonly little: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  /** Throws CORRUPT_FILE unless `n` more bytes are available. */
  need(n: number): void {
    if (n < 0 || this.pos + n > this.bytes.length) {
      throw new CsiError('CORRUPT_FILE', `The .sav file is truncated or damaged: it ends inside a record (byte ${this.pos} of ${this.bytes.length}).`);
    }
  }
  int32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, this.little);
    this.pos += 4;
    return v;
  }
  float64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, this.little);
    this.pos += 8;
    return v;
  }
  int64(): number {
    this.need(8);
    const v = Number(this.view.getBigInt64(this.pos, this.little));
    this.pos += 8;
    return v;
  }
  /** The next `n` bytes (a view, not a copy). */
  take(n: number): Uint8Array {
    this.need(n);
    const b = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }
}

/**
 * Drops trailing spaces (and NULs) from the bytes of a space-padded SPSS string.
 *
 * @example
 * trimPadding(new Uint8Array([97, 32, 32])) // Uint8Array [97]
 */
export function trimPadding(b: Uint8Array): Uint8Array {
  let end = b.length;
  while (end > 0 && (b[end - 1] === 32 || b[end - 1] === 0)) end--;
  return b.subarray(0, end);
}
