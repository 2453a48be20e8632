import type { Codebook } from '../../data/index.js';
import { CsiError } from '../../errors.js';
import { floatCast, quoteIdentifier, sqlNumber, unknownDialect, SQL_DIALECTS, type SqlDialect } from './dialect.js';
import { itemRules, type ItemRule } from './itemRules.js';

/**
 * Where the rows are: a table name (a string, or `{ table, schema }`; quoted as identifiers), or `{ raw }`, a
 * FROM-clause expression that an adapter built itself (DuckDB's `read_csv('…')` with the path as an escaped string
 * literal). `raw` is trusted SQL text: never pass user input there.
 */
export type SqlSource = string | { table: string; schema?: string } | { raw: string };

/**
 * Which form of the moments to compute:
 * - `complete`: n, Σw, Σw², per-item counts (the guard), Σ w x_i, Σ w x_i x_j — valid only when nothing is missing;
 *   {@link parseMomentsRow} refuses the row (INCOMPLETE_MOMENTS) when a per-item count is below n.
 * - `pairwise`: the pairwise-complete form, NULL-safe (0/1 observed indicators × COALESCE(x, 0); no NULL reaches a
 *   SUM). It serves pairwise deletion and mean replacement exactly (see {@link momentsSql}).
 * - `casewise`: the complete form over the rows with every item observed (`WHERE x_1 IS NOT NULL AND …`).
 */
export type MomentsForm = 'complete' | 'pairwise' | 'casewise';

/** Options of {@link momentsSql}. */
export interface MomentsSqlOptions {
  /** Item column names (at least one), in the order the Moments will have. */
  items: readonly string[];
  /** Table or adapter-built FROM expression. */
  source: SqlSource;
  /** Sampling-weight column. Default: the codebook's `weight` when a codebook is given, else none; `null` = none. */
  weights?: string | null;
  /** Segment columns to GROUP BY (one result row per combination). Default none (one row). */
  groupBy?: readonly string[];
  /** Form of the moments ({@link MomentsForm}). Required (or its old name `missing`). */
  form?: MomentsForm;
  /** @deprecated The old name of `form` (it names a form, not a missing-value rule); still honoured. */
  missing?: MomentsForm;
  dialect: SqlDialect;
  /** Codebook: missing codes → NULL, reverse items → min + max − x, out-of-scale values counted (→ OUT_OF_SCALE). */
  codebook?: Codebook;
  /**
   * DuckDB only (internal, see `computeMoments`): `'int16'` casts item and weight values to SMALLINT instead of
   * DOUBLE, so products and sums are exact integer arithmetic (DuckDB throws on an overflow, never wraps), and adds
   * one `fraction` column per name in `integralCheck`: Σ |x − CAST(x AS SMALLINT)|, 0 exactly when every value is a
   * whole number (the cast rounds). Refused with missing codes or reverse items. Default `'double'`.
   */
  valueType?: 'double' | 'int16';
  /** With `valueType: 'int16'`: the (non-integer-typed) columns whose values must be checked to be whole. */
  integralCheck?: readonly string[];
}

/** What one output column of a moments query holds (i, j index `items`). */
export type MomentsColumn =
  | { alias: string; kind: 'group'; k: number; column: string }
  | { alias: string; kind: 'n' | 'sw' | 'sww' | 'badWeight' }
  | { alias: string; kind: 'nObs' | 'outOfScale' | 's'; i: number }
  | { alias: string; kind: 'c' | 'm' | 'p' | 'q'; i: number; j: number }
  | { alias: string; kind: 'fraction'; column: string };

/** Everything {@link parseMomentsRow} needs to read a result row (plain JSON). */
export interface MomentsQuerySpec {
  items: string[];
  /** `casewise` is the complete form with a WHERE. */
  form: MomentsForm;
  weighted: boolean;
  /** Weight column name, or null. */
  weights: string | null;
  groupBy: string[];
  dialect: SqlDialect;
  columns: MomentsColumn[];
  /** True when the rows carry Poisson-bootstrap replicate weights ({@link poissonBootstrapSql}); n is then Σ k. */
  replicated?: boolean;
}

