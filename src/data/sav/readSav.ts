import { CsiError } from '../../errors.js';
import { readSavCases } from './savCases.js';
import { readLongStringLabels, readLongStringMissing } from './savLongStrings.js';
import { trimPadding } from './savCursor.js';
import { readSavDictionary, type RawSavDictionary, type RawSavVariable } from './savDictionary.js';
import { savDecoder, savEncodingLabel } from './savEncoding.js';
import type { SavFile, SavMeasure, SavVariable } from './savTypes.js';

export type { SavFile, SavVariable, SavMeasure, SavKind } from './savTypes.js';


const DATE_TYPES = new Set([20, 23, 24, 28, 29, 30, 38, 39]);
const DATETIME_TYPES = new Set([22, 41]);
const TIME_TYPES = new Set([21, 25, 40]);
const MEASURES: SavMeasure[] = ['unknown', 'nominal', 'ordinal', 'scale'];

/**
 * Reads an SPSS system file (.sav, or .zsav with ZLIB compression) from its bytes: dictionary (variable names,
 * long names, labels, user-missing values and ranges, value labels, measurement levels, very long strings, long
 * string labels and missing values) and data, with text decoded strictly in the encoding the file declares. Written
 * from the PSPP documentation of the format; pure (no Node built-ins).
 *
 * @throws CsiError CORRUPT_FILE (not a system file, truncated, damaged), ENCODING (text not valid in the declared
 *   encoding, or an encoding this runtime cannot decode).
 * @example
 * const sav = readSav(new Uint8Array(await (await fetch('survey.sav')).arrayBuffer()));
 * sav.variables.map((v) => v.name);
 */
export function readSav(bytes: Uint8Array): SavFile {
  const dict = readSavDictionary(bytes);
  const ext = (subtype: number) => dict.extensions.get(subtype) ?? [];
  const intInfo = ext(3)[0];
  const codePage = intInfo && intInfo.size === 4 && intInfo.count >= 8 ? int32At(intInfo.data, 28, dict.little) : undefined;
  const encName = ext(20)[0] ? latin(ext(20)[0].data) : undefined;
  const encoding = savEncodingLabel(encName, codePage);
  const decode = savDecoder(encoding);

  const raw = dict.variables;
  // Short names are 8 bytes cut anywhere (even inside a multi-byte character): decoded leniently, used as keys only.
  const loose = new TextDecoder(encoding);
  const key = (b: Uint8Array) => loose.decode(trimPadding(b)).toUpperCase();
  const shortNames = raw.map((v) => loose.decode(trimPadding(v.shortName)));
  const longNames = new Map<string, string>();
  for (const r of ext(13)) {
    for (const pair of splitBytes(r.data, 9)) {
      const eq = pair.indexOf(61);
      if (eq > 0) longNames.set(key(pair.subarray(0, eq)), decode(pair.subarray(eq + 1), 'long variable names record').replace(/\0+$/, ''));
    }
  }
  /** Very long strings: short name → full width; the following segments are merged into it. */
  const veryLong = new Map<string, number>();
  for (const r of ext(14)) {
    for (const pair of splitBytes(r.data, 9)) {
      const eq = pair.indexOf(61);
      if (eq > 0) veryLong.set(key(pair.subarray(0, eq)), Number(latin(pair.subarray(eq + 1)).replace(/\0/g, '')));
    }
  }
  const measures = readMeasures(dict, raw.length);
  const { data, cases } = readSavCases(bytes, dict);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const caseBytes = dict.caseSlots * 8;

  const variables: SavVariable[] = [];
  const bySlot = new Map<number, SavVariable>();
  let weight: string | undefined;
  for (let k = 0; k < raw.length; k++) {
    const rv = raw[k];
    const short = shortNames[k];
    const name = longNames.get(short.toUpperCase()) ?? short;
    let width = rv.width;
    let segments: RawSavVariable[] = [rv];
    const full = veryLong.get(short.toUpperCase());
    const first = k;
    if (full !== undefined && rv.width > 0) {
      const n = Math.ceil(full / 252);
      segments = raw.slice(k, k + n);
      if (segments.length !== n) throw new CsiError('CORRUPT_FILE', `The .sav file is damaged: very long string ${name} lacks segments.`);
      width = full;
      k += n - 1;
    }
    const what = `variable ${name}`;
    const v: SavVariable = {
      name,
      type: rv.width === 0 ? 'numeric' : 'string',
      width: rv.width === 0 ? 0 : width,
      kind: rv.width > 0 ? 'string' : DATE_TYPES.has(rv.format.type) ? 'date' : DATETIME_TYPES.has(rv.format.type) ? 'datetime' : TIME_TYPES.has(rv.format.type) ? 'time' : 'number',
      format: rv.format,
      measure: measures[first] ?? (rv.width > 0 ? 'nominal' : 'unknown'),
      missing: { values: [] },
      valueLabels: [],
      values: rv.width === 0 ? numericColumn(view, cases, caseBytes, rv.slot, dict) : stringColumn(data, cases, caseBytes, segments, width, (b) => decode(b, `text in ${what}`)),
    };
    if (rv.label !== null) v.label = decode(rv.label, `label of ${what}`);
    if (rv.width === 0) {
      const nums = rv.missingRaw.map((b) => new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, dict.little));
      if (rv.missingCount < 0) {
        v.missing.range = { min: nums[0], max: nums[1] };
        v.missing.values = nums.slice(2);
      } else v.missing.values = nums;
    } else {
      v.missing.values = rv.missingRaw.map((b) => decode(trimPadding(b), `missing value of ${what}`));
    }
    if (dict.weightSlot > 0 && rv.slot === dict.weightSlot - 1) weight = name;
    variables.push(v);
    bySlot.set(rv.slot + 1, v);
  }
  for (const set of dict.valueLabels) {
    for (const slot of set.slots) {
      const v = bySlot.get(slot);
      if (!v) throw new CsiError('CORRUPT_FILE', `The .sav file is damaged: a value label set names variable position ${slot}, which does not exist.`);
      for (const e of set.entries) {
        const label = decode(e.label, `value label of variable ${v.name}`);
        const value = v.type === 'numeric' ? new DataView(e.value.buffer, e.value.byteOffset, 8).getFloat64(0, dict.little) : decode(trimPadding(e.value), `value label of variable ${v.name}`);
        v.valueLabels.push({ value, label });
      }
    }
  }
  readLongStringLabels(dict, variables, decode);
  readLongStringMissing(dict, variables, decode);
  return {
    encoding,
    compression: dict.compression === 0 ? 'none' : dict.compression === 1 ? 'bytecode' : 'zlib',
    fileLabel: decode(trimPadding(dict.fileLabel), 'file label'),
    n: cases,
    variables,
    ...(weight !== undefined ? { weight } : {}),
  };
}

