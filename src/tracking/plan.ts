import { CsiError } from '../errors.js';
import { allocateSample, type Allocation, type AllocationRule, type SegmentPlan } from './allocate.js';
import { npsVariance } from '../kpi/index.js';
import { finitePopulationN, meanMarginN, npsChangeDelta, npsChangeN, npsMarginN, proportionMarginN, targetProportionN } from './planFormulas.js';
import { powerPropTestDelta, powerPropTestN } from './powerPropTest.js';
import { powerTTestDelta, powerTTestN } from './powerTTest.js';

/**
 * What to plan for. Give one question: `sd` + `margin` (a mean within ±margin), `proportion` + `margin` (on [0, 1]),
 * `npsShares` + `margin` (points), `delta` + `sd` (a change of a mean), `p1` + `p2`, `npsShares` + `delta` (points),
 * `target` with `mean` + `sd` or `proportion` (demonstrate a target, one-sided), or just `n` with `sd`, `proportion`
 * or `npsShares` (only the minimum detectable change).
 */
export interface PlanInput {
  sd?: number;
  margin?: number;
  proportion?: number;
  delta?: number;
  p1?: number;
  p2?: number;
  /** Fractions of promoters, passives, detractors (sum 1). */
  npsShares?: [number, number, number];
  /** Target value to demonstrate (same unit as `mean` or `proportion`). */
  target?: number;
  /** Expected true mean, for a target question. */
  mean?: number;
  power?: number;
  alpha?: number;
  /** Design effect of weighting; multiplies the final n. Default 1. */
  deff?: number;
  /** Finite population N: n0 / (1 + (n0 − 1)/N). */
  population?: number;
  /** A given sample size per wave: the minimum detectable change is computed at it. */
  n?: number;
  segments?: SegmentPlan[];
  allocate?: AllocationRule;
}

/** The plan: n per wave (per group for two-sample designs), unrounded and its ceiling, and what it detects. */
export interface PlanResult {
  question: 'mean-margin' | 'proportion-margin' | 'nps-margin' | 'mean-change' | 'proportion-change' | 'nps-change' | 'mean-target' | 'proportion-target' | 'detectable';
  /** Unrounded n after the finite-population correction and the design effect. */
  n: number;
  nRequired: number;
  /** Before FPC and deff. */
  n0: number;
  deff: number;
  population: number | null;
  power: number;
  alpha: number;
  /** The minimum detectable change between two waves at `minDetectableAt` effective respondents per wave (two-sided α, power). */
  minDetectable: number | null;
  minDetectableAt: number;
  /** Unit of `minDetectable`: 'points' (mean or NPS) or 'proportion' ([0, 1]). */
  minDetectableUnit: 'points' | 'proportion';
  allocation?: { rule: AllocationRule; segments: Allocation[]; seOverall: number | null };
}

const bad = (msg: string): never => {
  throw new CsiError('INVALID_OPTION', msg);
};

function check(input: PlanInput): void {
  const pos = (v: number | undefined, name: string): void => {
    if (v !== undefined && !(Number.isFinite(v) && v > 0)) bad(`${name} must be a positive number (got ${v}).`);
  };
  const unit = (v: number | undefined, name: string): void => {
    if (v !== undefined && !(Number.isFinite(v) && v > 0 && v < 1)) bad(`${name} must be between 0 and 1, exclusive (got ${v}).`);
  };
  pos(input.sd, '--sd');
  pos(input.margin, '--margin');
  pos(input.deff, '--deff');
  pos(input.population, '--population');
  pos(input.n, '--n');
  if (input.delta !== undefined && !(Number.isFinite(input.delta) && input.delta !== 0)) bad(`--delta must be a non-zero number (got ${input.delta}).`);
  unit(input.proportion, '--proportion');
  unit(input.p1, '--p1');
  unit(input.p2, '--p2');
  unit(input.power, '--power');
  unit(input.alpha, '--alpha');
  if (input.npsShares) {
    const s = input.npsShares;
    if (s.length !== 3 || s.some((v) => !(Number.isFinite(v) && v >= 0 && v <= 1)) || Math.abs(s[0] + s[1] + s[2] - 1) > 1e-6) {
      bad(`--nps-shares must be three fractions (promoters, passives, detractors) summing to 1 (got ${s.join(',')}).`);
    }
  }
  if (input.p1 !== undefined && input.p1 === input.p2) bad('--p1 and --p2 must differ.');
  if (input.margin !== undefined && input.proportion !== undefined && input.margin >= 1) bad(`--margin for a proportion must be below 1 (got ${input.margin}).`);
}

