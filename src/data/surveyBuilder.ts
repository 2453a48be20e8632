import { CsiError, type CsiWarning } from '../errors.js';
import type { Codebook, CodebookItem, CodebookSegment, ValueLabel } from './codebook.js';
import type { CsvSink } from './csvTokenizer.js';
import { createFieldDecoder } from './decodeText.js';
import { inferColumn, newColumnTally, RATING_SPAN, settleDenseRange, tallyCount, tallyRows, tallyValue, type ColumnTally } from './inferColumn.js';
import { FORBIDDEN_COLUMN_NAMES } from './parseCodebook.js';
import { parseNumberBytes } from './parseNumber.js';
import { LANE_COUNT_STRIDE, LANE_NUMBER, LANE_SKIP, LANE_TEXT, plainNumericRows, type PlainRowsLayout } from './plainNumericRows.js';
import { createPlainRowsWasm, type PlainRowsWasm } from './plainRowsWasm.js';
import { surveyQuality, type QualityColumnPass } from './surveyQuality.js';
import type { Survey, SurveyLog, SurveySegment } from './survey.js';
import { describeValueLabels, valueLabelIndex, valueLabelKey } from './valueLabels.js';

/**
 * The column builder behind every reader: it receives cells from the tokenizer (or from row objects) and writes
 * them straight into growing typed columns. No row objects are built.
 */

/** Settings of {@link createSurveyBuilder}; the readers fill them from `ReadSurveyOptions`. */
export interface SurveyBuilderOptions {
  /** A validated codebook, or undefined to infer a draft. */
  codebook?: Codebook;
  /** Share of items above which a respondent is flagged HIGH_MISSING. */
  highMissingShare: number;
  /** Cell texts that mean missing (like an empty cell). */
  naStrings: readonly string[];
  /** Accept `3,5` as 3.5 (semicolon-delimited files from locales with a decimal comma). */
  decimalComma: boolean;
  /** Decodes a field's bytes to text (the file's encoding). Default UTF-8. */
  decodeField?: (b: Uint8Array, start: number, end: number) => string;
  /**
   * Always make surveyQuality's own pass over the columns, never the one from what the reader learned on the way
   * (for tests that compare the two). Default false.
   */
  fullQualityPass?: boolean;
}

/** A builder: feed `sink`, then call `finish` once. */
export interface SurveyBuilder {
  sink: CsvSink;
  /** Preallocates the columns for about `rows` respondents (an estimate; they still grow if needed). */
  reserve(rows: number): void;
  finish(meta: { encoding: string; delimiter: string }): Survey;
}

const IGNORE = 0;
const ITEM = 1;
const NUMERIC = 2;
const SEGMENT = 3;
const ID = 4;
const WEIGHT = 5;
const INFER_NUM = 6;
const INFER_SEG = 7;

const ID_NAME = /^(id|respondent_?id|resp_?id|respid|case_?id|uid)$/i;
const WEIGHT_NAME = /^(weight|weights|wt|wgt)$/i;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;
/** An inferred numeric column with more than this share of non-number cells is a segment (else: bad cells). */
const BAD_SHARE = 0.1;

interface ColumnState {
  name: string;
  role: number;
  /** Index into the f64 or i32 column list. */
  slot: number;
  /** For items and numeric columns. */
  scaleMin: number;
  scaleMax: number;
  reverse: boolean;
  missingValues: number[];
  missingCounts: number[];
  /** Inclusive missing ranges, and the values they caught (value → count). */
  missingRanges: { min: number; max: number }[];
  rangeHits: Map<number, number>;
  /** Value labels (text → code), or null. */
  textCodes: Map<string, number> | null;
  valueLabels: readonly ValueLabel[];
  empty: number;
  /** For segments. */
  levels: string[];
  levelIndex: Map<string, number>;
  fixedLevels: boolean;
  /** Position in the file's header. */
  index: number;
  /** Index in the codebook's list (items, segments, numeric) to keep codebook order. */
  order: number;
  /** Inferred numeric columns: cells that are not numbers (survey row, file row, text) until the column is judged. */
  badRows: number[];
  badFileRows: number[];
  badTexts: string[];
  /** Cells read with a decimal comma (`7,5` → 7.5). */
  decimalCommas: number;
}

