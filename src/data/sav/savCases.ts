import { unzlibSync } from 'fflate';
import { CsiError } from '../../errors.js';
import { concatBytes } from '../concatBytes.js';
import type { RawSavDictionary } from './savDictionary.js';
import { SavCursor } from './savCursor.js';

/**
 * The case data of a system file as one uncompressed byte array (8 bytes per slot, `caseSlots` slots per case),
 * whatever the file's compression: none, bytecode (bias 100) or ZLIB (.zsav blocks of bytecode).
 *
 * @throws CsiError CORRUPT_FILE when the data are cut off or a ZLIB block does not inflate.
 * @example
 * const { data, cases } = readSavCases(bytes, readSavDictionary(bytes));
 */
export function readSavCases(bytes: Uint8Array, dict: RawSavDictionary): { data: Uint8Array; cases: number } {
  const caseBytes = dict.caseSlots * 8;
  if (!(caseBytes > 0)) throw new CsiError('CORRUPT_FILE', 'The .sav file is damaged: its header gives no case size.');
  let data: Uint8Array;
  if (dict.compression === 0) {
    data = bytes.subarray(dict.dataStart);
  } else if (dict.compression === 1) {
    data = expandBytecode(bytes.subarray(dict.dataStart), dict, caseBytes);
  } else if (dict.compression === 2) {
    data = expandBytecode(inflateZsav(bytes, dict), dict, caseBytes);
  } else {
    throw new CsiError('CORRUPT_FILE', `The .sav file is damaged: unknown compression code ${dict.compression}.`);
  }
  const whole = Math.floor(data.length / caseBytes);
  if (dict.cases >= 0 && whole < dict.cases) {
    throw new CsiError('CORRUPT_FILE', `The .sav file is truncated: its header announces ${dict.cases} cases but the data hold ${whole}.`);
  }
  const cases = dict.cases >= 0 ? dict.cases : whole;
  return { data: data.subarray(0, cases * caseBytes), cases };
}

/** Inflates the ZLIB blocks listed in a .zsav trailer into one bytecode stream. */
function inflateZsav(bytes: Uint8Array, dict: RawSavDictionary): Uint8Array {
  const c = new SavCursor(bytes, dict.little);
  c.pos = dict.dataStart;
  c.int64(); // offset of this header
  const trailerOfs = c.int64();
  c.int64(); // trailer length
  c.pos = trailerOfs;
  c.need(0);
  c.int64(); // bias
  c.int64(); // zero
  c.int32(); // block size
  const blocks = c.int32();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let k = 0; k < blocks; k++) {
    c.int64(); // uncompressed offset
    const compressedOfs = c.int64();
    const uncompressedSize = c.int32();
    const compressedSize = c.int32();
    if (compressedOfs < 0 || compressedSize < 0 || compressedOfs + compressedSize > bytes.length) {
      throw new CsiError('CORRUPT_FILE', 'The .zsav file is truncated: a compressed block lies past its end.');
    }
    // ZLIB cannot expand more than about 1032:1; a larger claim is damage, not data (and no huge allocation).
    if (uncompressedSize < 0 || uncompressedSize > compressedSize * 1032 + 1024) {
      throw new CsiError('CORRUPT_FILE', `The .zsav file is damaged: block ${k + 1} claims an impossible size.`);
    }
    let part: Uint8Array;
    try {
      part = unzlibSync(bytes.subarray(compressedOfs, compressedOfs + compressedSize), { out: new Uint8Array(uncompressedSize) });
    } catch {
      throw new CsiError('CORRUPT_FILE', `The .zsav file is damaged: compressed block ${k + 1} does not inflate.`);
    }
    parts.push(part);
    total += part.length;
  }
  return concatBytes(parts, total); // each part is a fresh inflate buffer: a single one need not be copied
}

/** Expands bytecode compression: 8 command bytes, then the 8-byte literals they call for. */
function expandBytecode(src: Uint8Array, dict: RawSavDictionary, caseBytes: number): Uint8Array {
  // Each 8 command bytes expand to at most 64 bytes, so the header's case count cannot ask for more than that.
  const expected = Math.max(Math.min(dict.cases >= 0 ? dict.cases * caseBytes : src.length * 2, src.length * 8), caseBytes, 64);
  let out = new Uint8Array(expected);
  const view = () => new DataView(out.buffer);
  let dv = view();
  let o = 0;
  let i = 0;
  const ensure = () => {
    if (o + 8 > out.length) {
      const next = new Uint8Array(out.length * 2);
      next.set(out);
      out = next;
      dv = view();
    }
  };
  outer: while (i + 8 <= src.length) {
    const cmd = i;
    i += 8;
    for (let k = 0; k < 8; k++) {
      const code = src[cmd + k];
      if (code === 0) continue;
      if (code === 252) break outer;
      ensure();
      if (code === 253) {
        if (i + 8 > src.length) break outer;
        out.set(src.subarray(i, i + 8), o);
        i += 8;
      } else if (code === 254) {
        out.fill(32, o, o + 8);
      } else if (code === 255) {
        dv.setFloat64(o, dict.sysmis, dict.little);
      } else {
        dv.setFloat64(o, code - dict.bias, dict.little);
      }
      o += 8;
    }
  }
  return out.subarray(0, o);
}
