import { alignColumns } from '../data/index.js';
import { allWarnings, type PlsResult } from '../pls/index.js';

/**
 * A plain-text summary of an estimation result for terminals: settings and convergence, paths with R² (and f² when
 * computed), outer weights, loadings and item VIF per construct, reliability, HTMT, Fornell–Larcker, inner VIF, and
 * every warning once. Columns align by terminal width (long and Chinese names included).
 *
 * @example
 * console.log(formatPlsResult(estimate(survey, model)))
 */
export function formatPlsResult(result: PlsResult): string {
  const f = (v: number | undefined, d = 3) => (v !== undefined && Number.isFinite(v) ? v.toFixed(d) : 'NA');
  const s = result.settings;
  const out: string[] = [];
  const block = (title: string, rows: string[][], rightFrom = 1): void => {
    if (rows.length <= 1) return;
    out.push('', title, ...alignColumns(rows, rightFrom).map((l) => `  ${l}`));
  };
  out.push(
    `PLS path model: ${result.n} rows${s.weighted ? ` (weighted, Σw = ${f(result.sumWeights, 1)})` : ''}, scheme ${s.scheme}, missing ${s.missing}${s.twoStage ? ', two-stage higher-order' : ''}${s.consistent ? ', PLSc' : ''}`,
  );
  out.push(
    result.converged
      ? `Converged: iterations ${result.iterations} (Σ|ΔW| = ${result.weightDiff.toExponential(2)} < ${s.tolerance})`
      : `NOT converged after ${result.iterations} iterations (Σ|ΔW| = ${result.weightDiff.toExponential(2)})`,
  );
  const mr = result.missing;
  if (mr.missingCells > 0 || mr.rowsDeleted > 0) {
    const what = mr.rule === 'mean' ? `${mr.cellsReplaced} replaced by the item mean` : mr.rule === 'casewise' ? `${mr.rowsDeleted} rows with one or more deleted` : 'each correlation on the rows answering both items';
    out.push(`Missing values: ${mr.missingCells} cells; ${what}${mr.minPairwiseN !== null ? `; smallest pairwise n ${f(mr.minPairwiseN, 0)}` : ''}`);
  }
  const q = result.quality;
  const f2 = new Map((q?.fSquared ?? []).map((e) => [`${e.from}\u0000${e.to}`, e.value]));
  block(
    'Paths',
    [['', 'estimate', ...(q?.fSquared ? ['f²'] : [])], ...result.paths.map((p) => [`${p.from} -> ${p.to}`, f(p.estimate), ...(q?.fSquared ? [f(f2.get(`${p.from}\u0000${p.to}`))] : [])])],
  );
  block('R²', [['', 'R²', 'adj R²'], ...Object.entries(result.rSquared).map(([name, r]) => [name, f(r.r2), f(r.adjR2)])]);
  const weightRows: string[][] = [['', 'weight', 'loading', ...(q ? ['VIF'] : [])]];
  for (const [name, ws] of Object.entries(result.outerWeights)) {
    weightRows.push([name, '', '']);
    for (const [item, v] of Object.entries(ws)) weightRows.push([`  ${item}`, f(v), f(result.loadings[name]?.[item]), ...(q ? [f(q.itemVif[name]?.[item])] : [])]);
  }
  block('Outer weights / loadings', weightRows);
  if (q) {
    block('Reliability', [['', 'alpha', 'rhoC', 'rhoA', 'AVE'], ...Object.entries(q.reliability).map(([name, r]) => [name, ...[r.alpha, r.rhoC, r.rhoA, r.ave].map((v) => f(v))])]);
    block('HTMT', [['', 'HTMT'], ...q.htmt.map((h) => [`${h.a} / ${h.b}`, f(h.value)])]);
    const fl = q.fornellLarcker;
    if (fl.constructs.length > 1) {
      block('Fornell–Larcker (diagonal √AVE)', [['', ...fl.constructs, ''], ...fl.constructs.map((c, i) => [c, ...fl.matrix[i].map((v, j) => (j <= i ? f(v) : '')), fl.pass[c] ? 'ok' : 'FAIL'])]);
    }
    const inner: string[][] = [['', 'VIF']];
    for (const [to, preds] of Object.entries(q.innerVif)) for (const [from, v] of Object.entries(preds)) inner.push([`${from} -> ${to}`, f(v)]);
    block('Inner VIF', inner);
  }
  const warnings = allWarnings(result);
  if (warnings.length > 0) {
    out.push('', 'Warnings');
    for (const x of warnings) out.push(`  ${x.code}: ${x.message}`);
  }
  return out.join('\n');
}
