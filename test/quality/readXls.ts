/**
 * Test helper (not a test): a minimal reader for legacy Excel 97–2003 `.xls` files (a Compound File Binary
 * container holding a BIFF8 "Workbook" stream), enough to read the numbers and labels of ADANCO's result files in
 * ../shared at run time. Reads cell records NUMBER, RK, MULRK, FORMULA (cached numbers), LABELSST and LABEL.
 * Formats: [MS-CFB] and [MS-XLS] (Microsoft Open Specifications).
 */
export type Cell = number | string;
/** sheet name → rows (0-based) → columns (0-based) → cell. */
export type Workbook = Map<string, Map<number, Map<number, Cell>>>;

const END_OF_CHAIN = 0xfffffffe;

function cfbStream(buf: Uint8Array, wanted: string): Uint8Array {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (dv.getUint32(0, true) !== 0xe011cfd0) throw new Error('not a compound file');
  const sectorSize = 1 << dv.getUint16(0x1e, true);
  const nFat = dv.getUint32(0x2c, true);
  const firstDir = dv.getUint32(0x30, true);
  const cutoff = dv.getUint32(0x38, true);
  let difatSector = dv.getUint32(0x44, true);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < nFat; i++) fatSectors.push(dv.getUint32(0x4c + 4 * i, true));
  while (fatSectors.length < nFat && difatSector !== END_OF_CHAIN) {
    const off = (difatSector + 1) * sectorSize;
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per && fatSectors.length < nFat; i++) fatSectors.push(dv.getUint32(off + 4 * i, true));
    difatSector = dv.getUint32(off + 4 * per, true);
  }
  const fat: number[] = [];
  for (const s of fatSectors) {
    const off = (s + 1) * sectorSize;
    for (let i = 0; i < sectorSize / 4; i++) fat.push(dv.getUint32(off + 4 * i, true));
  }
  const chain = (start: number): Uint8Array => {
    const parts: Uint8Array[] = [];
    for (let s = start, guard = 0; s !== END_OF_CHAIN && guard < fat.length; s = fat[s], guard++) {
      parts.push(buf.subarray((s + 1) * sectorSize, (s + 2) * sectorSize));
    }
    const out = new Uint8Array(parts.length * sectorSize);
    parts.forEach((p, i) => out.set(p, i * sectorSize));
    return out;
  };
  const dir = chain(firstDir);
  const ddv = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  for (let off = 0; off + 128 <= dir.length; off += 128) {
    const nameLen = ddv.getUint16(off + 0x40, true);
    let name = '';
    for (let i = 0; i + 2 < nameLen; i += 2) name += String.fromCharCode(ddv.getUint16(off + i, true));
    if (name !== wanted) continue;
    const start = ddv.getUint32(off + 0x74, true);
    const size = ddv.getUint32(off + 0x78, true);
    if (size < cutoff) throw new Error('mini-stream streams are not supported');
    return chain(start).subarray(0, size);
  }
  throw new Error(`stream ${wanted} not found`);
}

function rk(v: number): number {
  let x: number;
  if (v & 2) x = v >> 2;
  else {
    const b = new DataView(new ArrayBuffer(8));
    b.setUint32(0, 0, true);
    b.setUint32(4, v & 0xfffffffc, true);
    x = b.getFloat64(0, true);
  }
  return v & 1 ? x / 100 : x;
}

