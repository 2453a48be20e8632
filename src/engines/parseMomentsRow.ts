import { CsiError } from '../errors.js';
import type { Moments } from '../stats/index.js';
import type { MomentsColumn, MomentsQuerySpec } from './sql/momentsSql.js';

/** One result row as an engine client returns it: column alias → number, BigInt, decimal string or null. */
export type EngineRow = Record<string, unknown>;

const MAX_EXACT = 2 ** 53;

/**
 * Turns one engine value into an exact JS number: numbers as they are (finite only), BigInt (DuckDB's BIGINT and
 * HUGEINT counts) and decimal strings (ClickHouse's JSON quotes UInt64/Int64) when |v| ≤ 2^53, where every integer
 * is a double exactly; beyond that the value is refused (ENGINE), never rounded silently. `null` is returned as null.
 *
 * @example
 * exactNumber(12345678901234n, 'csi_n') // 12345678901234
 * exactNumber('42', 'csi_n')            // 42
 */
export function exactNumber(v: unknown, alias: string, what?: { text: string; column?: string }): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      if (what) {
        throw new CsiError(
          'NON_NUMERIC',
          `The engine returned ${v} for ${what.text}: the column holds NaN or infinite values (e.g. the texts "nan" or "inf", which SQL engines read as numbers and the in-memory reader refuses) or values whose sums overflow. Fix or remove those cells.`,
          what.column !== undefined ? { column: what.column } : {},
        );
      }
      throw new CsiError('ENGINE', `The engine returned a non-finite value (${v}) for ${alias}.`);
    }
    return v;
  }
  if (typeof v === 'bigint') {
    if (v > BigInt(MAX_EXACT) || v < -BigInt(MAX_EXACT)) throw new CsiError('ENGINE', `The engine returned ${v} for ${alias}, beyond 2^53: not exact as a number.`);
    return Number(v);
  }
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^-?\d+$/.test(t)) return exactNumber(BigInt(t), alias);
    const x = Number(t);
    if (t !== '' && Number.isFinite(x)) return x;
    throw new CsiError('ENGINE', `The engine returned "${v.slice(0, 40)}" for ${alias}, not a finite number.`);
  }
  throw new CsiError('ENGINE', `The engine returned a ${typeof v} for ${alias}, not a number.`);
}

/**
 * Throws when the check columns of a row (per-item out-of-scale counts, the invalid-weight count) are not zero:
 * OUT_OF_SCALE (with the item as `column`), as the JS loader throws on a value outside an item's scale, and
 * INVALID_WEIGHT for a NULL or negative weight. Returns the row count `n` of the row (0 when absent).
 *
 * @example
 * checkMomentsRow({ csi_n: 3, csi_oos_0: 0 }, [{ alias: 'csi_n', kind: 'n' }, { alias: 'csi_oos_0', kind: 'outOfScale', i: 0 }], ['q1']) // 3
 */
export function checkMomentsRow(row: EngineRow, columns: readonly MomentsColumn[], items: readonly string[], weights: string | null = null): number {
  let n = 0;
  for (const col of columns) {
    if (col.kind === 'n') n = exactNumber(row[col.alias], col.alias) ?? 0;
  }
  for (const col of columns) {
    if (col.kind === 'badWeight') {
      const bad = exactNumber(row[col.alias], col.alias) ?? 0;
      if (bad > 0) throw new CsiError('INVALID_WEIGHT', `${bad} row(s) have a missing or negative weight in column "${weights ?? '?'}".`, weights ? { column: weights } : {});
    } else if (col.kind === 'outOfScale') {
      const bad = exactNumber(row[col.alias], col.alias) ?? 0;
      if (bad > 0) throw new CsiError('OUT_OF_SCALE', `${bad} value(s) of item "${items[col.i]}" are outside its codebook scale.`, { column: items[col.i] });
    }
  }
  return n;
}

/**
 * Reads one result row of a {@link momentsSql} (or `poissonBootstrapSql`) statement into {@link Moments}, exactly:
 * counts come back as BigInt or decimal strings and are converted without rounding ({@link exactNumber}).
 *
 * Refuses (INCOMPLETE_MOMENTS) a complete-form row whose per-item count n_i is below n: the complete form would have
 * summed every item over different rows (SUM skips NULL), a wrong number. Run the pairwise form instead (the adapters
 * do so by themselves). Throws OUT_OF_SCALE / INVALID_WEIGHT from the check columns ({@link checkMomentsRow}).
 * Complete-form rows get m = sw, p[i,j] = s[i], q[i,j] = c[i,i]; without weights sw = sww = n.
 *
 * @example
 * const q = momentsSql({ items: ['a'], source: 't', form: 'complete', dialect: 'duckdb' });
 * parseMomentsRow({ csi_n: 2n, csi_n_0: 2n, csi_s_0: 3, csi_c_0_0: 5 }, q.spec).c // [5]
 */
