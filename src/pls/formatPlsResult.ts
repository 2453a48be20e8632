import type { PlsResult } from './types.js';

/**
 * A plain-text summary of an estimation result for terminals: settings and convergence, paths with R², outer
 * weights and loadings per construct, reliability and HTMT (when the quality report is present), warnings.
 *
 * @example
 * console.log(formatPlsResult(estimate(survey, model)))
 */
export function formatPlsResult(result: PlsResult): string {
  const f = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : 'NA');
  const s = result.settings;
  const out: string[] = [];
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
    out.push(`Missing values: ${mr.missingCells} cells; ${mr.cellsReplaced} replaced by the item mean; ${mr.rowsDeleted} rows deleted${mr.minPairwiseN !== null ? `; smallest pairwise n ${f(mr.minPairwiseN, 0)}` : ''}`);
  }
  out.push('', 'Paths');
  const w = Math.max(4, ...result.paths.map((p) => `${p.from} -> ${p.to}`.length));
  for (const p of result.paths) out.push(`  ${`${p.from} -> ${p.to}`.padEnd(w)}  ${f(p.estimate).padStart(7)}`);
  out.push('', 'R²');
  for (const [name, r] of Object.entries(result.rSquared)) out.push(`  ${name.padEnd(w)}  ${f(r.r2).padStart(7)}  adj ${f(r.adjR2)}`);
  out.push('', 'Outer weights / loadings');
  for (const [name, ws] of Object.entries(result.outerWeights)) {
    out.push(`  ${name}`);
    for (const [item, v] of Object.entries(ws)) out.push(`    ${item.padEnd(12)} ${f(v).padStart(7)}  ${f(result.loadings[name]?.[item] ?? NaN).padStart(7)}`);
  }
  const q = result.quality;
  if (q) {
    out.push('', 'Reliability       alpha    rhoC    rhoA     AVE');
    for (const [name, r] of Object.entries(q.reliability)) {
      out.push(`  ${name.padEnd(14)} ${[r.alpha, r.rhoC, r.rhoA, r.ave].map((v) => f(v).padStart(7)).join(' ')}`);
    }
    if (q.htmt.length > 0) {
      out.push('', 'HTMT');
      for (const h of q.htmt) out.push(`  ${`${h.a} / ${h.b}`.padEnd(w)}  ${f(h.value).padStart(7)}`);
    }
  }
  const warnings = [...result.warnings, ...(q?.warnings ?? [])];
  if (warnings.length > 0) {
    out.push('', 'Warnings');
    for (const x of warnings) out.push(`  ${x.code}: ${x.message}`);
  }
  return out.join('\n');
}
