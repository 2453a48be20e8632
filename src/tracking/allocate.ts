import { CsiError } from '../errors.js';
import { normalQuantile } from '../inference/index.js';

/** One segment for allocation: its population size N_h (optional for 'equal') and planning SD S_h. */
export interface SegmentPlan {
  name: string;
  size?: number | null;
  sd: number;
}

/** Allocation rule (tracking.md §5.8); 'compromise' is the power allocation n_h ∝ S_h N_h^q with q = ½ (Bankier 1988). */
export type AllocationRule = 'proportional' | 'equal' | 'neyman' | 'compromise';

/** One segment's share of the sample and what it buys. */
export interface Allocation {
  name: string;
  /** Unrounded n_h. */
  n: number;
  /** 95 % margin of the segment mean, z·S_h/√n_h·√(1 − n_h/N_h) (FPC when N_h is known). */
  margin: number;
}

/**
 * Allocates n respondents across segments (Cochran 1977 ch. 5; tracking.md §5.8): proportional n_h = nN_h/N,
 * equal n_h = n/H, Neyman n_h = nN_hS_h/ΣN_hS_h, compromise n_h = nS_h√N_h/ΣS_h√N_h. Returns each n_h and its
 * margin, and the SE of the overall stratified mean √(ΣW_h²(1 − n_h/N_h)S_h²/n_h) (null without sizes).
 *
 * @example
 * allocateSample([{ name: 'A', size: 100, sd: 10 }, { name: 'B', size: 300, sd: 10 }], 40, 'proportional').segments.map((s) => s.n) // [10, 30]
 */
export function allocateSample(segments: readonly SegmentPlan[], n: number, rule: AllocationRule, alpha = 0.05): { segments: Allocation[]; seOverall: number | null } {
  const sizes = segments.map((s) => s.size ?? null);
  const hasSizes = sizes.every((s): s is number => s !== null && s > 0);
  if (rule !== 'equal' && !hasSizes) throw new CsiError('INVALID_OPTION', `${rule} allocation needs the population size of every segment (${segments.filter((_, h) => !(sizes[h]! > 0)).map((x) => x.name).join(', ')} has none).`);
  const shares = segments.map((s, h) => {
    if (rule === 'equal') return 1;
    const N = sizes[h] as number;
    if (rule === 'proportional') return N;
    if (rule === 'neyman') return N * s.sd;
    return s.sd * Math.sqrt(N);
  });
  const total = shares.reduce((a, b) => a + b, 0);
  const z = normalQuantile(1 - alpha / 2);
  const out = segments.map((s, h) => {
    const nh = (n * shares[h]) / total;
    const fpc = hasSizes ? 1 - nh / (sizes[h] as number) : 1;
    return { name: s.name, n: nh, margin: ((z * s.sd) / Math.sqrt(nh)) * Math.sqrt(fpc) };
  });
  let seOverall: number | null = null;
  if (hasSizes) {
    const N = (sizes as number[]).reduce((a, b) => a + b, 0);
    let v = 0;
    segments.forEach((s, h) => {
      const W = (sizes[h] as number) / N;
      v += (W * W * (1 - out[h].n / (sizes[h] as number)) * s.sd * s.sd) / out[h].n;
    });
    seOverall = Math.sqrt(v);
  }
  return { segments: out, seOverall };
}
