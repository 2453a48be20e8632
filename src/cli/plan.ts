import * as z from 'zod';
import { CsiError } from '../errors.js';
import { planSample, type AllocationRule, type PlanInput, type PlanResult, type SegmentPlan } from '../tracking/index.js';
import { readTextFile } from './readTextFile.js';
import { parseFlags } from './flags.js';
import type { CliCommand, CliIO } from './types.js';

const usage = `Usage: csi plan [question] [--power 0.8] [--alpha 0.05] [--deff X] [--population N] [--n N]
                [--segments FILE --allocate proportional|equal|neyman|compromise] [--json]

Questions (n per wave; per group for a change):
  --sd S --margin D                         a mean (index) within ±D
  --proportion P --margin E                 a proportion within ±E (P and E on [0, 1])
  --nps-shares PRO,PAS,DET --margin D       an NPS within ±D points (shares are fractions)
  --delta D --sd S                          detect a change D of a mean between two waves (power.t.test)
  --p1 P --p2 P                             detect p1 → p2 (power.prop.test)
  --nps-shares PRO,PAS,DET --delta D        detect an NPS change of D points
  --target T --mean M --sd S                demonstrate a mean target (one-sided, one sample)
  --target T --proportion P                 demonstrate a proportion target (one-sided score test)
  --n N with --sd, --proportion or --nps-shares: only the minimum detectable change at N

--deff multiplies the final n; --population applies n0 / (1 + (n0 − 1)/N). --segments FILE is a JSON array
[{"name", "size", "sd"}] or a CSV with columns name,size,sd: the required n is allocated across them.`;

const segmentsSchema = z.array(z.object({ name: z.string().min(1), size: z.number().positive().nullable().optional(), sd: z.number().positive() }).strict()).min(1);

function num(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v.trim());
  if (v.trim() === '' || !Number.isFinite(x)) throw new CsiError('INVALID_OPTION', `--${flag} must be a number (got "${v}").`);
  return x;
}

async function readSegments(file: string): Promise<SegmentPlan[]> {
  const text = (await readTextFile(file, 'segments file')).trim();
  let raw: unknown;
  if (text.startsWith('[')) {
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new CsiError('INVALID_OPTION', `The segments file ${file} is not valid JSON (${(e as Error).message}).`);
    }
  } else {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const head = lines[0].split(',').map((h) => h.trim());
    raw = lines.slice(1).map((l) => {
      const cells = l.split(',').map((c) => c.trim());
      const o: Record<string, unknown> = {};
      head.forEach((h, k) => (o[h] = h === 'name' ? cells[k] : cells[k] === '' || cells[k] === undefined ? null : Number(cells[k])));
      return o;
    });
  }
  const r = segmentsSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new CsiError('INVALID_OPTION', `The segments file ${file} is malformed${i.path.length ? ` at segment ${i.path.map((p) => (typeof p === 'number' ? p + 1 : p)).join(' → ')}` : ''}: ${i.message}.`);
  }
  return r.data.map((s) => ({ name: s.name, size: s.size ?? null, sd: s.sd }));
}

function fmt(x: number | null, digits = 2): string {
  return x === null ? '—' : x.toFixed(digits);
}

/** The readable plan. */
export function formatPlan(p: PlanResult): string {
  const out = [
    `Question: ${p.question}`,
    `Respondents per wave: ${p.nRequired} (unrounded ${fmt(p.n, 3)}; before FPC and design effect ${fmt(p.n0, 3)})`,
    `Power ${p.power}, alpha ${p.alpha}, design effect ${p.deff}${p.population !== null ? `, population ${p.population}` : ''}`,
    `Minimum detectable change between two waves at ${fmt(p.minDetectableAt, 1)} effective respondents per wave: ${
      p.minDetectable === null ? 'none (not detectable)' : p.minDetectableUnit === 'proportion' ? `${fmt(100 * p.minDetectable)} percentage points` : `${fmt(p.minDetectable)} points`
    }`,
  ];
  if (p.allocation) {
    out.push('', `Allocation (${p.allocation.rule}):`, '  segment            n     ±margin (95 %)');
    for (const s of p.allocation.segments) out.push(`  ${s.name.padEnd(16)} ${s.n.toFixed(1).padStart(7)}  ${fmt(s.margin).padStart(8)}`);
    if (p.allocation.seOverall !== null) out.push(`  overall mean SE ${fmt(p.allocation.seOverall, 4)}`);
  }
  return out.join('\n');
}

/** `csi plan`: sample-size planning (tracking.md §5). */
export const planCommand: CliCommand = {
  summary: 'sample sizes: margins, detectable changes, targets, allocation across segments',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseFlags(
      args,
      {
        sd: { type: 'string' },
        margin: { type: 'string' },
        proportion: { type: 'string' },
        delta: { type: 'string' },
        p1: { type: 'string' },
        p2: { type: 'string' },
        'nps-shares': { type: 'string' },
        target: { type: 'string' },
        mean: { type: 'string' },
        power: { type: 'string' },
        alpha: { type: 'string' },
        deff: { type: 'string' },
        population: { type: 'string' },
        n: { type: 'string' },
        segments: { type: 'string' },
        allocate: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      'plan',
    );
    if (values.help) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    if (positionals.length > 0) throw new CsiError('INVALID_OPTION', `csi plan takes no file arguments (got ${positionals[0]}); see csi plan --help.`);
    const input: PlanInput = {};
    for (const k of ['sd', 'margin', 'proportion', 'delta', 'p1', 'p2', 'target', 'mean', 'power', 'alpha', 'deff', 'population', 'n'] as const) {
      const v = num(k, values[k]);
      if (v !== undefined) input[k] = v;
    }
    if (values['nps-shares'] !== undefined) {
      const parts = values['nps-shares'].split(',');
      if (parts.length !== 3) throw new CsiError('INVALID_OPTION', `--nps-shares must be three fractions PROMOTERS,PASSIVES,DETRACTORS (got "${values['nps-shares']}").`);
      input.npsShares = parts.map((p) => num('nps-shares', p) as number) as [number, number, number];
    }
    if (values.allocate !== undefined) {
      if (!['proportional', 'equal', 'neyman', 'compromise'].includes(values.allocate)) throw new CsiError('INVALID_OPTION', `--allocate must be proportional, equal, neyman or compromise (got ${values.allocate}).`);
      if (values.segments === undefined) throw new CsiError('INVALID_OPTION', '--allocate needs --segments FILE.');
      input.allocate = values.allocate as AllocationRule;
    }
    if (values.segments !== undefined) input.segments = await readSegments(values.segments);
    const plan = planSample(input);
    io.stdout(values.json ? `${JSON.stringify(plan, null, 2)}\n` : `${formatPlan(plan)}\n`);
    return 0;
  },
};
