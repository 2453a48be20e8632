import { K_COUNTED, K_NUMBER, K_TEXT, LANE_COUNT_STRIDE, LANE_DENSE_OFFSET, LANE_DENSE_TOP, laneKinds, type PlainRowsLayout } from './plainNumericRows.js';
import { compileWasm, wasmApi } from '../wasm/index.js';
import { plainRowsWasmBytes } from './plainRowsWasmModule.js';

/** The CSV lane in WebAssembly (./plainRowsWasmModule.ts) with its memory, for one reader's columns. */
export interface PlainRowsWasm {
  /**
   * The dense counts the lane adds to (its memory, `PlainRowsLayout.counts` for the builder: the JavaScript lane and
   * the general path count into the same array).
   */
  counts: Float64Array;
  /**
   * Same contract as `plainNumericRows` (records of `b[start, end)` into `layout.dst` at rows `n`, …, at most
   * `maxRows`; returns how many, the position after them in `out[0]`), except that it may also stop before a
   * record `plainNumericRows` would take: one with a counted value ≥ 1024, or longer than its window. The caller
   * then hands the rest to `plainNumericRows`. `layout.counts` must be this lane's `counts` when columns are counted.
   */
  run(b: Uint8Array, start: number, end: number, layout: PlainRowsLayout, n: number, maxRows: number, out: Float64Array): number;
}

/** Bytes the lane parses per call (a window ends after a line feed). */
const WINDOW = 1 << 18;
/** Files wider than this use the JavaScript lane only (the counts alone would take 8 KB per column). */
const MAX_COLUMNS = 4096;

type LaneFn = (...args: number[]) => number;
let compiled: { api: typeof WebAssembly; module: WebAssembly.Module | null } | null = null;

/**
 * The WebAssembly API and the compiled module, or null where WebAssembly is missing or refused (a
 * Content-Security-Policy without 'wasm-unsafe-eval'); compiled, or refused, once per WebAssembly API (a test may
 * stub it): a refusal is remembered, so a page under such a policy reports one violation, not one per file read.
 */
function laneModule(): { api: typeof WebAssembly; module: WebAssembly.Module } | null {
  const api = wasmApi();
  if (api === null) return null;
  if (compiled === null || compiled.api !== api) compiled = { api, module: compileWasm(plainRowsWasmBytes()) };
  const { module } = compiled;
  return module === null ? null : { api, module };
}

const align8 = (x: number): number => (x + 7) & ~7;

/**
 * The WebAssembly lane for files of `columns` columns, or null where WebAssembly cannot run (the reader then uses the
 * JavaScript lane alone; the results are the same). Without `counting`, `counts` is empty and no column may be
 * counted.
 *
 * @example
 * const wasm = createPlainRowsWasm(24); // null without WebAssembly
 * // wasm?.run(bytes, start, end, layout, n, maxRows, out) — as plainNumericRows
 */
export function createPlainRowsWasm(columns: number, counting = true): PlainRowsWasm | null {
  if (columns < 1 || columns > MAX_COLUMNS) return null;
  const wasm = laneModule();
  if (wasm === null) return null;
  const p = columns;
  /** Rows a window can hold at most: every record takes at least 2 bytes per field. */
  const rows = Math.floor(WINDOW / (2 * p)) + 2;
  const KINDS = 8;
  const LO = align8(KINDS + p);
  const HI = LO + 8 * p;
  const SAME = HI + 8 * p;
  const COLS = align8(SAME + rows);
  const TEXT = COLS + 8 * p * rows;
  const COUNTS = TEXT + 8 * p * rows;
  // the counts only when the reader counts (no codebook): 8 KB per column
  const BYTES = COUNTS + (counting ? 8 * p * LANE_COUNT_STRIDE : 0);
  const size = BYTES + WINDOW + 8;
  let lane: LaneFn;
  let memory: WebAssembly.Memory;
  try {
    memory = new wasm.api.Memory({ initial: Math.ceil(size / 65536) });
    lane = new wasm.api.Instance(wasm.module, { e: { m: memory } }).exports.lane as LaneFn;
  } catch {
    return null;
  }
  // the memory never grows, so these views stay valid
  const u8 = new Uint8Array(memory.buffer);
  const f64 = new Float64Array(memory.buffer);
  const i32 = new Int32Array(memory.buffer);
  const counts = f64.subarray(COUNTS / 8, BYTES / 8);
  return {
    counts,
    run(b, start, end, layout, n, maxRows, out) {
      const kinds = laneKinds(layout);
      if (kinds.length !== p) throw new RangeError(`plainRowsWasm: made for ${p} columns, given ${kinds.length}`);
      if (counts.length === 0 && kinds.some((k) => (k & K_COUNTED) !== 0)) throw new RangeError('plainRowsWasm: made without counts');
      u8.set(kinds, KINDS);
      f64.set(layout.lo, LO / 8);
      f64.set(layout.hi, HI / 8);
      const hasText = layout.text !== undefined && kinds.indexOf(K_TEXT) >= 0;
      const textBase = layout.text !== undefined ? n - layout.text.base : 0;
      const k = layout.text?.columns ?? 0;
      if (layout.text !== undefined && (textBase < 0 || (textBase + maxRows) * k > layout.text.start.length)) throw new RangeError('plainRowsWasm: no room for the text positions');
      let taken = 0;
      let at = start;
      while (at < end && taken < maxRows) {
        let e = Math.min(end, at + WINDOW);
        if (e < end) {
          const lf = b.lastIndexOf(10, e - 1);
          if (lf < at) break; // a record longer than the window
          e = lf + 1;
        }
        u8.set(b.subarray(at, e), BYTES);
        u8[BYTES + e - at] = 0; // past the end: a byte that is no digit, delimiter or line end
        const want = Math.min(rows, maxRows - taken);
        const t = lane(BYTES, BYTES + e - at, p, want, rows, layout.delim, KINDS, LO, HI, SAME, COLS, COUNTS, TEXT, k);
        for (let j = 0; j < p; j++) if ((kinds[j] & K_NUMBER) !== 0) layout.dst[j].set(f64.subarray(COLS / 8 + j * rows, COLS / 8 + j * rows + t), n + taken);
        layout.same.set(u8.subarray(SAME, SAME + t), n + taken);
        if (hasText) {
          // the text column's fields, as positions in b
          const { start: ts, end: te } = layout.text!;
          const shift = at - BYTES;
          const to = (textBase + taken) * k;
          for (let i = 0; i < t * k; i++) {
            ts[to + i] = i32[TEXT / 4 + 2 * i] + shift;
            te[to + i] = i32[TEXT / 4 + 2 * i + 1] + shift;
          }
        }
        taken += t;
        at += i32[0] - BYTES;
        if (t < want && at < e) {
          // stopped in a record: take back the counts of its columns before the one it stopped in
          for (let q = 0; q < i32[1]; q++) {
            if ((kinds[q] & K_COUNTED) === 0) continue;
            const v = f64[COLS / 8 + q * rows + t];
            if (v < LANE_DENSE_TOP) counts[q * LANE_COUNT_STRIDE + LANE_DENSE_OFFSET + v]--;
          }
          break;
        }
      }
      out[0] = at;
      return taken;
    },
  };
}
