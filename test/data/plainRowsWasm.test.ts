/**
 * The CSV lane in WebAssembly (src/data/plainRowsWasm.ts) followed by the JavaScript lane where it stops, as the
 * reader runs them, must do exactly what the JavaScript lane alone does: the same records taken, the same stop
 * positions, every stored value bit for bit (Object.is), the same straight-lining flags and the same counts, on
 * random layouts (number, skipped, bounded, reversed, counted columns) and on every kind of record that stops a lane.
 * Where WebAssembly is missing or refused, the reader falls back to the JavaScript lane with the same Survey.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCsvTokenizer } from '../../src/data/csvTokenizer.js';
import { createFieldDecoder } from '../../src/data/decodeText.js';
import { LANE_COUNT_STRIDE, LANE_NUMBER, LANE_SKIP, LANE_TEXT, plainNumericRows, type PlainRowsLayout } from '../../src/data/plainNumericRows.js';
import { createPlainRowsWasm } from '../../src/data/plainRowsWasm.js';
import { plainRowsWasmBytes } from '../../src/data/plainRowsWasmModule.js';
import { SYNC_COMPILE_LIMIT } from '../../src/wasm/index.js';
import { builderOptions } from '../../src/data/readSurveyOptions.js';
import { createSurveyBuilder } from '../../src/data/surveyBuilder.js';
import type { Survey } from '../../src/data/survey.js';
import { cb } from './helpers.js';
import { lcgInts as rng } from '../helpers/random.js';

/** A random layout of `p` columns with rows for `cap` records. */
function layoutOf(p: number, cap: number, rnd: (k: number) => number, counts: Float64Array): PlainRowsLayout {
  const modes = Uint8Array.from({ length: p }, () => (rnd(6) === 0 ? LANE_SKIP : LANE_NUMBER));
  const lo = new Float64Array(p).fill(-Infinity);
  const hi = new Float64Array(p).fill(Infinity);
  const rev = new Uint8Array(p);
  const counted = new Uint8Array(p);
  for (let j = 0; j < p; j++) {
    const kind = rnd(4);
    if (kind === 1) [lo[j], hi[j]] = [1, 10];
    if (kind === 2) [lo[j], hi[j], rev[j]] = [0.5, 10, 1]; // lo + hi not whole: fractions from whole answers
    if (kind === 3) [lo[j], hi[j], rev[j]] = [1, 10, 1];
    counted[j] = modes[j] === LANE_NUMBER && rev[j] === 0 && rnd(2) === 0 ? 1 : 0;
  }
  // some skipped columns are text columns, whose fields' positions the lanes note
  for (let j = 0; j < p; j++) if (modes[j] === LANE_SKIP && rnd(3) > 0) modes[j] = LANE_TEXT;
  const columns = modes.filter((m) => m === LANE_TEXT).length;
  const dst = Array.from({ length: p }, (_, j) => (modes[j] === LANE_NUMBER ? new Float64Array(cap) : new Float64Array(0)));
  const room = (cap + (1 << 20)) * columns; // the lanes check that a call's maxRows fit
  const text = { start: new Float64Array(room).fill(-1), end: new Float64Array(room).fill(-1), base: 0, columns };
  return { delim: 44, modes, lo, hi, rev, dst, same: new Uint8Array(cap), counts, counted, countOther: () => {}, text };
}

/** A record: mostly plain answers; now and then something a lane must stop at. */
function record(p: number, rnd: (k: number) => number, odd: number): string {
  const cells = Array.from({ length: p }, () => String(rnd(5) === 0 ? 1 + rnd(10) : rnd(3) === 0 ? 10 : 1 + rnd(9)));
  const j = rnd(p);
  switch (rnd(odd)) {
    case 0: cells[j] = ''; break;
    case 1: cells[j] = `-${cells[j]}`; break;
    case 2: cells[j] = `"${cells[j]}"`; break;
    case 3: cells[j] = '1234567890123456'; break; // 16 digits
    case 4: cells[j] = '123456789012345'; break; // 15 digits
    case 5: cells[j] = String(1024 + rnd(5000)); break; // beyond the dense counts
    case 6: cells[j] = 'x7'; break;
    case 7: cells[j] = '0'; break; // below a bounded scale
    case 8: cells[j] = '11'; break; // above 10
    case 9: cells.push('4'); break; // a field too many
    case 10: if (p > 1) cells.pop(); break; // one too few
    case 11: cells[j] = '007'; break;
    case 12: return `${cells.join(',')}\r`; // a lone CR
    case 13: cells[j] = '2.5'; break;
    case 14: cells[j] = 'text with "quotes"'; break;
    case 15: cells.fill(cells[0]); break; // a straight-liner
    default:
  }
  return `${cells.join(',')}${rnd(8) === 0 ? '\r\n' : '\n'}`;
}