/**
 * Sample-size planning (tracking.md §5): n per wave for the question asked, the finite-population correction
 * n0/(1 + (n0 − 1)/N), then × deff; `nRequired` = ⌈n⌉; the minimum detectable two-wave change at the effective n
 * (`n` if given, else nRequired, divided by deff); with `segments`, the allocation of nRequired by `allocate`.
 * Throws CsiError INVALID_OPTION for an impossible input (power ≥ 1, margin ≤ 0, …) naming it.
 *
 * @example
 * planSample({ sd: 14.41, margin: 2 }).nRequired // 200 (tracking.md D1)
 * planSample({ delta: 3, sd: 14.41 }).n // ≈ 363.1417428 (tracking.md D2)
 */
export function planSample(input: PlanInput): PlanResult {
  check(input);
  const power = input.power ?? 0.8;
  const alpha = input.alpha ?? 0.05;
  const deff = input.deff ?? 1;
  const shares = input.npsShares;
  const npsVar = shares ? npsVariance(shares[0], shares[2]) : null;
  let question: PlanResult['question'];
  let n0: number;
  if (input.target !== undefined) {
    if (input.proportion !== undefined) {
      unitTarget(input.target);
      if (input.proportion === input.target) bad('--proportion must differ from --target.');
      question = 'proportion-target';
      n0 = targetProportionN(input.proportion, input.target, power, alpha);
    } else if (input.mean !== undefined && input.sd !== undefined) {
      if (input.mean === input.target) bad('--mean must differ from --target.');
      question = 'mean-target';
      n0 = powerTTestN(Math.abs(input.mean - input.target), power, { sd: input.sd, alpha, type: 'one.sample', alternative: 'one.sided' });
    } else return bad('--target needs --mean and --sd, or --proportion.');
  } else if (input.p1 !== undefined || input.p2 !== undefined) {
    if (input.p1 === undefined || input.p2 === undefined) return bad('--p1 and --p2 go together.');
    question = 'proportion-change';
    n0 = powerPropTestN(input.p1, input.p2, power, alpha);
  } else if (input.delta !== undefined) {
    if (npsVar !== null) {
      question = 'nps-change';
      n0 = npsChangeN(npsVar, npsVar, Math.abs(input.delta), power, alpha);
    } else if (input.sd !== undefined) {
      question = 'mean-change';
      n0 = powerTTestN(Math.abs(input.delta), power, { sd: input.sd, alpha });
    } else return bad('--delta needs --sd (a mean) or --nps-shares (an NPS).');
  } else if (input.margin !== undefined) {
    if (input.proportion !== undefined) {
      question = 'proportion-margin';
      n0 = proportionMarginN(input.proportion, input.margin, alpha);
    } else if (shares) {
      question = 'nps-margin';
      n0 = npsMarginN(shares[0], shares[2], input.margin, alpha);
    } else if (input.sd !== undefined) {
      question = 'mean-margin';
      n0 = meanMarginN(input.sd, input.margin, alpha);
    } else return bad('--margin needs --sd, --proportion or --nps-shares.');
  } else if (input.n !== undefined && (input.sd !== undefined || input.proportion !== undefined || shares)) {
    question = 'detectable';
    n0 = input.n;
  } else {
    return bad('Nothing to plan: give --sd with --margin or --delta, --proportion with --margin, --p1 with --p2, or --nps-shares with --margin or --delta.');
  }
  const afterFpc = input.population !== undefined && question !== 'detectable' ? finitePopulationN(n0, input.population) : n0;
  const n = question === 'detectable' ? n0 : afterFpc * deff;
  const nRequired = Math.ceil(n - 1e-9);
  const at = (input.n ?? nRequired) / deff;
  let minDetectable: number | null = null;
  let unitOut: PlanResult['minDetectableUnit'] = 'points';
  if (at >= 2) {
    if (npsVar !== null) minDetectable = npsChangeDelta(at, npsVar, npsVar, power, alpha);
    else if (input.sd !== undefined) minDetectable = powerTTestDelta(at, power, { sd: input.sd, alpha });
    else {
      const p = input.proportion ?? input.p1;
      if (p !== undefined) {
        unitOut = 'proportion';
        minDetectable = powerPropTestDelta(at, p, power, alpha);
      }
    }
  }
  const result: PlanResult = { question, n, nRequired, n0, deff, population: input.population ?? null, power, alpha, minDetectable, minDetectableAt: at, minDetectableUnit: unitOut };
  if (input.segments && input.segments.length > 0) {
    const rule = input.allocate ?? 'proportional';
    try {
      result.allocation = { rule, ...allocateSample(input.segments, nRequired, rule, alpha) };
    } catch (e) {
      bad(`--segments: ${(e as Error).message}.`);
    }
  }
  return result;
}

function unitTarget(t: number): void {
  if (!(t > 0 && t < 1)) bad(`--target for a proportion must be between 0 and 1, exclusive (got ${t}).`);
}