function newColumn(name: string, role: number, index: number): ColumnState {
  return {
    name,
    index,
    role,
    slot: -1,
    scaleMin: -Infinity,
    scaleMax: Infinity,
    reverse: false,
    missingValues: [],
    missingCounts: [],
    missingRanges: [],
    rangeHits: new Map(),
    textCodes: null,
    valueLabels: [],
    empty: 0,
    levels: [],
    levelIndex: new Map(),
    fixedLevels: false,
    order: index,
    badRows: [],
    badFileRows: [],
    badTexts: [],
    decimalCommas: 0,
  };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function closeName(name: string, header: string[]): string {
  const lower = name.toLowerCase();
  const hit = header.find((h) => h.toLowerCase() === lower || h.replace(/[\s_.-]/g, '').toLowerCase() === lower.replace(/[\s_.-]/g, ''));
  return hit !== undefined ? ` (the file has "${hit}")` : '';
}

/**
 * Creates the column builder. The first non-blank record is the header; every later record must have as many
 * fields (else RAGGED_ROW). Only completely blank lines are excluded, and each is named in `log.excludedRows`.
 *
 * @example
 * const b = createSurveyBuilder({ highMissingShare: 0.5, naStrings: ['NA'], decimalComma: false });
 * // feed b.sink from createCsvTokenizer(',', b.sink), then:
 * // const survey = b.finish({ encoding: 'utf-8', delimiter: ',' });
 */
export function createSurveyBuilder(options: SurveyBuilderOptions): SurveyBuilder {
  const codebook = options.codebook;
  const naStrings = new Set(options.naStrings);
  const decodeField = options.decodeField ?? createFieldDecoder('utf-8');
  const fieldText = (b: Uint8Array, start: number, end: number, column?: string): string => {
    try {
      return decodeField(b, start, end);
    } catch {
      let gb = false;
      try {
        new TextDecoder('gb18030', { fatal: true }).decode(b.subarray(start, end));
        gb = true;
      } catch {
        // not GB18030 either
      }
      // The encoding was chosen from the file's first bytes; the cell only shows where that choice fails.
      const hint = gb
        ? 'they are valid GBK/GB18030, so the file probably is: pass the encoding option gb18030 (it applies to the whole file, not to this column)'
        : 'pass the encoding option (utf-8, gbk or gb18030; it applies to the whole file, not to this column)';
      throw new CsiError('ENCODING', `Row ${curRow}${column ? `, column "${column}"` : ''}: the bytes are not valid in the encoding chosen from the start of the file; ${hint}.`, {
        row: curRow,
        column,
      });
    }
  };
  let header: string[] | null = null;
  let headerRow = 0;
  let headerCells: string[] = [];
  let cols: ColumnState[] = [];
  let ncols = 0;
  let roles = new Uint8Array(0);
  /**
   * Per file column, for the fast path (cell, and the lane): eligible (an item or numeric column without missing
   * codes, an inferred column), scale bounds, reverse flag.
   */
  let fast = new Uint8Array(0);
  let lo = new Float64Array(0);
  let hi = new Float64Array(0);
  let rev = new Uint8Array(0);
  let slots = new Int32Array(0);
  const f64: Float64Array[] = [];
  const i32: Int32Array[] = [];
  let ids: string[] | null = null;
  let idSeen: Map<string, number> | null = null;
  let weightSlot = -1;
  let n = 0;
  let cap = 0;
  let curRow = 0;
  let rowsRead = 0;
  /** The fast lane for plain numeric records (./plainNumericRows.ts): its layout, null until built or when off. */
  let lane: PlainRowsLayout | null = null;
  let laneCap = -1;
  let laneOff = false;
  let laneTaken = 0;
  let laneStops = 0;
  let laneCalls = 0;
  /** Per survey row taken by the lane: every number column the same answer (see PlainRowsLayout.same). */
  let rowSame = new Uint8Array(0);
  /** How many columns the lane reads as numbers. */
  let laneNumbers = 0;
  /** Whether the codebook's items are counted (see setupHeader), and then also in rows the general path takes. */
  let qualityCounts = false;
  /**
   * Whether a row the general path took left laneQualityPass without what it needs: an empty number cell, or a row
   * past the straight-lining flags kept (the lane turned off). The general path's rows otherwise get their flag in
   * endRow, so that a few such rows (a blank line, a quoted cell, the rows before a text column is found to be a
   * segment) do not cost the full quality pass.
   */
  let qualityBroken = false;
  /** Per file column: 1 when a stored value may be a non-integer (so `wholeNumbers` must look). */
  let maybeFraction = new Uint8Array(0);
  /** Per file column: the inferred numeric column's tally for inferColumn, counted row by row as rows complete. */
  let tallies: (ColumnTally | null)[] = [];
  let tallied = false;
  /** Whether the lane counts the tallies (PlainRowsLayout.counts) instead of tallyRowRange after it. */
  let laneCounts = false;
  /** The tallies' dense counts when the lane counts them (PlainRowsLayout.counts). */
  let laneCountArray: Float64Array = new Float64Array(0);
  /** The lane in WebAssembly (./plainRowsWasm.ts), which takes records first; null where it cannot run. */
  let laneWasm: PlainRowsWasm | null = null;
  /** The text columns the lane passes over (id, segments), in file order, and where it found their fields (PlainRowsLayout.text). */
  let laneTextColumns: number[] = [];
  let laneText: { start: Float64Array; end: Float64Array; base: number; columns: number } | undefined;
  /** Per file column: values ≥ 1024 the lane passed to countOther during its current call. */
  let laneOther = new Float64Array(0);
  const excluded: { row: number; reason: string }[] = [];
  const ignored: string[] = [];
  const emptyColumns: string[] = [];

  function grow(atLeast = 0): void {
    const next = Math.max(cap === 0 ? 1024 : cap * 2, atLeast);
    for (let k = 0; k < f64.length; k++) {
      if (f64[k].length === 0 && cap > 0) continue; // released (column turned into a segment)
      const a = new Float64Array(next);
      a.set(f64[k]);
      f64[k] = a;
    }
    for (let k = 0; k < i32.length; k++) {
      const a = new Int32Array(next);
      a.set(i32[k]);
      i32[k] = a;
    }
    if (!laneOff) {
      const a = new Uint8Array(next);
      a.set(rowSame);
      rowSame = a;
    }
    cap = next;
  }

  function addF64(c: ColumnState): void {
    c.slot = f64.length;
    f64.push(new Float64Array(cap));
  }
  function addI32(c: ColumnState): void {
    c.slot = i32.length;
    i32.push(new Int32Array(cap));
  }

  function setupHeader(names: string[], row: number): void {
    headerRow = row;
    const seen = new Map<string, number>();
    names.forEach((raw, j) => {
      const name = raw;
      if (FORBIDDEN_COLUMN_NAMES.has(name)) {
        throw new CsiError('FORBIDDEN_COLUMN_NAME', `Column ${j + 1} is named "${name}", which csikit refuses; rename it.`, {
          row,
          column: name,
        });
      }
      if (name === '') return;
      const prev = seen.get(name);
      if (prev !== undefined) {
        throw new CsiError('DUPLICATE_COLUMN', `Columns ${prev + 1} and ${j + 1} are both named "${name}".`, { row, column: name });
      }
      seen.set(name, j);
    });
    header = names;
    ncols = names.length;
    cols = names.map((name, j) => newColumn(name === '' ? `(unnamed column ${j + 1})` : name, IGNORE, j));
    if (codebook) {
      const find = (name: string, what: string): ColumnState => {
        const j = seen.get(name);
        if (j === undefined) {
          throw new CsiError('MISSING_COLUMN', `The codebook's ${what} "${name}" is not a column of the file${closeName(name, names)}.`, {
            row,
            column: name,
          });
        }
        return cols[j];
      };
      if (codebook.id !== undefined) {
        find(codebook.id, 'id column').role = ID;
        ids = [];
        idSeen = new Map();
      }
      if (codebook.weight !== undefined) {
        const c = find(codebook.weight, 'weight column');
        c.role = WEIGHT;
        addF64(c);
        weightSlot = c.slot;
      }
      codebook.items.forEach((it: CodebookItem, k) => {
        const c = find(it.id, 'item');
        c.role = ITEM;
        c.order = k;
        c.scaleMin = it.scale.min;
        c.scaleMax = it.scale.max;
        c.reverse = it.reverse === true;
        c.missingValues = (it.missing ?? []).map((m) => m.value);
        c.missingCounts = c.missingValues.map(() => 0);
        setLabelsAndRanges(c, it);
        addF64(c);
      });
      (codebook.segments ?? []).forEach((sg: CodebookSegment, k) => {
        const c = find(sg.id, 'segment column');
        c.role = SEGMENT;
        c.order = k;
        if (sg.levels) {
          c.fixedLevels = true;
          sg.levels.forEach((l, li) => {
            c.levels.push(l.value);
            c.levelIndex.set(l.value, li);
          });
        }
        addI32(c);
      });
      (codebook.numeric ?? []).forEach((nc, k) => {
        const c = find(nc.id, 'numeric column');
        c.role = NUMERIC;
        c.order = k;
        c.missingValues = (nc.missing ?? []).map((m) => m.value);
        c.missingCounts = c.missingValues.map(() => 0);
        setLabelsAndRanges(c, nc);
        addF64(c);
      });
    } else {
      for (let j = 0; j < ncols; j++) {
        const c = cols[j];
        if (names[j] === '') continue;
        if (ids === null && ID_NAME.test(c.name)) {
          c.role = ID;
          ids = [];
          idSeen = new Map();
        } else if (weightSlot < 0 && WEIGHT_NAME.test(c.name)) {
          c.role = WEIGHT;
          addF64(c);
          weightSlot = c.slot;
        } else {
          c.role = INFER_NUM;
          addF64(c);
        }
      }
    }
    for (const c of cols) if (c.role === IGNORE) ignored.push(c.name);
    roles = Uint8Array.from(cols, (c) => c.role);
    fast = Uint8Array.from(cols, (c) =>
      ((c.role === ITEM || c.role === NUMERIC) && c.missingValues.length === 0 && c.missingRanges.length === 0) || c.role === INFER_NUM ? 1 : 0,
    );
    lo = Float64Array.from(cols, (c) => c.scaleMin);
    hi = Float64Array.from(cols, (c) => c.scaleMax);
    rev = Uint8Array.from(cols, (c) => (c.reverse ? 1 : 0));
    slots = Int32Array.from(cols, (c) => c.slot);
    // A reversed item whose lo + hi is not whole stores fractions even from whole answers.
    maybeFraction = Uint8Array.from(cols, (c) => (c.reverse && !Number.isInteger(c.scaleMin + c.scaleMax) ? 1 : 0));
    laneOff = !cols.every((c, j) => fast[j] === 1 || c.role === IGNORE || c.role === ID || c.role === SEGMENT);
    laneTextSetup();
    laneNumbers = fast.reduce((t, f) => t + f, 0);
    if (!laneOff) rowSame = new Uint8Array(cap);
    tallied = cols.some((c) => c.role === INFER_NUM);
    // With a codebook whose items are all unreversed lane columns, the lane counts the items too: when it takes every
    // row, surveyQuality's column pass then comes from these counts (laneQualityPass), not from a pass over the columns.
    qualityCounts = codebook !== undefined && !laneOff && cols.some((c) => c.role === ITEM) && cols.every((c, j) => c.role !== ITEM || rev[j] === 0);
    // the lane counts the tallies itself when every tallied column is one of its unreversed number columns
    laneCounts = (tallied && cols.every((c, j) => c.role !== INFER_NUM || (fast[j] === 1 && rev[j] === 0))) || qualityCounts;
    // their dense counts side by side in one array, each tally a view of its part (the lane indexes it by column)
    laneWasm = laneOff ? null : createPlainRowsWasm(ncols, laneCounts);
    laneCountArray = !laneCounts ? EMPTY_F64 : laneWasm !== null ? laneWasm.counts : new Float64Array(ncols * LANE_COUNT_STRIDE);
    tallies = cols.map((c, j) =>
      c.role !== INFER_NUM && !(qualityCounts && c.role === ITEM)
        ? null
        : newColumnTally(laneCounts ? laneCountArray.subarray(j * LANE_COUNT_STRIDE, (j + 1) * LANE_COUNT_STRIDE) : undefined),
    );
    laneOther = new Float64Array(ncols);
  }

  /** The lane's value ≥ 1024 of a tallied column (see PlainRowsLayout.countOther). */
  function countOther(j: number, v: number): void {
    laneOther[j]++;
    tallyValue(tallies[j]!, v);
  }

  /**
   * After the lane took `t` records that it counted into the tallies' dense arrays: their answered cells (the values
   * ≥ 1024 went through tallyValue, which counted them). The ranges follow from the dense counts at the end
   * ({@link settleLaneTallies}).
   */
  function laneCounted(t: number): void {
    for (let j = 0; j < ncols; j++) {
      const tj = tallies[j];
      if (tj === null) continue;
      tj.nonEmpty += t - laneOther[j];
      laneOther[j] = 0;
    }
  }

  /** Widens each tally's range to its dense counts (the lane counts values there without touching lo and hi). */
  function settleLaneTallies(): void {
    if (!laneCounts) return;
    for (const t of tallies) if (t !== null) settleDenseRange(t);
  }

  /** Counts survey rows [from, to) of the inferred numeric columns into their tallies. */
  function tallyRowRange(from: number, to: number): void {
    for (let j = 0; j < ncols; j++) if (roles[j] === INFER_NUM) tallyRows(tallies[j]!, f64[slots[j]], from, to);
  }

  /** The lane's layout for the current columns (rebuilt when the columns grew). */
  function laneLayout(delim: number): PlainRowsLayout {
    if (lane === null || laneCap !== cap) {
      lane = {
        delim,
        modes: Uint8Array.from(cols, (_, j) => (fast[j] === 1 ? LANE_NUMBER : laneTextColumns.includes(j) ? LANE_TEXT : LANE_SKIP)),
        lo,
        hi,
        rev,
        dst: cols.map((_, j) => (fast[j] === 1 ? f64[slots[j]] : EMPTY_F64)),
        same: rowSame,
        ...(laneCounts ? { counts: laneCountArray, counted: Uint8Array.from(tallies, (t) => (t === null ? 0 : 1)), countOther } : {}),
        ...(laneText !== undefined ? { text: laneText } : {}),
      };
      laneCap = cap;
    }
    return lane;
  }

  /** Slow path for a cell that is not a plain number: NA text (→ NaN), a decimal comma, or an error. */
  function slowNumber(c: ColumnState, s: Uint8Array, start: number, end: number): number {
    const text = fieldText(s, start, end, c.name);
    if (naStrings.has(text)) return NaN;
    if (options.decimalComma && DECIMAL_COMMA.test(text)) {
      const v = Number(text.replace(',', '.'));
      if (Number.isFinite(v)) {
        c.decimalCommas++;
        return v;
      }
    }
    if (c.textCodes !== null) {
      const code = c.textCodes.get(valueLabelKey(text));
      if (code !== undefined) return code;
    }
    if (c.role === INFER_NUM) return Infinity; // signal: not a number, switch the column to a segment
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    const labels = c.textCodes !== null ? ` nor one of the column's value labels (${describeValueLabels(c.valueLabels)})` : '';
    throw new CsiError('NON_NUMERIC', `Row ${curRow}, column "${c.name}": "${shown}" is not a number${labels}.`, {
      row: curRow,
      column: c.name,
    });
  }

  function numericValue(c: ColumnState, s: Uint8Array, start: number, end: number): number {
    if (start === end) {
      c.empty++;
      return NaN;
    }
    let v = parseNumberBytes(s, start, end);
    if (v !== v) {
      v = slowNumber(c, s, start, end);
      if (v !== v) {
        c.empty++;
        return NaN;
      }
    }
    const mv = c.missingValues;
    for (let m = 0; m < mv.length; m++) {
      if (v === mv[m]) {
        c.missingCounts[m]++;
        return NaN;
      }
    }
    const mr = c.missingRanges;
    for (let m = 0; m < mr.length; m++) {
      if (v >= mr[m].min && v <= mr[m].max) {
        c.rangeHits.set(v, (c.rangeHits.get(v) ?? 0) + 1);
        return NaN;
      }
    }
    return v;
  }

  /** An item cell: number, missing code, scale check, reverse. */
  function itemValue(c: ColumnState, s: Uint8Array, start: number, end: number): number {
    let v = numericValue(c, s, start, end);
    if (v === v) {
      if (v < c.scaleMin || v > c.scaleMax) {
        throw new CsiError('OUT_OF_SCALE', `Row ${curRow}, column "${c.name}": ${v} is outside the item's scale ${c.scaleMin}-${c.scaleMax}.`, {
          row: curRow,
          column: c.name,
        });
      }
      if (c.reverse) v = c.scaleMin + c.scaleMax - v;
    }
    return v;
  }

  function segmentCode(c: ColumnState, text: string): number {
    if (text === '' || naStrings.has(text)) return -1;
    let code = c.levelIndex.get(text);
    if (code === undefined) {
      if (c.fixedLevels) {
        throw new CsiError(
          'UNKNOWN_LEVEL',
          `Row ${curRow}, column "${c.name}": "${text}" is not one of the codebook's levels (${c.levels.slice(0, 8).join(', ')}${c.levels.length > 8 ? ', …' : ''}).`,
          { row: curRow, column: c.name },
        );
      }
      code = c.levels.length;
      c.levels.push(text);
      c.levelIndex.set(text, code);
    }
    return code;
  }

  /** An inferred numeric column met text: from now on it is a segment; earlier numbers become levels. */
  function toSegment(c: ColumnState): void {
    const values = f64[c.slot];
    f64[c.slot] = new Float64Array(0);
    c.role = INFER_SEG;
    addI32(c);
    const codes = i32[c.slot];
    for (let r = 0; r < n; r++) {
      const v = values[r];
      codes[r] = v === v ? segmentCode(c, String(v)) : -1;
    }
    c.badRows.forEach((r, k) => {
      codes[r] = segmentCode(c, c.badTexts[k]);
    });
    c.badRows = [];
    c.badFileRows = [];
    c.badTexts = [];
    c.empty = 0;
    roles[c.index] = INFER_SEG;
    fast[c.index] = 0;
    slots[c.index] = c.slot;
    // the lane goes on with the column as text; the straight-lining flags so far are made again without it
    lane = null;
    laneTextSetup();
    laneNumbers--;
    qualityBroken = false;
    for (let r = 0; r < n && !qualityBroken; r++) qualityBroken = !sameFlag(r);
  }

  /**
   * Survey row r's straight-lining flag as the lane makes it (every number column the same value, rowSame[r]);
   * false when the row has an empty number cell or lies past the flags kept.
   */
  function sameFlag(r: number): boolean {
    if (r >= rowSame.length) return false;
    let first = NaN;
    let eq = 1;
    for (let j = 0; j < ncols; j++) {
      if (fast[j] !== 1) continue;
      const v = f64[slots[j]][r];
      if (v !== v) return false;
      if (first !== first) first = v;
      else if (v !== first) eq = 0;
    }
    rowSame[r] = eq;
    return true;
  }

  /**
   * The text columns the lane passes over: the id and the segments. It notes where their fields lie, and the builder
   * takes them after each lane call (laneTextCells), row by row in file order as cellSlow would.
   */
  function laneTextSetup(): void {
    laneTextColumns = [];
    for (let j = 0; j < ncols; j++) if (roles[j] === ID || roles[j] === SEGMENT || roles[j] === INFER_SEG) laneTextColumns.push(j);
    const k = laneTextColumns.length;
    laneText = k > 0 ? { start: new Float64Array(LANE_TEXT_BATCH * k), end: new Float64Array(LANE_TEXT_BATCH * k), base: 0, columns: k } : undefined;
  }

  function cellSlow(col: number, s: Uint8Array, start: number, end: number): void {
    if (header === null) {
      headerCells.push(fieldText(s, start, end).trim());
      return;
    }
    if (col >= ncols) return;
    const role = roles[col];
    if (role === IGNORE) return;
    while (start < end && isSpace(s[start])) start++;
    while (end > start && isSpace(s[end - 1])) end--;
    const c = cols[col];
    switch (role) {
      case ITEM: {
        const v = itemValue(cols[col], s, start, end);
        if (!Number.isInteger(v) && v === v) maybeFraction[col] = 1;
        f64[slots[col]][n] = v;
        return;
      }
      case INFER_NUM: {
        const v = numericValue(c, s, start, end);
        if (v === Infinity) {
          // Not a number: remember the cell; a column with many such cells is a segment, one with a few has bad cells.
          f64[slots[col]][n] = NaN;
          c.badRows.push(n);
          c.badFileRows.push(curRow);
          const text = fieldText(s, start, end, c.name);
          // A text decoder drops a leading byte-order mark: keep it, so that the message can show it.
          c.badTexts.push(s[start] === 0xef && s[start + 1] === 0xbb && s[start + 2] === 0xbf && text.charCodeAt(0) !== 0xfeff ? `\ufeff${text}` : text);
          if (c.badRows.length > 20 && c.badRows.length > BAD_SHARE * (n + 1)) toSegment(c);
        } else {
          if (!Number.isInteger(v) && v === v) maybeFraction[col] = 1;
          f64[slots[col]][n] = v;
        }
        return;
      }
      case NUMERIC:
        f64[slots[col]][n] = numericValue(c, s, start, end);
        return;
      case SEGMENT:
      case INFER_SEG:
        i32[slots[col]][n] = segmentCode(c, fieldText(s, start, end, c.name));
        return;
      case ID:
        idCell(c, fieldText(s, start, end, c.name));
        return;
      case WEIGHT: {
        const v = start === end ? NaN : parseNumberBytes(s, start, end);
        if (!(v >= 0) || v === Infinity) {
          const text = fieldText(s, start, end, c.name);
          throw new CsiError(
            'INVALID_WEIGHT',
            `Row ${curRow}, column "${c.name}": the weight "${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not a finite number ≥ 0.`,
            { row: curRow, column: c.name },
          );
        }
        f64[slots[col]][n] = v;
        return;
      }
    }
  }

  /** The respondent id of the current row (curRow): present, not used before. */
  function idCell(c: ColumnState, text: string): void {
    if (text === '' || naStrings.has(text)) {
      throw new CsiError('MISSING_ID', `Row ${curRow} has no respondent id in column "${c.name}".`, { row: curRow, column: c.name });
    }
    const prev = idSeen!.get(text);
    if (prev !== undefined) {
      throw new CsiError('DUPLICATE_ID', `Row ${curRow}, column "${c.name}": respondent id "${text}" was already used in row ${prev}.`, {
        row: curRow,
        column: c.name,
      });
    }
    idSeen!.set(text, curRow);
    ids!.push(text);
  }

  /**
   * The text cells of the `t` records the lane just took (survey rows r0, r0 + 1, …; file rows firstRow, …): ids and
   * segment levels, row by row and in file order, through the checks cellSlow makes.
   */
  function laneTextCells(b: Uint8Array, firstRow: number, r0: number, t: number): void {
    const { start: ts, end: te, columns: k } = laneText!;
    for (let q = 0; q < t; q++) {
      curRow = firstRow + q;
      for (let o = 0; o < k; o++) {
        const j = laneTextColumns[o];
        const c = cols[j];
        let start = ts[q * k + o];
        let end = te[q * k + o];
        while (start < end && isSpace(b[start])) start++;
        while (end > start && isSpace(b[end - 1])) end--;
        const text = fieldText(b, start, end, c.name);
        if (roles[j] === ID) idCell(c, text);
        else i32[slots[j]][r0 + q] = segmentCode(c, text);
      }
    }
  }

  const sink: CsvSink = {
    plainRows(b: Uint8Array, start: number, end: number, delim: number, row: number, out: Float64Array): number {
      if (header === null) return 0;
      if (laneOff) return -1;
      let taken = 0;
      let at = start;
      for (;;) {
        if (n >= cap) grow();
        // The first call takes a few records only: it returns, so V8 has seen the whole function (the code after the
        // loop too) before it optimizes it, and the optimized code does not bail out at the end of every later call.
        const room = laneText !== undefined ? Math.min(cap - n, LANE_TEXT_BATCH) : cap - n;
        const want = laneCalls++ === 0 ? Math.min(LANE_WARM_ROWS, room) : room;
        const layout = laneLayout(delim);
        if (laneText !== undefined) laneText.base = n;
        // the WebAssembly lane first; where it stops (or is missing) the JavaScript lane goes on
        let t = laneWasm !== null ? laneWasm.run(b, at, end, layout, n, want, out) : 0;
        if (t < want) t += plainNumericRows(b, laneWasm !== null ? out[0] : at, end, layout, n + t, want - t, out);
        if (laneText !== undefined && t > 0) laneTextCells(b, row + taken + 1, n, t);
        if (laneCounts) laneCounted(t);
        else if (tallied && t > 0) tallyRowRange(n, n + t);
        n += t;
        taken += t;
        at = out[0];
        if (at >= end || t < want) break; // done, or stopped at a record the lane cannot take
      }
      out[0] = at;
      rowsRead += taken;
      curRow = row + taken;
      laneTaken += taken;
      // A record the lane cannot take goes to the general path; a file where that is common turns the lane off.
      if (at < end && ++laneStops > 256 && laneStops * 8 > laneTaken) laneOff = true;
      return taken;
    },
    beginRow(row: number): void {
      curRow = row;
      if (header !== null) {
        rowsRead++;
        if (n >= cap) grow();
      } else {
        headerCells = [];
      }
    },
    cell(col: number, s: Uint8Array, start: number, end: number, num: number): void {
      // Kept tiny so that it inlines into the tokenizer loop; everything else is in cellSlow.
      if (num >= 0 && fast[col] === 1 && num >= lo[col] && num <= hi[col]) {
        f64[slots[col]][n] = rev[col] === 1 ? lo[col] + hi[col] - num : num;
        return;
      }
      cellSlow(col, s, start, end);
    },
    endRow(fields: number, row: number): void {
      if (header === null) {
        setupHeader(headerCells, row);
        headerCells = [];
        return;
      }
      if (fields !== ncols) {
        const column = fields < ncols ? cols[fields].name : undefined;
        throw new CsiError(
          'RAGGED_ROW',
          `Row ${row} has ${fields} field${fields === 1 ? '' : 's'} but the header (row ${headerRow}) has ${ncols}.`,
          { row, column },
        );
      }
      if (tallied) for (let j = 0; j < ncols; j++) if (roles[j] === INFER_NUM) tallyValue(tallies[j]!, f64[slots[j]][n]);
      if (qualityCounts) for (let j = 0; j < ncols; j++) if (roles[j] === ITEM) tallyValue(tallies[j]!, f64[slots[j]][n]);
      if (!qualityBroken) qualityBroken = !sameFlag(n);
      n++;
    },
    blankRow(row: number): void {
      excluded.push({ row, reason: 'blank line' });
    },
  };

  /**
   * Without a codebook: each numeric column is judged once all rows are in (src/data/inferColumn.ts). A column with a
   * few non-number cells is an item with bad cells (an error naming them, as with a codebook); one with many is a
   * segment; the rest become rating items (likely missing codes set aside), other numeric columns, or the id.
   */
  function judgeInferredColumns(warnings: CsiWarning[]): void {
    for (const c of cols) {
      if (c.role !== INFER_NUM) continue;
      if (c.badRows.length > 0) {
        const numbers = n - c.empty - c.badRows.length;
        if (numbers < 2 || c.badRows.length > BAD_SHARE * (numbers + c.badRows.length)) {
          toSegment(c);
          continue;
        }
        const shown = c.badRows.slice(0, 5).map((_, k) => `row ${c.badFileRows[k]} ${quoteCell(c.badTexts[k])}`);
        const more = c.badRows.length > 5 ? `, … (${c.badRows.length - 5} more)` : '';
        throw new CsiError(
          'NON_NUMERIC',
          `Column "${c.name}" holds numbers, but ${c.badRows.length} cell(s) are not numbers: ${shown.join(', ')}${more}. Fix the cells, mark them as missing (naStrings, csi --na TEXT), or declare the column in a codebook.`,
          { row: c.badFileRows[0], column: c.name },
        );
      }
      const values = f64[c.slot].subarray(0, n);
      const kind = inferColumn(values, tallies[c.index] ?? undefined);
      if (kind.kind === 'empty') {
        c.role = IGNORE;
        ignored.push(c.name);
        emptyColumns.push(c.name);
      } else if (kind.kind === 'id' && ids === null) {
        c.role = ID;
        ids = Array.from(values, (v) => String(v));
        warnings.push({ code: 'INFERRED_COLUMN', message: `Column "${c.name}" was taken as the respondent id: ${kind.reason}.`, column: c.name });
      } else if (kind.kind === 'id' || kind.kind === 'numeric') {
        c.role = NUMERIC;
        warnings.push({ code: 'INFERRED_COLUMN', message: `Column "${c.name}" is not a rating item but another numeric column: ${kind.reason}.`, column: c.name });
      } else {
        c.scaleMin = kind.scale.min;
        c.scaleMax = kind.scale.max;
        if (kind.missingCodes.length > 0) {
          c.missingValues = kind.missingCodes.map((m) => m.value);
          c.missingCounts = kind.missingCodes.map((m) => m.count);
          for (let r = 0; r < n; r++) if (c.missingValues.includes(values[r])) values[r] = NaN;
        }
        if (kind.note) warnings.push({ code: 'INFERRED_COLUMN', message: `Column "${c.name}" (scale ${kind.scale.min}-${kind.scale.max}?): ${kind.note}.`, column: c.name });
      }
    }
  }

  /**
   * surveyQuality's column pass from what the reader learned on the way, when that is all of it: no empty number cell
   * in any row (qualityBroken false: the lane's rows and the general path's), each item a rating item without missing
   * codes, counted (inferred items; a codebook's items when none is reversed). Then the ranges, answered and top-box
   * counts come from the tallies, the straight-liners from the per-row flags when the items are exactly the lane's
   * number columns (else from one comparison pass over the items, {@link sameAnswers}); otherwise undefined
   * (surveyQuality makes its pass).
   */
  function laneQualityPass(itemCols: ColumnState[], itemData: Float64Array[], rating: boolean[], scaleMax: number[]): QualityColumnPass | undefined {
    const p = itemCols.length;
    if (options.fullQualityPass === true || p === 0 || qualityBroken || !rating.every(Boolean)) return undefined;
    const lo = new Float64Array(p);
    const hi = new Float64Array(p);
    const answered = new Float64Array(p);
    const top = new Float64Array(p);
    for (let k = 0; k < p; k++) {
      const c = itemCols[k];
      const t = tallies[c.index];
      const tops = t === null ? undefined : tallyCount(t, scaleMax[k]);
      if ((c.role !== INFER_NUM && c.role !== ITEM) || c.reverse || t === null || c.missingValues.length > 0 || tops === undefined) return undefined;
      lo[k] = t.lo;
      hi[k] = t.hi;
      answered[k] = t.nonEmpty;
      top[k] = tops;
    }
    const same = p === laneNumbers ? rowSame.subarray(0, n) : sameAnswers(itemData, n);
    return { lo, hi, answered, top, missing: new Int32Array(n), missingRating: new Int32Array(n), same, complete: true };
  }

  function finish(meta: { encoding: string; delimiter: string }): Survey {
    if (header === null) throw new CsiError('EMPTY_FILE', 'The file is empty: there is no header row and no data.');
    if (n === 0) throw new CsiError('HEADER_ONLY', `The file has a header (row ${headerRow}) but no data rows.`, { row: headerRow });
    const warnings: CsiWarning[] = [];
    const at = <T extends Float64Array | Int32Array>(a: T): T => a.subarray(0, n) as T;

    settleLaneTallies();
    if (!codebook) judgeInferredColumns(warnings);
    const itemCols = cols.filter((c) => c.role === ITEM || c.role === INFER_NUM).sort((a, b) => a.order - b.order);
    const items: CodebookItem[] = [];
    const itemNames: string[] = [];
    const itemData: Float64Array[] = [];
    let usedCodebook: Codebook;
    if (codebook) {
      usedCodebook = codebook;
      for (const c of itemCols) {
        itemNames.push(c.name);
        itemData.push(at(f64[c.slot]));
      }
    } else {
      for (const c of itemCols) {
        items.push({
          id: c.name,
          scale: { min: c.scaleMin, max: c.scaleMax },
          ...(c.missingValues.length ? { missing: c.missingValues.map((value) => ({ value })) } : {}),
          inferred: true,
        });
        itemNames.push(c.name);
        itemData.push(at(f64[c.slot]));
      }
      harmonizeZeroBased(items);
      for (const it of items) {
        const c = itemCols.find((x) => x.name === it.id)!;
        c.scaleMin = it.scale.min;
        c.scaleMax = it.scale.max;
      }
      const inferredCols = cols.filter((c) => c.role !== IGNORE);
      const idCol = inferredCols.find((c) => c.role === ID);
      const wCol = inferredCols.find((c) => c.role === WEIGHT);
      const segs = inferredCols.filter((c) => c.role === INFER_SEG);
      const nums = inferredCols.filter((c) => c.role === NUMERIC);
      usedCodebook = {
        ...(idCol ? { id: idCol.name } : {}),
        ...(wCol ? { weight: wCol.name } : {}),
        items,
        ...(segs.length ? { segments: segs.map((c) => ({ id: c.name })) } : {}),
        ...(nums.length ? { numeric: nums.map((c) => ({ id: c.name })) } : {}),
      };
      if (items.length > 0) {
        warnings.unshift({
          code: 'INFERRED_SCALE',
          message: `No codebook was given: ${items.length} numeric column(s) became items with scales guessed from the observed values (${describeScales(items)}); check them and pass a codebook.`,
          count: items.length,
        });
      }
      warnings.push(...mixedScales(items));
    }
    // Segment levels in natural order (1, 2, 10; 18-25, 26-35, >=66) unless the codebook fixes them.
    for (const c of cols) if ((c.role === SEGMENT || c.role === INFER_SEG) && !c.fixedLevels) sortLevels(c, at(i32[c.slot]));
    const commas = cols.filter((c) => c.decimalCommas > 0);
    if (commas.length > 0) {
      const total = commas.reduce((t, c) => t + c.decimalCommas, 0);
      warnings.push({
        code: 'DECIMAL_COMMA',
        message: `${total} cell(s) had a decimal comma and were read as decimals (7,5 → 7.5): ${list(commas.map((c) => `${c.name} ${c.decimalCommas}`))}.`,
        count: total,
        column: commas[0].name,
      });
    }
    const segCols = cols.filter((c) => c.role === SEGMENT || c.role === INFER_SEG).sort((a, b) => a.order - b.order);
    const segments: SurveySegment[] = segCols.map((c) => ({ name: c.name, levels: c.levels, codes: at(i32[c.slot]) }));
    const numCols = cols.filter((c) => c.role === NUMERIC).sort((a, b) => a.order - b.order);
    const numeric = numCols.map((c) => ({ name: c.name, values: at(f64[c.slot]) }));
    const weights = weightSlot >= 0 ? at(f64[weightSlot]) : null;
    if (weights) {
      let sum = 0;
      for (let r = 0; r < n; r++) sum += weights[r];
      if (!(sum > 0)) {
        const wName = cols.find((c) => c.role === WEIGHT)!.name;
        throw new CsiError('INVALID_WEIGHT', `Every weight in column "${wName}" is zero.`, { column: wName });
      }
    }

    const valueCols = [...itemCols, ...numCols];
    const log: SurveyLog = {
      rowsRead,
      missingCodes: valueCols.flatMap((c) => [
        ...c.missingValues.map((value, m) => ({ column: c.name, value, count: c.missingCounts[m] })).filter((x) => x.count > 0),
        ...[...c.rangeHits].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ column: c.name, value, count })),
      ]),
      emptyCells: valueCols.filter((c) => c.empty > 0).map((c) => ({ column: c.name, count: c.empty })),
      reversed: itemCols.filter((c) => c.reverse).map((c) => c.name),
      ...(commas.length ? { decimalCommas: commas.map((c) => ({ column: c.name, count: c.decimalCommas })) } : {}),
      excludedRows: excluded.filter((e) => e.row > headerRow),
      headerRow,
      ignoredColumns: ignored,
      ...(emptyColumns.length ? { emptyColumns } : {}),
      encoding: meta.encoding,
      delimiter: meta.delimiter,
    };
    if (log.ignoredColumns.length > 0) {
      warnings.push({
        code: 'IGNORED_COLUMN',
        message: `${log.ignoredColumns.length} column(s) are not in the codebook and were ignored: ${list(log.ignoredColumns)}.`,
        count: log.ignoredColumns.length,
      });
    }
    if (log.excludedRows.length > 0) {
      warnings.push({
        code: 'ROWS_EXCLUDED',
        message: `${log.excludedRows.length} blank line(s) were skipped: row(s) ${list(log.excludedRows.map((e) => String(e.row)))}.`,
        count: log.excludedRows.length,
      });
    }
    const codeHits = log.missingCodes.reduce((s, m) => s + m.count, 0);
    if (codeHits > 0) {
      warnings.push({
        code: 'MISSING_CODE',
        message: `${codeHits} cell(s) held a missing-value code and are treated as missing.`,
        count: codeHits,
      });
    }
    // A missing-value code inside the answer scale silently removes real answers: name it, with the count.
    for (const c of itemCols) {
      if (c.role === IGNORE) continue;
      c.missingValues.forEach((value, m) => {
        if (!(value >= c.scaleMin && value <= c.scaleMax)) return;
        const count = c.missingCounts[m];
        warnings.push({
          code: 'MISSING_CODE',
          message: `Item ${c.name}: the missing-value code ${value} lies inside the answer scale ${c.scaleMin}–${c.scaleMax}, so ${count} answer(s) of ${value} were treated as missing. If ${value} is a real answer, remove it from the item's "missing" list in the codebook.`,
          column: c.name,
          count,
        });
      });
    }
    const rating = itemNames.map((name, k) => {
      const c = itemCols.find((x) => x.name === name)!;
      return c.scaleMax - c.scaleMin <= RATING_SPAN && (maybeFraction[c.index] === 0 || wholeNumbers(itemData[k]));
    });
    const scaleMax = itemNames.map((name) => itemCols.find((x) => x.name === name)!.scaleMax);
    const columnPass = laneQualityPass(itemCols, itemData, rating, scaleMax);
    const quality = surveyQuality(itemNames, itemData, n, {
      highMissingShare: options.highMissingShare,
      firstRow: headerRow + 1,
      excludedRows: log.excludedRows.map((e) => e.row),
      reversedSums: itemNames.map((name) => {
        const c = itemCols.find((x) => x.name === name);
        return c && c.reverse ? c.scaleMin + c.scaleMax : null;
      }),
      rating,
      scaleMax,
      ...(columnPass ? { columnPass } : {}),
    });
    warnings.push(...quality.warnings);
    if (itemNames.length === 0) {
      warnings.push({ code: 'NO_ITEMS', message: 'The survey has no item columns, so there is nothing to analyse.' });
    }
    return {
      n,
      itemNames,
      items: itemData,
      ids: ids,
      weights,
      segments,
      numeric,
      codebook: usedCodebook,
      log,
      warnings,
      quality: quality.flags,
    };
  }

  const reserve = (rows: number): void => {
    if (rows > cap && rows < 2 ** 30) grow(Math.ceil(rows));
  };

  return { sink, finish, reserve };
}

