import type { SegmentBreakdown } from './types.js';

const f = (v: number | null | undefined, d = 1): string => (v === null || v === undefined || !Number.isFinite(v) ? 'NA' : v.toFixed(d));
const pf = (v: number | null | undefined): string => (v === null || v === undefined ? 'NA' : v < 0.001 ? '<0.001' : v.toFixed(3));

/**
 * Readable text of one segment column's breakdown: per construct, each level's mean [95 % CI], SE, n and difference
 * from the whole sample; then the pairwise differences with raw and adjusted p (the family named); then, when
 * present, per-level paths and the permutation p of their differences.
 *
 * @example
 * console.log(formatSegmentBreakdown('region', study.segments.region))
 */
export function formatSegmentBreakdown(column: string, b: SegmentBreakdown): string {
  const out: string[] = [];
  const constructs = [...new Set(b.order.flatMap((l) => Object.keys(b.levels[l]?.indices ?? {})))];
  const w = Math.max(8, ...b.order.map((l) => l.length));
  out.push(`Segments by ${column} (pooled index weights; mean [95% CI], SE, n, difference from all)`);
  for (const c of constructs) {
    out.push(`  ${c}`);
    for (const l of b.order) {
      const e = b.levels[l]?.indices[c];
      if (!e) continue;
      const d = e.diffFromAll;
      out.push(`    ${l.padEnd(w)}  ${f(e.mean).padStart(5)} [${f(e.lower)}, ${f(e.upper)}]  SE ${f(e.se, 2)}  n ${e.n}  ${d === null ? '' : `${d >= 0 ? '+' : ''}${f(d)}`}`);
    }
  }
  if (b.pairwise.length > 0) {
    const family = b.adjust === 'holm' ? 'Holm within each construct' : b.adjust === 'bh' ? 'Benjamini-Hochberg within each construct' : 'no adjustment';
    out.push(`  Pairwise differences a − b (Welch; p adjusted: ${family})`);
    for (const p of b.pairwise) out.push(`    ${p.construct}: ${p.a} − ${p.b} = ${f(p.diff, 2)}  t ${f(p.t, 2)}  df ${f(p.df, 1)}  p ${pf(p.p)}  adj ${pf(p.pAdjusted)}`);
  }
  if (b.reestimated) {
    out.push('  Re-estimated per level (own weights and mean replacement): paths');
    for (const [l, r] of Object.entries(b.reestimated)) out.push(`    ${l.padEnd(w)}  n ${r.n}  ${r.paths.map((p) => `${p.from}→${p.to} ${f(p.estimate, 3)}`).join(', ')}`);
  }
  if (b.permutation && b.permutation.length > 0) {
    out.push('  Permutation test of path differences (a − b)');
    for (const p of b.permutation) out.push(`    ${p.from}→${p.to}: ${p.a} − ${p.b} = ${f(p.diff, 3)}  p ${pf(p.p)}`);
  }
  return out.join('\n');
}