export function parseMomentsRow(row: EngineRow, spec: MomentsQuerySpec): Moments {
  const items = spec.items;
  const p = items.length;
  checkMomentsRow(row, spec.columns, items, spec.weights);
  const described = new Map(spec.columns.map((col) => [col.alias, describeColumn(col, items, spec.weights)]));
  const get = (alias: string): number | null => exactNumber(row[alias], alias, described.get(alias));
  let n = 0;
  let sw: number | null = null;
  let sww: number | null = null;
  const nObs = new Array<number>(p).fill(0);
  for (const col of spec.columns) {
    if (col.kind === 'n') n = get(col.alias) ?? 0;
    else if (col.kind === 'nObs') nObs[col.i] = get(col.alias) ?? 0;
  }
  const paired = spec.form === 'pairwise';
  if (!paired) {
    for (let i = 0; i < p; i++) {
      if (nObs[i] < n) {
        throw new CsiError(
          'INCOMPLETE_MOMENTS',
          `Item "${items[i]}" is observed in ${nObs[i]} of ${n} rows, but the complete form was computed: it would sum each item over different rows. Use the pairwise form (missing: 'pairwise') or casewise deletion.`,
          { column: items[i] },
        );
      }
    }
  }
  const val = (alias: string): number => {
    const v = get(alias);
    if (v !== null) return v;
    if (n === 0) return 0; // SUM over no rows is NULL in SQL
    throw new CsiError('ENGINE', `The engine returned NULL for ${alias} over ${n} rows.`);
  };
  const pp = p * p;
  const s = new Array<number>(p).fill(0);
  const c = new Array<number>(pp).fill(0);
  const m = new Array<number>(pp).fill(NaN);
  const pm = new Array<number>(pp).fill(NaN);
  const qm = new Array<number>(pp).fill(NaN);
  for (const col of spec.columns) {
    switch (col.kind) {
      case 'sw':
        sw = val(col.alias);
        break;
      case 'sww':
        sww = val(col.alias);
        break;
      case 's':
        s[col.i] = val(col.alias);
        break;
      case 'c': {
        const v = val(col.alias);
        c[col.i * p + col.j] = v;
        c[col.j * p + col.i] = v;
        break;
      }
      case 'm': {
        const v = val(col.alias);
        m[col.i * p + col.j] = v;
        m[col.j * p + col.i] = v;
        break;
      }
      case 'p':
        pm[col.i * p + col.j] = val(col.alias);
        break;
      case 'q':
        qm[col.i * p + col.j] = val(col.alias);
        break;
      default:
        break;
    }
  }
  const swT = sw ?? n;
  const swwT = sww ?? n;
  let complete = true;
  for (let i = 0; i < p; i++) if (nObs[i] < n) complete = false;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      const ij = i * p + j;
      if (!paired) {
        m[ij] = swT;
        pm[ij] = s[i];
        qm[ij] = c[i * p + i];
      } else if (i === j) {
        if (Number.isNaN(m[ij])) m[ij] = nObs[i]; // unweighted: Σ o_i = n_i
        pm[ij] = s[i];
        qm[ij] = c[ij];
      }
    }
  }
  if (paired && [m, pm, qm].some((a) => a.some((v) => Number.isNaN(v)))) {
    throw new CsiError('ENGINE', 'The result row lacks some pairwise-complete columns (m, p, q).');
  }
  return { items: [...items], n, weighted: spec.weighted, sw: swT, sww: swwT, nObs, s, m, p: pm, q: qm, c, complete };
}

/** What a moments output column holds, in words, with the data column it comes from (for messages). */
function describeColumn(col: MomentsColumn, items: readonly string[], weights: string | null): { text: string; column?: string } {
  const w = weights ?? 'the weight';
  switch (col.kind) {
    case 'sw':
      return { text: `the sum of the weights (column "${w}")`, ...(weights ? { column: weights } : {}) };
    case 'sww':
      return { text: `the sum of the squared weights (column "${w}")`, ...(weights ? { column: weights } : {}) };
    case 's':
      return { text: `the sum of item "${items[col.i]}"`, column: items[col.i] };
    case 'c':
    case 'm':
    case 'p':
    case 'q':
      return col.i === col.j
        ? { text: `the sum of squares of item "${items[col.i]}"`, column: items[col.i] }
        : { text: `the cross-products of items "${items[col.i]}" and "${items[col.j]}"`, column: items[col.i] };
    case 'nObs':
    case 'outOfScale':
      return { text: `the counts of item "${items[col.i]}"`, column: items[col.i] };
    default:
      return { text: `the row count (${col.alias})` };
  }
}