/** Copies a codebook entry's value labels and missing ranges onto its column. */
function setLabelsAndRanges(c: ColumnState, entry: { values?: ValueLabel[]; missingRanges?: { min: number; max: number }[] }): void {
  c.missingRanges = (entry.missingRanges ?? []).map((r) => ({ min: r.min, max: r.max }));
  if (entry.values && entry.values.length > 0) {
    c.valueLabels = entry.values;
    c.textCodes = valueLabelIndex(entry.values, c.name);
  }
}

function list(names: string[], max = 10): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')}, … (${names.length - max} more)`;
}

function describeScales(items: CodebookItem[]): string {
  const byScale = new Map<string, number>();
  for (const it of items) {
    const key = `${it.scale.min}-${it.scale.max}`;
    byScale.set(key, (byScale.get(key) ?? 0) + 1);
  }
  return [...byScale].map(([k, c]) => `${c} on ${k}`).join(', ');
}

/** When most inferred items sit on 0-M, items snapped to 1-M (no 0 observed) are put on 0-M too. */
function harmonizeZeroBased(items: CodebookItem[]): void {
  const count = new Map<string, number>();
  for (const it of items) count.set(`${it.scale.min}-${it.scale.max}`, (count.get(`${it.scale.min}-${it.scale.max}`) ?? 0) + 1);
  let modal = '';
  let best = 0;
  for (const [k, c] of count) if (c > best) [modal, best] = [k, c];
  if (best * 2 <= items.length) return; // no scale holds most items
  const [lo, hi] = modal.split('-').map(Number);
  if (lo !== 0) return;
  for (const it of items) if (it.scale.min === 1 && it.scale.max === hi) it.scale = { min: 0, max: hi };
}