/** Reads the sheets of an .xls file. */
export function readXls(buf: Uint8Array): Workbook {
  const wb = cfbStream(buf, 'Workbook');
  const dv = new DataView(wb.buffer, wb.byteOffset, wb.byteLength);
  // records
  const recs: { type: number; off: number; len: number }[] = [];
  for (let off = 0; off + 4 <= wb.length; ) {
    const type = dv.getUint16(off, true);
    const len = dv.getUint16(off + 2, true);
    recs.push({ type, off: off + 4, len });
    off += 4 + len;
  }
  const sheets: { name: string; pos: number }[] = [];
  const sst: string[] = [];
  for (let r = 0; r < recs.length; r++) {
    const { type, off, len } = recs[r];
    if (type === 0x0085) {
      const pos = dv.getUint32(off, true);
      const cch = wb[off + 6];
      const hi = wb[off + 7] & 1;
      let name = '';
      for (let i = 0; i < cch; i++) name += String.fromCharCode(hi ? dv.getUint16(off + 8 + 2 * i, true) : wb[off + 8 + i]);
      sheets.push({ name, pos });
    } else if (type === 0x00fc) {
      // SST with CONTINUE records: segments [off, end)
      const segs: [number, number][] = [[off, off + len]];
      for (let q = r + 1; q < recs.length && recs[q].type === 0x003c; q++) segs.push([recs[q].off, recs[q].off + recs[q].len]);
      let seg = 0;
      let p = off + 8;
      const unique = dv.getUint32(off + 4, true);
      const ensure = () => {
        if (p >= segs[seg][1] && seg + 1 < segs.length) {
          seg++;
          p = segs[seg][0];
        }
      };
      for (let k = 0; k < unique; k++) {
        ensure();
        const cch = dv.getUint16(p, true);
        const flags = wb[p + 2];
        p += 3;
        let hi = flags & 1;
        let runs = 0;
        let ext = 0;
        if (flags & 8) {
          runs = dv.getUint16(p, true);
          p += 2;
        }
        if (flags & 4) {
          ext = dv.getUint32(p, true);
          p += 4;
        }
        let s = '';
        for (let i = 0; i < cch; i++) {
          if (p >= segs[seg][1]) {
            seg++;
            p = segs[seg][0];
            hi = wb[p] & 1;
            p += 1;
          }
          if (hi) {
            s += String.fromCharCode(dv.getUint16(p, true));
            p += 2;
          } else {
            s += String.fromCharCode(wb[p]);
            p += 1;
          }
        }
        let skip = 4 * runs + ext;
        while (skip > 0) {
          const room = segs[seg][1] - p;
          if (skip <= room) {
            p += skip;
            skip = 0;
          } else {
            skip -= room;
            seg++;
            p = segs[seg][0];
          }
        }
        sst.push(s);
      }
    }
  }
  const book: Workbook = new Map();
  for (const sh of sheets) {
    const cells = new Map<number, Map<number, Cell>>();
    const put = (row: number, col: number, v: Cell) => {
      if (!cells.has(row)) cells.set(row, new Map());
      cells.get(row)!.set(col, v);
    };
    let r = recs.findIndex((x) => x.off - 4 === sh.pos);
    for (r++; r < recs.length && recs[r].type !== 0x000a; r++) {
      const { type, off, len } = recs[r];
      const row = dv.getUint16(off, true);
      const col = dv.getUint16(off + 2, true);
      if (type === 0x0203) put(row, col, dv.getFloat64(off + 6, true));
      else if (type === 0x027e) put(row, col, rk(dv.getUint32(off + 6, true)));
      else if (type === 0x00bd) {
        const n = (len - 6) / 6;
        for (let i = 0; i < n; i++) put(row, col + i, rk(dv.getUint32(off + 4 + 6 * i + 2, true)));
      } else if (type === 0x0006) {
        if (dv.getUint16(off + 12, true) !== 0xffff) put(row, col, dv.getFloat64(off + 6, true));
      } else if (type === 0x00fd) put(row, col, sst[dv.getUint32(off + 6, true)]);
      else if (type === 0x0204) {
        const cch = dv.getUint16(off + 6, true);
        const hi = wb[off + 8] & 1;
        let s = '';
        for (let i = 0; i < cch; i++) s += String.fromCharCode(hi ? dv.getUint16(off + 9 + 2 * i, true) : wb[off + 9 + i]);
        put(row, col, s);
      }
    }
    book.set(sh.name, cells);
  }
  return book;
}