/** Result of {@link momentsSql}. */
export interface MomentsQuery {
  /** The one statement computing the moments. */
  sql: string;
  /** Its output columns, in order. */
  columns: MomentsColumn[];
  spec: MomentsQuerySpec;
  /**
   * Casewise form only, when something must be checked over ALL rows (not only those the WHERE keeps): the
   * out-of-scale counts, invalid weights and the total row count. Run it first and pass its row to
   * {@link checkMomentsRow}. Undefined for the other forms, whose main statement carries these columns itself.
   */
  checkSql?: string;
  /** The output columns of `checkSql`. */
  checkColumns?: MomentsColumn[];
}

/** Internal: how the generic builder differs for the Poisson bootstrap (built from the alias prefix and the FROM text). */
export interface MomentsSqlExtension {
  /** Row multiplicity expression (the Poisson count), or null. */
  rowCount: string | null;
  /** The FROM text replacing the rendered source (e.g. with the replicate index joined in). */
  from: string;
  /** Text before SELECT (ClickHouse `WITH … AS alias`), or ''. */
  prefix: string;
  /** A row filter ANDed into WHERE, or null. */
  where: string | null;
  /** Extra leading group expression + alias (the replicate index). */
  extraGroup: { expr: string; alias: string } | null;
  /** Leave out the check columns (out-of-scale, invalid weights) and the casewise check query. */
  noChecks: boolean;
}

/** Default output alias prefix; lengthened with underscores when a data column would collide with an alias. */
const PREFIX = 'csi_';

/**
 * Writes ONE SQL statement that computes the {@link Moments} of `items` where the data live (engines.md §2):
 *
 * complete form (w = 1 without weights; x cast to a 64-bit float first):
 *   n = COUNT(*), sw = Σ w, sww = Σ w², n_i = COUNT(x_i) (guard: = n when item i has no NULL; counted on the raw
 *   column, or on the missing-code expression when the codebook has codes),
 *   s_i = Σ w x_i, c_ij = Σ w x_i x_j (i ≤ j)
 * pairwise-complete form (o_i = 1 when x_i is observed else 0, z_i = COALESCE(x_i, 0); no NULL reaches a SUM):
 *   n_i = Σ o_i, s_i = Σ w z_i, c_ij = Σ w z_i z_j, m_ij = Σ w o_i o_j, p_ij = Σ w z_i o_j, q_ij = Σ w z_i² o_j
 * These give pairwise deletion directly and mean replacement exactly: with the observed means μ_i = s_i / m_ii, the
 * mean-replaced x̃_i = o_i x_i + (1 − o_i) μ_i has
 *   Σ w x̃_i x̃_j = c_ij + μ_i (s_j − p_ji) + μ_j (s_i − p_ij) + μ_i μ_j (sw − m_ii − m_jj + m_ij)
 * (expand the product; Σ w (1−o_i) x_j o_j = s_j − p_ji, Σ w (1−o_i)(1−o_j) = sw − m_ii − m_jj + m_ij).
 * Casewise (listwise) deletion is the complete form with `WHERE x_1 IS NOT NULL AND …`.
 *
 * The codebook is applied inside the SQL: a raw value equal to a missing code becomes NULL; a value outside the
 * scale is counted per item (a column `csi_oos_i`; {@link parseMomentsRow} throws OUT_OF_SCALE when it is not 0,
 * as the JS loader does); a reverse item becomes (min + max) − x. Only finite numbers from the validated codebook
 * enter the text as literals; every name is quoted by the dialect's rules ({@link quoteIdentifier}).
 * Group keys are GROUP BY columns; csikit adds group rows itself to get margins ({@link marginOf}; no GROUPING SETS,
 * which ClickHouse 18.16 lacks).
 *
 * @example
 * const q = momentsSql({ items: ['q1', 'q2'], source: 'survey', form: 'complete', dialect: 'duckdb' });
 * q.sql.split('\n')[2] // '  COUNT(*) AS csi_n,'
 */