/** A cell for a message: quoted, cut at 40 characters, invisible characters (BOM, no-break space) as \\uXXXX. */
function quoteCell(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(shown).replace(/[\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Items whose name differs only in a trailing number (CUEX1, CUEX2) form a battery; one battery, one scale. */
function mixedScales(items: CodebookItem[]): CsiWarning[] {
  const batteries = new Map<string, CodebookItem[]>();
  for (const it of items) {
    const key = it.id.replace(/[\s_.-]*\d+$/, '');
    if (key === it.id || key === '') continue;
    const list = batteries.get(key) ?? [];
    list.push(it);
    batteries.set(key, list);
  }
  const out: CsiWarning[] = [];
  for (const [key, its] of batteries) {
    const scales = new Set(its.map((it) => `${it.scale.min}-${it.scale.max}`));
    if (scales.size < 2) continue;
    out.push({
      code: 'MIXED_SCALES',
      message: `The ${key}… items are on different guessed scales (${its.map((it) => `${it.id} ${it.scale.min}-${it.scale.max}`).join(', ')}); one battery usually shares one scale: check the codebook.`,
      column: its[0].id,
    });
  }
  return out;
}

/** A level's sort key: its first number, a little less for "<18", "under 18", a little more for ">=66", "66+". */
function levelKey(level: string): number {
  const m = /-?\d+(\.\d+)?/.exec(level);
  if (!m) return NaN;
  const x = Number(m[0]);
  if (/^\s*(<|≤|under|below|less)/i.test(level)) return x - 0.5;
  if (/^\s*(>|≥|over|above|more)/i.test(level) || /\+\s*$/.test(level)) return x + 0.5;
  return x;
}

/** Natural order: numbered levels by number, then the others in the order first seen (a stable sort keeps it). */
function compareLevels(a: string, b: string): number {
  const ka = levelKey(a);
  const kb = levelKey(b);
  if (ka === ka && kb === kb) return ka - kb;
  if (ka === ka) return -1;
  if (kb === kb) return 1;
  return 0;
}

function sortLevels(c: ColumnState, codes: Int32Array): void {
  const order = c.levels.map((_, k) => k).sort((x, y) => compareLevels(c.levels[x], c.levels[y]));
  if (order.every((k, i) => k === i)) return;
  const remap = new Int32Array(order.length);
  order.forEach((old, i) => {
    remap[old] = i;
  });
  for (let r = 0; r < codes.length; r++) if (codes[r] >= 0) codes[r] = remap[codes[r]];
  c.levels = order.map((k) => c.levels[k]);
  c.levelIndex = new Map(c.levels.map((l, i) => [l, i]));
}

const EMPTY_F64 = new Float64Array(0);
/** Records the lane's first call takes (see CsvSink.plainRows). */
const LANE_WARM_ROWS = 16;
/** Records per lane call in a file with text columns (the lane notes where their fields lie, for this many records). */
const LANE_TEXT_BATCH = 4096;

/**
 * Per row, 1 when every item holds the same value as the first (items without empty cells, none reversed): the
 * straight-lining flags of `qualityColumnPass` for such items, without its other counts.
 */
function sameAnswers(items: Float64Array[], n: number): Uint8Array {
  const same = new Uint8Array(n).fill(1);
  const ref = items[0];
  for (let k = 1; k < items.length; k++) {
    const col = items[k];
    for (let r = 0; r < n; r++) same[r] &= col[r] === ref[r] ? 1 : 0;
  }
  return same;
}

function wholeNumbers(v: Float64Array): boolean {
  for (let r = 0; r < v.length; r++) if (v[r] === v[r] && !Number.isInteger(v[r])) return false;
  return true;
}
