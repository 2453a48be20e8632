import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/bootstrap-flags.js';
import { missingPeer } from '../../src/cli/engine-source.js';
import { numberFlag } from '../../src/cli/flags.js';
import { runCsi as run, tempDir } from '../helpers/cli.js';

const { dir } = tempDir('csi-flags-');

const rows = ['Q1,Q2,Q3,Q4'];
for (let r = 0; r < 40; r++) rows.push([1 + (r % 5), 1 + ((r * 3) % 5), 1 + ((r + 1) % 5), 1 + ((r * 2 + 1) % 5)].join(','));
const csv = `${rows.join('\n')}\n`;
const data = join(dir, 'd.csv');
writeFileSync(data, csv);
const model = join(dir, 'm.txt');
writeFileSync(model, 'A =~ Q1 + Q2\nB =~ Q3 + Q4\nB ~ A\n');

describe('csi --version (issue 17.10)', () => {
  it('prints the version number', async () => {
    expect((await run(['--version'])).out).toMatch(/^csi \(csikit\) \d+\.\d+\.\d+/);
  });
});

describe('strict flag values (issues 18.11, 17.7)', () => {
  for (const bad of ['', ' ', '0x10', '1e400', 'Infinity', '1_000', '-1']) {
    it(`--seed ${JSON.stringify(bad)} is refused`, async () => {
      const r = await run(['estimate', data, '--model', model, '--boot', '20', '--seed', bad]);
      expect(r.code).toBe(2);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/--seed/);
    });
  }
  it('--boot 0x10 is refused, not 16 resamples', async () => {
    const r = await run(['estimate', data, '--model', model, '--boot', '0x10']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('csi: --boot must be a whole number ≥ 2 written in decimal digits (got "0x10").\n');
  });
  it('numberFlag reads plain decimals', () => {
    expect(numberFlag('boot', '5000', { integer: true, min: 2 })).toBe(5000);
    expect(() => numberFlag('x', '1.5', { integer: true })).toThrow(/whole number/);
  });
  it("Node's parser messages do not leak: one plain line naming the flag", async () => {
    const cases: [string[], RegExp][] = [
      [['estimate', data, '--model'], /^csi: --model needs a value/],
      [['estimate', data, '--model', model, '--seed', '-1', '--boot', '5'], /^csi: --seed needs a value; a value that starts with a dash is written --seed=-VALUE\.$/],
      [['estimate', data, '--model', model, '--bogus', '"x'], /^csi: Unknown option --bogus for csi estimate \(options: .*--model.*\)\.$/],
      [['inspect', data, '--json=1'], /^csi: --json is a switch and takes no value\.$/],
      [['inspect', data, '--lang', 'fr'], /^csi: --lang must be en or zh \(got "fr"\)\.$/],
      [['inspect', data, '--delimiter', '|'], /^csi: --delimiter must be auto, ",", ";" or tab \(got "\|"\)\.$/],
    ];
    for (const [args, want] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err.trimEnd(), args.join(' ')).toMatch(want);
      expect(r.err).not.toMatch(/ambiguous|To specify/);
    }
  });
});

