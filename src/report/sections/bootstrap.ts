/**
 * Reads the Study's `bootstrap` key (typed `unknown` in the contract: the inference module owns its shape)
 * defensively: only entries with the expected fields are used.
 */
import type { Study } from '../../study/index.js';

/** One bootstrap summary of a path (or total effect). */
export interface BootEntry {
  from: string;
  to: string;
  p: number | null;
  lower: number | null;
  upper: number | null;
}

/** What a report shows about the bootstrap. */
export interface BootInfo {
  nboot: number | null;
  seed: number | null;
  ci: string | null;
  level: number | null;
  paths: BootEntry[];
  totalEffects: BootEntry[];
}

const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function entries(v: unknown): BootEntry[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null && typeof (e as { from?: unknown }).from === 'string' && typeof (e as { to?: unknown }).to === 'string')
    .map((e) => ({ from: e.from as string, to: e.to as string, p: numOrNull(e.p), lower: numOrNull(e.lower), upper: numOrNull(e.upper) }));
}

/**
 * The bootstrap summaries of a Study, or null when it has none.
 *
 * @example
 * bootInfo(study)?.paths.find((e) => e.from === 'Image' && e.to === 'Satisfaction')?.p
 */
export function bootInfo(study: Study): BootInfo | null {
  const b = study.bootstrap;
  if (typeof b !== 'object' || b === null) return null;
  const o = b as Record<string, unknown>;
  return {
    nboot: numOrNull(o.nboot),
    seed: numOrNull(o.seed),
    ci: typeof o.ci === 'string' ? o.ci : null,
    level: numOrNull(o.level),
    paths: entries(o.paths),
    totalEffects: entries(o.totalEffects),
  };
}
