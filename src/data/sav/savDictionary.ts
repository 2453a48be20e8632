import { CsiError } from '../../errors.js';
import { SavCursor } from './savCursor.js';

/** One variable record as stored (names and labels still bytes: the encoding is known only at the end). */
export interface RawSavVariable {
  /** 0-based position among the case's 8-byte slots. */
  slot: number;
  /** 0 = numeric, else the string width in bytes. */
  width: number;
  shortName: Uint8Array;
  label: Uint8Array | null;
  /** Missing-value count as stored: 0-3 discrete, −2 a range, −3 a range plus one value. */
  missingCount: number;
  /** The raw 8-byte missing values (numbers or space-padded strings). */
  missingRaw: Uint8Array[];
  /** Print format: type, width, decimals. */
  format: { type: number; width: number; decimals: number };
}

/** Everything a system file's dictionary holds, undecoded. */
export interface RawSavDictionary {
  little: boolean;
  /** Compression as stored: 0 none, 1 bytecode, 2 ZLIB (.zsav). */
  compression: number;
  /** 1-based slot of the weight variable, 0 when unweighted. */
  weightSlot: number;
  /** Number of cases, −1 when unknown. */
  cases: number;
  bias: number;
  caseSlots: number;
  fileLabel: Uint8Array;
  variables: RawSavVariable[];
  /** Value label sets: raw 8-byte values with label bytes, and the 1-based slots they apply to. */
  valueLabels: { entries: { value: Uint8Array; label: Uint8Array }[]; slots: number[] }[];
  /** Extension records by subtype (several records of one subtype are kept in order). */
  extensions: Map<number, { size: number; count: number; data: Uint8Array }[]>;
  /** Byte offset where the case data begin. */
  dataStart: number;
  sysmis: number;
  highest: number;
  lowest: number;
}

/**
 * Reads a system file's header and dictionary (records 1 to 999) as described in the PSPP documentation
 * ("System File Format"), leaving text undecoded.
 *
 * @throws CsiError CORRUPT_FILE when the file is not a system file or is cut off.
 * @example
 * const dict = readSavDictionary(bytes);
 * dict.variables.length;
 */
export function readSavDictionary(bytes: Uint8Array): RawSavDictionary {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== '$FL2' && magic !== '$FL3') {
    throw new CsiError('CORRUPT_FILE', 'This is not an SPSS system file (.sav/.zsav): it does not start with "$FL2" or "$FL3".');
  }
  if (bytes.length < 176) throw new CsiError('CORRUPT_FILE', 'The .sav file is truncated: it ends inside the file header.');
  const probe = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(64, true);
  const little = probe === 2 || probe === 3;
  const c = new SavCursor(bytes, little);
  c.skip(68);
  const caseSlots = c.int32();
  const compression = c.int32();
  const weightSlot = c.int32();
  const cases = c.int32();
  const bias = c.float64();
  c.skip(17);
  const fileLabel = c.take(64);
  c.skip(3);
  const dict: RawSavDictionary = {
    little,
    compression,
    weightSlot,
    cases,
    bias,
    caseSlots,
    fileLabel,
    variables: [],
    valueLabels: [],
    extensions: new Map(),
    dataStart: 0,
    sysmis: -Number.MAX_VALUE,
    highest: Number.MAX_VALUE,
    lowest: -Number.MAX_VALUE,
  };
  let slot = 0;
  for (;;) {
    const type = c.int32();
    if (type === 2) {
      const width = c.int32();
      const hasLabel = c.int32();
      const missingCount = c.int32();
      const print = c.int32();
      c.int32(); // write format
      const shortName = c.take(8);
      let label: Uint8Array | null = null;
      if (hasLabel === 1) {
        const len = c.int32();
        label = c.take(len);
        c.skip((4 - (len % 4)) % 4);
      }
      const missingRaw: Uint8Array[] = [];
      for (let k = 0; k < Math.abs(missingCount); k++) missingRaw.push(c.take(8));
      if (width !== -1) {
        dict.variables.push({
          slot,
          width,
          shortName,
          label,
          missingCount,
          missingRaw,
          format: { type: (print >> 16) & 0xff, width: (print >> 8) & 0xff, decimals: print & 0xff },
        });
      }
      slot++;
    } else if (type === 3) {
      const count = c.int32();
      const entries: { value: Uint8Array; label: Uint8Array }[] = [];
      for (let k = 0; k < count; k++) {
        const value = c.take(8);
        const len = c.take(1)[0];
        const label = c.take(len);
        c.skip((8 - ((len + 1) % 8)) % 8);
        entries.push({ value, label });
      }
      if (c.int32() !== 4) throw new CsiError('CORRUPT_FILE', 'The .sav file is damaged: a value label record is not followed by its variable list.');
      const nvars = c.int32();
      const slots: number[] = [];
      for (let k = 0; k < nvars; k++) slots.push(c.int32());
      dict.valueLabels.push({ entries, slots });
    } else if (type === 6) {
      c.skip(c.int32() * 80);
    } else if (type === 7) {
      const subtype = c.int32();
      const size = c.int32();
      const count = c.int32();
      const data = c.take(size * count);
      const list = dict.extensions.get(subtype) ?? [];
      list.push({ size, count, data });
      dict.extensions.set(subtype, list);
      if (subtype === 4 && size === 8 && count === 3) {
        const v = new DataView(data.buffer, data.byteOffset, 24);
        dict.sysmis = v.getFloat64(0, little);
        dict.highest = v.getFloat64(8, little);
        dict.lowest = v.getFloat64(16, little);
      }
    } else if (type === 999) {
      c.int32();
      break;
    } else {
      throw new CsiError('CORRUPT_FILE', `The .sav file is damaged: unknown record type ${type} at byte ${c.pos - 4}.`);
    }
  }
  dict.dataStart = c.pos;
  return dict;
}