function int32At(b: Uint8Array, at: number, little: boolean): number {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getInt32(at, little);
}

/** Splits bytes at `sep` (dropping empty pieces). */
function splitBytes(b: Uint8Array, sep: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= b.length; i++) {
    if (i === b.length || b[i] === sep) {
      if (i > start) out.push(b.subarray(start, i));
      start = i + 1;
    }
  }
  return out;
}

function latin(b: Uint8Array): string {
  return String.fromCharCode(...trimPadding(b));
}

/** Measurement levels from record 11, one per variable record (very long string segments counted). */
function readMeasures(dict: RawSavDictionary, count: number): (SavMeasure | undefined)[] {
  const r = dict.extensions.get(11)?.[0];
  if (!r || r.size !== 4) return [];
  const per = r.count === count * 3 ? 3 : r.count === count * 2 ? 2 : 0;
  if (per === 0) return [];
  return Array.from({ length: count }, (_, k) => MEASURES[int32At(r.data, k * per * 4, dict.little)]);
}

function numericColumn(view: DataView, cases: number, caseBytes: number, slot: number, dict: RawSavDictionary): Float64Array {
  const out = new Float64Array(cases);
  for (let r = 0; r < cases; r++) {
    const x = view.getFloat64(r * caseBytes + slot * 8, dict.little);
    out[r] = x === dict.sysmis || x === -Number.MAX_VALUE ? NaN : x;
  }
  return out;
}

/** A string column: each segment contributes up to 255 bytes (its width), concatenated, then decoded whole. */
function stringColumn(data: Uint8Array, cases: number, caseBytes: number, segments: RawSavVariable[], width: number, decode: (b: Uint8Array) => string): string[] {
  const out = new Array<string>(cases);
  const total = segments.reduce((s, g) => s + Math.min(g.width, 255), 0);
  const buf = new Uint8Array(total);
  const used = buf.subarray(0, Math.min(total, width));
  for (let r = 0; r < cases; r++) {
    let at = 0;
    for (const g of segments) {
      const w = Math.min(g.width, 255);
      const start = r * caseBytes + g.slot * 8;
      buf.set(data.subarray(start, start + w), at);
      at += w;
    }
    out[r] = decode(trimPadding(used));
  }
  return out;
}