describe('estimate reads like inspect (issue 17.6)', () => {
  it('--delimiter, --encoding and - for standard input work in estimate and inspect', async () => {
    const semi = csv.replace(/,/g, ';');
    const viaStdin = await run(['estimate', '-', '--model', model, '--delimiter', ';', '--encoding', 'utf-8', '--json'], { stdin: Readable.from([Buffer.from(semi)]) });
    expect(viaStdin.code, viaStdin.err).toBe(0);
    const viaFile = await run(['estimate', data, '--model', model, '--json']);
    expect(JSON.parse(viaStdin.out).paths).toEqual(JSON.parse(viaFile.out).paths);
    const inspect = await run(['inspect', '-'], { stdin: Readable.from([Buffer.from(csv)]) });
    expect(inspect.code).toBe(0);
    expect(inspect.out).toContain('Survey: 40 respondents');
  });
  it('--na marks a text as missing', async () => {
    writeFileSync(join(dir, 'dot.csv'), csv.replace('\n1,', '\n.,'));
    const bad = await run(['inspect', join(dir, 'dot.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"."');
    const ok = await run(['inspect', join(dir, 'dot.csv'), '--na', '.']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('empty cells: Q1 1');
  });
});

describe('--engine without its optional package (issue 17.5)', () => {
  it('is a user error with the install command', () => {
    const e = missingPeer(Object.assign(new Error("Cannot find module '@duckdb/node-api'"), { code: 'MODULE_NOT_FOUND' }), 'duckdb');
    expect(e?.code).toBe('ENGINE');
    expect(e?.message).toContain('npm install @duckdb/node-api');
    expect(missingPeer(new Error('other'), 'duckdb')).toBeUndefined();
    const c = missingPeer(Object.assign(new Error("Cannot find package '@clickhouse/client'"), { code: 'ERR_MODULE_NOT_FOUND' }), 'clickhouse');
    expect(c?.message).toContain('npm install @clickhouse/client');
  });
});

describe('progress never corrupts --json (issue 17.4)', () => {
  it('no progress on stderr with --json even on a terminal; the document parses', async () => {
    const r = await run(['estimate', data, '--model', model, '--boot', '200', '--seed', '1', '--json'], { stderrIsTTY: true });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).bootstrap.nboot).toBe(200);
  });
  it('the bar redraws at most 101 times and is cleared at the end', () => {
    let err = '';
    const bar = progressBar({ stdout: () => {}, stderr: (t) => (err += t) }, true);
    for (let i = 1; i <= 20000; i++) bar.onProgress!(i, 20000);
    bar.clear();
    expect(err.split('\r').filter((s) => s.startsWith('bootstrap')).length).toBeLessThanOrEqual(101);
    expect(err.endsWith('\r')).toBe(true);
    expect(err).not.toContain('\n');
  });
});

describe('estimate without a codebook (issues 17.2, 18.12, 18.13)', () => {
  it('says the codebook was inferred and how to write the draft, in text and JSON', async () => {
    const t = await run(['estimate', data, '--model', model]);
    expect(t.out).toContain('INFERRED_CODEBOOK');
    expect(t.out).toContain(`csi inspect ${data} --write-codebook codebook.json`);
    const j = await run(['estimate', data, '--model', model, '--json']);
    expect(JSON.parse(j.out).warnings[0]).toMatch(/^INFERRED_CODEBOOK: /);
  });
  it('a bad cell is named, not "not a column of the data"', async () => {
    writeFileSync(join(dir, 'seven.csv'), csv.replace('\n1,', '\nseven,'));
    const r = await run(['estimate', join(dir, 'seven.csv'), '--model', model]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Column "Q1" holds numbers, but 1 cell\(s\) are not numbers: row 2 "seven"/);
    expect(r.err).not.toContain('not a column of the data');
  });
  it('an all-empty column, a column missing from the codebook, a text column: each says what it is', async () => {
    writeFileSync(join(dir, 'e.csv'), csv.replace('Q1,Q2,Q3,Q4', 'Q1,Q2,Q3,Q4,E,T').replace(/\n(?=.)/g, '\n').split('\n').map((l, i) => (i === 0 || l === '' ? l : `${l},,${i % 2 ? 'a' : 'b'}`)).join('\n'));
    const empty = join(dir, 'me.txt');
    writeFileSync(empty, 'A =~ Q1 + E\nB =~ Q3 + Q4\nB ~ A\n');
    const e = await run(['estimate', join(dir, 'e.csv'), '--model', empty]);
    expect(e.err).toBe("csi: Item 'E' of 'A' is a column of the file without a single answer (every cell is empty).\n");
    const text = join(dir, 'mt.txt');
    writeFileSync(text, 'A =~ Q1 + T\nB =~ Q3 + Q4\nB ~ A\n');
    expect((await run(['estimate', join(dir, 'e.csv'), '--model', text])).err).toMatch(/Item 'T' of 'A' is a text column/);
    const cb = join(dir, 'cb.json');
    writeFileSync(cb, JSON.stringify({ items: ['Q1', 'Q3', 'Q4'].map((id) => ({ id, scale: { min: 1, max: 5 } })) }));
    const m2 = join(dir, 'm2.txt');
    writeFileSync(m2, 'A =~ Q1 + Q2\nB =~ Q3 + Q4\nB ~ A\n');
    const missing = await run(['estimate', data, '--model', m2, '--codebook', cb]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe("csi: Item 'Q2' of 'A' is a column of the file but is missing from the codebook: add it to the codebook's items.\n");
  });
});