export function momentsSql(options: MomentsSqlOptions): MomentsQuery {
  return buildMomentsSql(options, (_prefix, from) => ({ rowCount: null, from, prefix: '', where: null, extraGroup: null, noChecks: false }));
}

/**
 * The builder behind {@link momentsSql} and `poissonBootstrapSql` (internal): `extend(prefix, from)` says how the
 * statement differs (row multiplicity, FROM text, WITH prefix, extra WHERE and group); `reservedNames` are further
 * data columns the alias prefix must not collide with.
 *
 * @example
 * buildMomentsSql({ items: ['a'], source: 't', missing: 'complete', dialect: 'duckdb' },
 *   (_p, from) => ({ rowCount: null, from, prefix: '', where: null, extraGroup: null, noChecks: false })).sql
 */
export function buildMomentsSql(
  options: MomentsSqlOptions,
  extend: (prefix: string, from: string) => MomentsSqlExtension,
  reservedNames: readonly string[] = [],
): MomentsQuery {
  const { dialect } = options;
  if (!SQL_DIALECTS.includes(dialect)) unknownDialect(dialect);
  const items = [...(options.items ?? [])];
  if (items.length === 0) throw new CsiError('NO_ITEMS', 'momentsSql needs at least one item.');
  const dup = items.find((name, i) => items.indexOf(name) !== i);
  if (dup !== undefined) throw new CsiError('DUPLICATE_ITEM', `Item "${dup}" is listed twice.`, { column: dup });
  const form = options.form ?? options.missing;
  if (form !== 'complete' && form !== 'pairwise' && form !== 'casewise') {
    throw new CsiError('INVALID_OPTION', `form must be 'complete', 'pairwise' or 'casewise', not "${String(form)}".`);
  }
  const groupBy = [...(options.groupBy ?? [])];
  const weights = options.weights === undefined ? (options.codebook?.weight ?? null) : options.weights;
  if (weights !== null && typeof weights !== 'string') throw new CsiError('INVALID_OPTION', 'weights must be a column name.');
  const rules = itemRules(items, options.codebook);
  const Q = (name: string): string => quoteIdentifier(name, dialect);
  const int16 = options.valueType === 'int16';
  if (int16 && (dialect !== 'duckdb' || rules.some((r) => r.missingCodes.length > 0 || r.reverse))) {
    throw new CsiError('INVALID_OPTION', "valueType 'int16' is for DuckDB without missing codes or reverse items.");
  }
  const F = int16 ? (expr: string): string => `CAST(${expr} AS SMALLINT)` : (expr: string): string => floatCast(expr, dialect);

  const P = aliasPrefix([...items, ...groupBy, ...(weights ? [weights] : []), ...reservedNames]);
  const ext = extend(P, renderSource(options.source, dialect));
  const from = ext.from;

  // Per-item expressions.
  const pre = rules.map((r) => preExpr(r, Q, F)); // after missing codes, before reverse (NULL = missing)
  const isNull = rules.map((r, i) => (r.missingCodes.length > 0 ? pre[i] : Q(r.name))); // nullness test operand
  const x = rules.map((r, i) => (r.reverse && r.scale ? `(${sqlNumber(r.scale.min + r.scale.max)} - ${pre[i]})` : pre[i]));
  const wRaw = weights ? F(Q(weights)) : null;
  // Row factor: sampling weight × replicate count.
  const W = wRaw && ext.rowCount ? `${ext.rowCount} * ${wRaw}` : (wRaw ?? ext.rowCount);
  const wt = (expr: string): string => (W ? `${W} * ${expr}` : expr);

  const cols: { expr: string; col: MomentsColumn }[] = [];
  const add = (expr: string, col: MomentsColumn): void => {
    cols.push({ expr, col });
  };
  if (ext.extraGroup) add(ext.extraGroup.expr, { alias: ext.extraGroup.alias, kind: 'group', k: -1, column: ext.extraGroup.alias });
  groupBy.forEach((g, k) => add(Q(g), { alias: `${P}g_${k}`, kind: 'group', k, column: g }));
  const checks: { expr: string; col: MomentsColumn }[] = [];
  const addCheck = (expr: string, col: MomentsColumn): void => {
    checks.push({ expr, col });
  };
  add(ext.rowCount ? `SUM(${ext.rowCount})` : 'COUNT(*)', { alias: `${P}n`, kind: 'n' });
  if (W) {
    add(`SUM(${W})`, { alias: `${P}sw`, kind: 'sw' });
    add(`SUM(${W} * ${W})`, { alias: `${P}sww`, kind: 'sww' });
  }
  if (weights) addCheck(`SUM(CASE WHEN ${Q(weights)} IS NULL OR ${wRaw} < 0 THEN 1 ELSE 0 END)`, { alias: `${P}badw`, kind: 'badWeight' });
  rules.forEach((r, i) => {
    if (r.scale) {
      addCheck(`SUM(CASE WHEN ${pre[i]} < ${sqlNumber(r.scale.min)} OR ${pre[i]} > ${sqlNumber(r.scale.max)} THEN 1 ELSE 0 END)`, { alias: `${P}oos_${i}`, kind: 'outOfScale', i });
    }
  });
  if (int16) (options.integralCheck ?? []).forEach((c, k) => addCheck(`SUM(ABS(CAST(${Q(c)} AS DOUBLE) - ${F(Q(c))}))`, { alias: `${P}frac_${k}`, kind: 'fraction', column: c }));
  const casewise = form === 'casewise';
  if (ext.noChecks) checks.length = 0;
  if (!casewise) for (const c of checks) cols.push(c);

  const p = items.length;
  if (form === 'pairwise') {
    const o = isNull.map((e) => `(CASE WHEN ${e} IS NULL THEN 0 ELSE 1 END)`);
    const z = x.map((e) => `COALESCE(${e}, 0)`);
    for (let i = 0; i < p; i++) add(ext.rowCount ? `SUM(${ext.rowCount} * ${o[i]})` : `SUM(${o[i]})`, { alias: `${P}n_${i}`, kind: 'nObs', i });
    for (let i = 0; i < p; i++) add(`SUM(${wt(z[i])})`, { alias: `${P}s_${i}`, kind: 's', i });
    for (let i = 0; i < p; i++) for (let j = i; j < p; j++) add(`SUM(${wt(`${z[i]} * ${z[j]}`)})`, { alias: `${P}c_${i}_${j}`, kind: 'c', i, j });
    for (let i = 0; i < p; i++) {
      for (let j = i; j < p; j++) {
        if (i === j && !W) continue; // m_ii = n_i without weights
        add(`SUM(${wt(i === j ? o[i] : `${o[i]} * ${o[j]}`)})`, { alias: `${P}m_${i}_${j}`, kind: 'm', i, j });
      }
    }
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) if (i !== j) add(`SUM(${wt(`${z[i]} * ${o[j]}`)})`, { alias: `${P}p_${i}_${j}`, kind: 'p', i, j });
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) if (i !== j) add(`SUM(${wt(`${z[i]} * ${z[i]} * ${o[j]}`)})`, { alias: `${P}q_${i}_${j}`, kind: 'q', i, j });
  } else {
    for (let i = 0; i < p; i++) add(ext.rowCount ? `SUM(CASE WHEN ${isNull[i]} IS NULL THEN 0 ELSE ${ext.rowCount} END)` : `COUNT(${isNull[i]})`, { alias: `${P}n_${i}`, kind: 'nObs', i });
    for (let i = 0; i < p; i++) add(`SUM(${wt(x[i])})`, { alias: `${P}s_${i}`, kind: 's', i });
    for (let i = 0; i < p; i++) for (let j = i; j < p; j++) add(`SUM(${wt(`${x[i]} * ${x[j]}`)})`, { alias: `${P}c_${i}_${j}`, kind: 'c', i, j });
  }

  const groupExprs = [...(ext.extraGroup ? [ext.extraGroup.expr] : []), ...groupBy.map(Q)];
  const lines = [
    ...(ext.prefix ? [ext.prefix] : []),
    'SELECT',
    cols.map((c) => `  ${c.expr} AS ${c.col.alias}`).join(',\n'),
    `FROM ${from}`,
  ];
  const where = [...(ext.where ? [ext.where] : []), ...(casewise ? isNull.map((e) => `${e} IS NOT NULL`) : [])];
  if (where.length > 0) lines.push(`WHERE ${where.join(' AND ')}`);
  if (groupExprs.length > 0) lines.push(`GROUP BY ${groupExprs.join(', ')}`);
  const columns = cols.map((c) => c.col);
  const spec: MomentsQuerySpec = {
    items,
    form,
    weighted: weights !== null,
    weights,
    groupBy,
    dialect,
    columns,
    ...(ext.rowCount ? { replicated: true } : {}),
  };
  const query: MomentsQuery = { sql: lines.join('\n'), columns, spec };
  if (casewise && !ext.noChecks) {
    const checkCols = [{ expr: 'COUNT(*)', col: { alias: `${P}n`, kind: 'n' } as MomentsColumn }, ...checks];
    query.checkSql = ['SELECT', checkCols.map((c) => `  ${c.expr} AS ${c.col.alias}`).join(',\n'), `FROM ${renderSource(options.source, dialect)}`].join('\n');
    query.checkColumns = checkCols.map((c) => c.col);
  }
  return query;
}

