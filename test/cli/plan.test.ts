/** `csi plan`: JSON and readable output, the §8 planning oracles through the CLI, one plain error line + exit 2. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SKIP_MESSAGE } from '../helpers/csvSurvey.js';
import { fixture, HAS_TRACKING, numbers, section, tupleAfter } from '../tracking/trackingDoc.js';
import { runCsi, tempDir } from '../helpers/cli.js';

const run = (args: string[]) => runCsi(['plan', ...args]);
const { dir } = tempDir('csikit-plan-');

describe.skipIf(!HAS_TRACKING)('csi plan against tracking.md (skipped when ../shared is absent)', () => {
  it('D1, D2, D3, D4 as JSON', async () => {
    const d1 = numbers(fixture('D1')[1]);
    const r1 = await run(['--sd', String(d1[0]), '--margin', String(d1[1]), '--json']);
    expect(r1.code).toBe(0);
    const j1 = JSON.parse(r1.out);
    expect(Math.abs(j1.n - numbers(fixture('D1')[3])[0])).toBeLessThan(1e-6);
    expect(j1.nRequired).toBe(numbers(fixture('D1')[3])[1]);
    expect(j1.minDetectable).toBeGreaterThan(0);
    const d2 = numbers(fixture('D2')[1]);
    const j2 = JSON.parse((await run(['--delta', String(d2[0]), '--sd', String(d2[1]), '--json'])).out);
    expect(Math.abs(j2.n - numbers(fixture('D2')[3])[0])).toBeLessThan(1e-3);
    const d3 = numbers(fixture('D3')[1]);
    const j3 = JSON.parse((await run(['--p1', String(d3[0]), '--p2', String(d3[1]), '--json'])).out);
    expect(Math.abs(j3.n - numbers(fixture('D3')[3])[0])).toBeLessThan(1e-3);
    // D4: σ² 0.5875 is p_P = 0.45, p_D = 0.20 (tracking.md §5.4); Δ 0.05 = 5 points
    const sec = section('### 5.4');
    const pP = numbers(sec.slice(sec.indexOf('p_P = ')))[0];
    const pD = numbers(sec.slice(sec.indexOf('p_D = ')))[0];
    const j4 = JSON.parse((await run(['--nps-shares', `${pP},${1 - pP - pD},${pD}`, '--delta', String(numbers(fixture('D4')[1])[1] * 100), '--json'])).out);
    expect(Math.abs(j4.n - numbers(fixture('D4')[3])[0])).toBeLessThan(1e-6);
  });

  it('D1b with --population; D5 allocation from a segments file', async () => {
    const [N, p, E] = numbers(fixture('D1b')[1]);
    const j = JSON.parse((await run(['--proportion', String(p), '--margin', String(E), '--population', String(N), '--json'])).out);
    expect(j.nRequired).toBe(numbers(fixture('D1b')[3])[0]);
    const d5 = section('### 5.8');
    const sizes = tupleAfter(d5, 'N_h = ');
    const sds = tupleAfter(d5, 'S_h = ');
    const file = join(dir, 'seg.csv');
    writeFileSync(file, `name,size,sd\n${sizes.map((s, h) => `s${h},${s},${sds[h]}`).join('\n')}\n`);
    const r = await run(['--sd', '15', '--margin', '0.5', '--segments', file, '--allocate', 'neyman']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Allocation \(neyman\)/);
    expect(r.out).toMatch(/s3/);
  });
});
if (!HAS_TRACKING) describe('csi plan against tracking.md', () => {
  it.skip(SKIP_MESSAGE, () => {});
});

describe('csi plan refusals', () => {
  it.each([
    [['--delta', '3', '--sd', '14', '--power', '1'], /--power/],
    [['--sd', '14', '--margin', '0'], /--margin/],
    [['--sd', 'abc', '--margin', '2'], /--sd must be a number/],
    [['--proportion', '1.2', '--margin', '0.03'], /--proportion/],
    [['--nps-shares', '0.5,0.3', '--delta', '5'], /--nps-shares/],
    [['--p1', '0.8', '--p2', '0.8'], /--p1 and --p2 must differ/],
    [[], /Nothing to plan/],
    [['--sd', '14', '--margin', '2', '--segments', join(dir, 'none.json')], /segments file|none\.json/],
  ])('%j → exit 2, one line', async (args, re) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('readable output states n and the minimum detectable change', async () => {
    const r = await run(['--sd', '14.41', '--margin', '2', '--deff', '1.3']);
    expect(r.code).toBe(0);
    // by hand: deff · (z₀.₉₇₅ · σ / E)² = 1.3 · (1.95996 · 14.41 / 2)² = 259.2 → 260
    expect(r.out).toMatch(/Respondents per wave: 260/);
    expect(r.out).toMatch(/Minimum detectable change/);
  });
});
