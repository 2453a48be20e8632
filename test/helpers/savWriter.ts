/**
 * A tiny SPSS system-file writer for tests (uncompressed, little-endian, UTF-8), following the PSPP documentation of
 * the format: header, variable records (with continuation records for strings longer than 8 bytes), value labels,
 * the integer-info and encoding records, the long-names record, termination, data. Numbers NaN = system-missing.
 */
export interface SavColumn {
  name: string;
  values: (number | string)[];
  /** 1 nominal, 2 ordinal, 3 scale. */
  measure?: 1 | 2 | 3;
  valueLabels?: { value: number; label: string }[];
  label?: string;
}

/** The file's text encoding: the encoding record's name (null: none) and record 3's code page; `encode` writes text. */
export interface SavEncoding {
  name: string | null;
  codePage: number;
  encode: (s: string) => Uint8Array;
}

const UTF8: SavEncoding = { name: 'UTF-8', codePage: 65001, encode: (s) => new TextEncoder().encode(s) };

export function writeSav(columns: SavColumn[], encoding: SavEncoding = UTF8): Uint8Array {
  const enc = { encode: encoding.encode };
  const out: number[] = [];
  const i32 = (v: number) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, v, true);
    out.push(...b);
  };
  const f64 = (v: number) => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    out.push(...b);
  };
  const bytes = (b: Uint8Array | number[], pad: number, fill = 32) => {
    out.push(...b);
    for (let k = b.length; k < pad; k++) out.push(fill);
  };
  const n = columns[0]?.values.length ?? 0;
  const widths = columns.map((c) => (c.values.every((v) => typeof v === 'number') ? 0 : Math.max(1, ...c.values.map((v) => enc.encode(String(v)).length))));
  const slots = widths.map((w) => (w === 0 ? 1 : Math.ceil(w / 8)));
  const short = columns.map((_, k) => `V${k + 1}`);
  const ascii = new TextEncoder();
  bytes(ascii.encode('$FL2'), 4);
  bytes(ascii.encode('@(#) SPSS DATA FILE csikit test writer'), 60);
  i32(2);
  i32(slots.reduce((a, b) => a + b, 0));
  i32(0);
  i32(0);
  i32(n);
  f64(100);
  bytes(ascii.encode('01 Jan 26'), 9);
  bytes(ascii.encode('00:00:00'), 8);
  bytes([], 64);
  bytes([], 3, 0);
  columns.forEach((c, k) => {
    const w = widths[k];
    i32(2);
    i32(w);
    i32(c.label ? 1 : 0);
    i32(0);
    const fmt = w === 0 ? (5 << 16) | (8 << 8) | 2 : (1 << 16) | (w << 8);
    i32(fmt);
    i32(fmt);
    bytes(ascii.encode(short[k]), 8);
    if (c.label) {
      const l = enc.encode(c.label);
      i32(l.length);
      bytes(l, Math.ceil(l.length / 4) * 4);
    }
    for (let s = 1; s < slots[k]; s++) {
      i32(2);
      i32(-1);
      i32(0);
      i32(0);
      i32(0);
      i32(0);
      bytes([], 8);
    }
  });
  let slot = 1;
  columns.forEach((c, k) => {
    if (c.valueLabels?.length) {
      i32(3);
      i32(c.valueLabels.length);
      for (const vl of c.valueLabels) {
        f64(vl.value);
        const l = enc.encode(vl.label);
        out.push(l.length);
        bytes(l, Math.ceil((l.length + 1) / 8) * 8 - 1);
      }
      i32(4);
      i32(1);
      i32(slot);
    }
    slot += slots[k];
  });
  const ext = (subtype: number, size: number, data: number[]) => {
    i32(7);
    i32(subtype);
    i32(size);
    i32(data.length / size);
    out.push(...data);
  };
  const ints = (vs: number[]) => vs.flatMap((v) => Array.from(new Uint8Array(new Int32Array([v]).buffer)));
  ext(3, 4, ints([1, 0, 0, -1, 1, 1, 2, encoding.codePage]));
  ext(11, 4, ints(columns.flatMap((c, k) => [c.measure ?? (widths[k] ? 1 : 3), 8, widths[k] ? 0 : 1])));
  ext(13, 1, Array.from(enc.encode(columns.map((c, k) => `${short[k]}=${c.name}`).join('\t'))));
  if (encoding.name !== null) ext(20, 1, Array.from(ascii.encode(encoding.name)));
  i32(999);
  i32(0);
  for (let r = 0; r < n; r++) {
    columns.forEach((c, k) => {
      const v = c.values[r];
      if (widths[k] === 0) f64(typeof v === 'number' && v === v ? v : -Number.MAX_VALUE);
      else bytes(enc.encode(String(v)), slots[k] * 8);
    });
  }
  return new Uint8Array(out);
}
