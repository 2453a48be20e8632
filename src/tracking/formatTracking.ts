import type { ScorecardRow, WaveResult } from './types.js';

const f = (v: number | null | undefined, d = 1): string => (v === null || v === undefined || !Number.isFinite(v) ? 'NA' : v.toFixed(d));
const pf = (v: number | null | undefined): string => (v === null || v === undefined ? 'NA' : v < 0.001 ? '<0.001' : v.toFixed(3));

/**
 * Readable text of the waves block: each measure per wave with its 95 % interval, every change (later − earlier)
 * with SE, interval and p, and the trend (known-SE slope and z p, Q on its df, the scaled SE and its t p).
 *
 * @example
 * console.log(formatWaves(study.waves))
 */
export function formatWaves(w: WaveResult): string {
  const out = [`Waves by ${w.column} (order: ${w.order.join(' < ')}, from the ${w.orderSource === 'codebook' ? "codebook's level order" : 'natural sort of the labels'}; base ${w.base ?? 'none'})`];
  const measures = [...new Set(w.order.flatMap((l) => Object.keys(w.levels[l]?.indices ?? {})))];
  const lw = Math.max(6, ...w.order.map((l) => l.length));
  for (const m of measures) {
    out.push(`  ${m}`);
    for (const l of w.order) {
      const e = w.levels[l]?.indices[m];
      if (e) out.push(`    ${l.padEnd(lw)}  ${f(e.mean).padStart(5)} [${f(e.lower)}, ${f(e.upper)}]  SE ${f(e.se, 2)}  n ${e.n}`);
    }
    for (const c of w.changes.filter((c) => c.measure === m)) {
      out.push(`    change ${c.from} → ${c.to}: ${c.diff >= 0 ? '+' : ''}${f(c.diff, 2)} [${f(c.lower, 2)}, ${f(c.upper, 2)}]  SE ${f(c.se, 2)}  p ${pf(c.p)}`);
    }
    const t = w.trend[m];
    if (t) {
      out.push(`    trend ${f(t.slope, 3)} per wave  SE ${f(t.se, 3)}  p ${pf(t.p)}  (Q ${f(t.q, 2)} on ${t.df} df; scaled SE ${f(t.scaledSe, 3)}, p ${pf(t.scaledP)})`);
    }
    if (w.own) {
      const vals = w.order.filter((l) => w.own?.levels[l]?.[m] !== undefined).map((l) => `${l} ${f(w.own?.levels[l][m])}`);
      if (vals.length) out.push(`    own-wave weights: ${vals.join(', ')}`);
      for (const c of w.own.changes.filter((c) => c.measure === m)) {
        out.push(`      ${c.from} → ${c.to}: ${f(c.diff, 2)} = item means ${f(c.itemMeans, 2)} + weights ${f(c.weights, 2)}`);
      }
    }
  }
  return out.join('\n');
}

/**
 * Readable text of the target scorecard: one line per target and wave with the estimate, the one-sided 95 % bound,
 * the status, P(met), n and the minimum detectable change.
 *
 * @example
 * console.log(formatScorecard(study.scorecard))
 */
export function formatScorecard(rows: readonly ScorecardRow[]): string {
  const out = ['Targets (one-sided 95 % bound; status met / not met / not yet distinguishable)'];
  for (const r of rows) {
    const goal = r.change !== null ? `change ${r.comparator} ${r.change}` : `${r.comparator} ${r.value}`;
    out.push(
      `  ${r.measure}${r.wave !== null ? ` [${r.wave}]` : ''} ${goal}: estimate ${f(r.estimate, 2)}, bound ${f(r.bound, 2)}, ${r.status.toUpperCase()}, P(met) ${f(r.pMet, 3)}, n ${r.n}, detectable change ${f(r.minDetectable, 2)}`,
    );
  }
  return out.join('\n');
}
