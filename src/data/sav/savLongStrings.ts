import { CsiError } from '../../errors.js';
import type { SavVariable } from './savTypes.js';
import { trimPadding } from './savCursor.js';
import type { RawSavDictionary } from './savDictionary.js';

/** Reads a length-prefixed chunk list (records 21 and 22). */
function reader(data: Uint8Array, little: boolean) {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let p = 0;
  const fail = () => {
    throw new CsiError('CORRUPT_FILE', 'The .sav file is damaged: a long string label or missing-value record is cut off.');
  };
  return {
    more: () => p < data.length,
    int32: () => {
      if (p + 4 > data.length) fail();
      const x = v.getInt32(p, little);
      p += 4;
      return x;
    },
    byte: () => {
      if (p + 1 > data.length) fail();
      return data[p++];
    },
    take: (n: number) => {
      if (n < 0 || p + n > data.length) fail();
      const b = data.subarray(p, p + n);
      p += n;
      return b;
    },
  };
}

/**
 * Adds the value labels of long string variables (extension record 21) to the variables they name.
 *
 * @example
 * readLongStringLabels(dict, variables, decode);
 */
export function readLongStringLabels(dict: RawSavDictionary, variables: SavVariable[], decode: (b: Uint8Array, what: string) => string): void {
  for (const rec of dict.extensions.get(21) ?? []) {
    const r = reader(rec.data, dict.little);
    while (r.more()) {
      const name = decode(r.take(r.int32()), 'long string value labels record');
      r.int32(); // width
      const n = r.int32();
      const v = variables.find((x) => x.name.toUpperCase() === name.toUpperCase());
      for (let k = 0; k < n; k++) {
        const value = decode(trimPadding(r.take(r.int32())), `value label of variable ${name}`);
        const label = decode(r.take(r.int32()), `value label of variable ${name}`);
        v?.valueLabels.push({ value, label });
      }
    }
  }
}

/**
 * Adds the missing values of long string variables (extension record 22) to the variables they name.
 *
 * @example
 * readLongStringMissing(dict, variables, decode);
 */
export function readLongStringMissing(dict: RawSavDictionary, variables: SavVariable[], decode: (b: Uint8Array, what: string) => string): void {
  for (const rec of dict.extensions.get(22) ?? []) {
    const r = reader(rec.data, dict.little);
    while (r.more()) {
      const name = decode(r.take(r.int32()), 'long string missing values record');
      const n = r.byte();
      const len = r.int32();
      const v = variables.find((x) => x.name.toUpperCase() === name.toUpperCase());
      for (let k = 0; k < n; k++) v?.missing.values.push(decode(trimPadding(r.take(len)), `missing value of variable ${name}`));
    }
  }
}