/** The item value after missing codes (NULL when it equals one), before reversing. */
function preExpr(r: ItemRule, Q: (s: string) => string, F: (s: string) => string): string {
  const f = F(Q(r.name));
  if (r.missingCodes.length === 0) return f;
  const test = r.missingCodes.map((code) => `${f} = ${sqlNumber(code)}`).join(' OR ');
  return `(CASE WHEN ${test} THEN NULL ELSE ${f} END)`;
}

/**
 * The FROM text of a {@link SqlSource}: a quoted table name, `schema.table`, or the adapter's raw expression.
 *
 * @example
 * renderSource({ schema: 'ds', table: 'surveys' }, 'bigquery') // '`ds`.`surveys`'
 */
export function renderSource(source: SqlSource, dialect: SqlDialect): string {
  if (typeof source === 'string') return quoteIdentifier(source, dialect);
  if (source && typeof source === 'object') {
    if ('raw' in source && typeof source.raw === 'string' && source.raw.trim() !== '') return source.raw;
    if ('table' in source && typeof source.table === 'string') {
      return source.schema ? `${quoteIdentifier(source.schema, dialect)}.${quoteIdentifier(source.table, dialect)}` : quoteIdentifier(source.table, dialect);
    }
  }
  throw new CsiError('INVALID_OPTION', 'source must be a table name, { table, schema? } or { raw }.');
}

/**
 * An alias prefix no data column can be confused with: `csi_`, or `csi__`, `csi___` … when a column name (compared
 * case-insensitively) starts with it. ClickHouse resolves aliases anywhere in a query, so a column named like an
 * alias would be silently replaced by it.
 */
function aliasPrefix(names: readonly string[]): string {
  let prefix = PREFIX;
  while (names.some((n) => n.toLowerCase().startsWith(prefix))) prefix = `${prefix.slice(0, -1)}__`;
  return prefix;
}