/**
 * Runs a lane over `b` as the reader does: records at rows n, n + 1, …, at most `maxRows` per call; at a stop, the
 * record is skipped (the general path would take it) and its row left for the next record. Returns each call's
 * (taken, position).
 */
function drive(b: Uint8Array, layout: PlainRowsLayout, maxRows: number, lane: typeof plainNumericRows): number[] {
  const out = new Float64Array(1);
  const log: number[] = [];
  let at = 0;
  let n = 0;
  while (at < b.length) {
    const t = lane(b, at, b.length, layout, n, maxRows, out);
    log.push(t, out[0]);
    n += t;
    at = out[0];
    if (t < maxRows && at < b.length) {
      const lf = b.indexOf(10, at);
      at = lf < 0 ? b.length : lf + 1;
    }
  }
  log.push(n);
  return log;
}

const bits = (a: ArrayLike<number>, n: number) => Array.from({ length: n }, (_, r) => (Object.is(a[r], -0) ? '-0' : Number.isNaN(a[r]) ? 'NaN' : a[r]));

describe('plainRowsWasm: the WebAssembly lane, then the JavaScript lane where it stops', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('runs here (Node has WebAssembly), small enough for a browser main thread; without counting it keeps no counts and refuses counted columns', () => {
    expect(plainRowsWasmBytes().length).toBeLessThan(SYNC_COMPILE_LIMIT);
    expect(createPlainRowsWasm(24)!.counts.length).toBe(24 * LANE_COUNT_STRIDE);
    const plain = createPlainRowsWasm(3, false)!;
    expect(plain.counts.length).toBe(0);
    const b = new TextEncoder().encode('1,2,3\n');
    const layout = layoutOf(3, 2, rng(1), new Float64Array(0));
    layout.counted = new Uint8Array(3);
    layout.modes.fill(LANE_NUMBER);
    layout.dst = [new Float64Array(2), new Float64Array(2), new Float64Array(2)];
    expect(plain.run(b, 0, b.length, layout, 0, 2, new Float64Array(1))).toBe(1);
    layout.counted[1] = 1;
    layout.rev.fill(0);
    expect(() => plain.run(b, 0, b.length, layout, 0, 2, new Float64Array(1))).toThrow(RangeError);
  });

  it('equals the JavaScript lane alone on random layouts and every kind of stop', () => {
    let checked = 0;
    let texts = 0;
    for (const [seed, p, rowsN, odd, maxRows] of [
      [1, 1, 400, 40, 1000], [2, 2, 400, 20, 7], [3, 3, 600, 17, 1000], [4, 5, 500, 30, 64], [5, 24, 300, 60, 1000],
      [6, 24, 300, 16, 3], [7, 7, 2000, 400, 1000], [8, 40, 200, 40, 1000], [9, 3, 300, 1e9, 1000],
    ] as const) {
      const rnd = rng(seed);
      const text = Array.from({ length: rowsN }, () => record(p, rnd, odd)).join('');
      const b = new TextEncoder().encode(text);
      const layoutSeed = 1000 + seed;
      const jsCounts = new Float64Array(p * LANE_COUNT_STRIDE);
      const js = layoutOf(p, rowsN + 1, rng(layoutSeed), jsCounts);
      const wasm = createPlainRowsWasm(p)!;
      const both = layoutOf(p, rowsN + 1, rng(layoutSeed), wasm.counts);
      const jsLog = drive(b, js, maxRows, plainNumericRows);
      const bothLog = drive(b, both, maxRows, (bb, start, end, layout, n, want, out) => {
        let t = wasm.run(bb, start, end, layout, n, want, out);
        if (t < want) t += plainNumericRows(bb, out[0], end, layout, n + t, want - t, out);
        return t;
      });
      expect(bothLog).toEqual(jsLog);
      const n = jsLog[jsLog.length - 1];
      expect(n).toBeGreaterThan(0);
      for (let j = 0; j < p; j++) expect(bits(both.dst[j], both.dst[j].length === 0 ? 0 : n)).toEqual(bits(js.dst[j], js.dst[j].length === 0 ? 0 : n));
      expect(bits(both.same, n)).toEqual(bits(js.same, n));
      expect(bits(both.text!.start, n * both.text!.columns)).toEqual(bits(js.text!.start, n * js.text!.columns));
      expect(bits(both.text!.end, n * both.text!.columns)).toEqual(bits(js.text!.end, n * js.text!.columns));
      texts += js.modes.includes(LANE_TEXT) ? n : 0;
      expect(Array.from(wasm.counts)).toEqual(Array.from(jsCounts));
      checked += n;
    }
    expect(checked).toBeGreaterThan(3000);
    expect(texts).toBeGreaterThan(500);
  });

  it('across its windows (256 KiB): records cut by a window end, a record longer than a window', () => {
    const rnd = rng(42);
    const p = 3;
    const big = `1,${'9'.repeat(15)},3\n`;
    const rows = Array.from({ length: 80000 }, (_, r) => (r === 50000 ? `1,${'x'.repeat(300000)},2\n` : r % 997 === 0 ? big : `${1 + rnd(9)},${1 + rnd(9)},${10}\n`));
    const b = new TextEncoder().encode(rows.join(''));
    const jsCounts = new Float64Array(p * LANE_COUNT_STRIDE);
    const js = layoutOf(p, 80001, rng(5), jsCounts);
    js.modes[1] = LANE_SKIP;
    const wasm = createPlainRowsWasm(p)!;
    const both = layoutOf(p, 80001, rng(5), wasm.counts);
    both.modes[1] = LANE_SKIP;
    const jsLog = drive(b, js, 1 << 20, plainNumericRows);
    let wasmTaken = 0;
    const bothLog = drive(b, both, 1 << 20, (bb, start, end, layout, n, want, out) => {
      let t = wasm.run(bb, start, end, layout, n, want, out);
      wasmTaken += t;
      if (t < want) t += plainNumericRows(bb, out[0], end, layout, n + t, want - t, out);
      return t;
    });
    expect(bothLog).toEqual(jsLog);
    expect(wasmTaken).toBe(50000); // past its first windows, up to the record longer than a window
    const n = jsLog[jsLog.length - 1];
    expect(n).toBe(80000);
    for (const j of [0, 2]) expect(bits(both.dst[j], n)).toEqual(bits(js.dst[j], n));
    expect(Array.from(wasm.counts)).toEqual(Array.from(jsCounts));
  });

  /** A Survey read through the tokenizer and builder in 4 KiB chunks, compared as bits (NaN and −0 count). */
  function read(text: string, codebook?: ReturnType<typeof cb>): string {
    try {
      const builder = createSurveyBuilder({ ...builderOptions({ codebook }, ','), decodeField: createFieldDecoder('utf-8') });
      const tokenizer = createCsvTokenizer(',', builder.sink);
      const bytes = new TextEncoder().encode(text);
      for (let o = 0; o < bytes.length; o += 4096) tokenizer.push(bytes.subarray(o, o + 4096));
      tokenizer.end();
      const s: Survey = builder.finish({ encoding: 'utf-8', delimiter: ',' });
      return JSON.stringify(s, (_k, v) => (ArrayBuffer.isView(v) ? bits(v as Float64Array, (v as Float64Array).length) : v));
    } catch (e) {
      return `${(e as { code?: string }).code}: ${(e as Error).message}`;
    }
  }

  it('without WebAssembly, or where it is refused (CSP), the reader falls back to the JavaScript lane: same Survey', () => {
    const rnd = rng(77);
    const names = Array.from({ length: 12 }, (_, k) => `Q${k + 1}`);
    const body = Array.from({ length: 3000 }, () => record(12, rnd, 200)).join('');
    const files = [`${names.join(',')}\n${body.replace(/"/g, '')}`, `${names.join(',')}\n${Array.from({ length: 2000 }, () => record(12, rnd, 1e9)).join('')}`];
    const codebook = cb(names, {});
    codebook.items[2].reverse = true;
    const withWasm = files.flatMap((f) => [read(f), read(f, codebook)]);
    expect(createPlainRowsWasm(12)).not.toBeNull();
    vi.stubGlobal('WebAssembly', undefined);
    expect(createPlainRowsWasm(12)).toBeNull();
    expect(files.flatMap((f) => [read(f), read(f, codebook)])).toEqual(withWasm);
    vi.unstubAllGlobals();
    const refused = {
      ...WebAssembly,
      Module: function Module() {
        throw new Error('WebAssembly.Module(): Wasm code generation disallowed by embedder');
      },
    };
    vi.stubGlobal('WebAssembly', refused);
    expect(createPlainRowsWasm(12)).toBeNull();
    expect(files.flatMap((f) => [read(f), read(f, codebook)])).toEqual(withWasm);
  });
});
