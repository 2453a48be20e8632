import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const examplesDir = path.join(repo, 'examples');

/**
 * Every example, with lines its output must contain. Expected values come from the fixture's design
 * (fixtures/generate.ts: 4484 respondents, 1502 / 1593 / 1389 per business line; the GBK slice is the first 50 rows).
 */
const EXAMPLES: { file: string; expect: RegExp[] }[] = [
  {
    file: 'estimate-model.ts',
    expect: [/^Estimated on 4484 respondents in \d+ iterations \(converged: true\)/m, /^R² Satisfaction: 0\.\d{3}$/m, /^Bootstrap: 500 resamples, seed 2026$/m, /Satisfaction -> Loyalty {2}0\.\d{3} {2}95% CI \[0\.\d{3}, 0\.\d{3}\]/],
  },
  {
    file: 'duckdb-moments.ts',
    expect: [/^All 4484 respondents: R² of Satisfaction 0\.\d{3}$/m, /^Business line 3G: n = 1502,/m, /^Business line 4G: n = 1593,/m, /^Business line broadband: n = 1389,/m],
  },
  {
    file: 'inspect-survey.ts',
    expect: [/\b4484 respondents\b/, /\b3G\b.*\b1502\b/, /\b4G\b.*\b1593\b/, /\bbroadband\b.*\b1389\b/, /LOY3/],
  },
  {
    file: 'read-gbk-survey.ts',
    expect: [/^Read 50 respondents; encoding (gbk|gb18030)/im, /^业务线: 3G \d+, 4G \d+, 宽带 \d+$/m, /^SAT1 mean, 宽带: \d+\.\d\d/m],
  },
  {
    file: 'indices-ipma.ts',
    // the fixture's design: 12 constructs with an index (7 structural, 5 dimensions); PerceivedQuality is the one
    // driver of Satisfaction in the fix quadrant, so it is the first priority
    expect: [
      /^Construct indices \(0-100, 95% interval\), 4484 respondents:$/m,
      /^ {2}Satisfaction +\d{2}\.\d {2}\[\d{2}\.\d, \d{2}\.\d\]$/m,
      /^ {2}Network +\d{2}\.\d {2}\[/m,
      /^IPMA priorities for Satisfaction/m,
      /^ {2}1\. PerceivedQuality +importance 0\.\d{3} {2}performance \d{2}\.\d {2}fix$/m,
    ],
  },
  {
    file: 'report.ts',
    expect: [
      /^# Customer service centre satisfaction survey/m,
      /^- Respondents: \*\*4,484\*\*$/m,
      /^## Satisfaction indices$/m,
      /^## Index hierarchy$/m,
      /^## Importance-performance map$/m,
      /^\| Customer satisfaction \| 0\.\d{3} \| 0\.\d{3} \|$/m,
    ],
  },
  {
    file: 'model-hierarchy.ts',
    // counted by hand from fixtures/telecom.model: 7 structural constructs, 5 dimensions of PerceivedQuality,
    // 4+3+4+3+2+3+3+2+3+2+3 = 32 items, 1+2+2+4+1+3 = 13 paths
    expect: [
      /^L1 +Satisfaction index/m,
      /^L2 +PerceivedQuality +Perceived quality$/m,
      /^L3 +Network +Network quality$/m,
      /^L4 +LOY3 /m,
      /7 level-2 constructs, 5 level-3 dimensions, 32 level-4 items, 13 paths/,
    ],
  },
];

function run(file: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(examplesDir, file)], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

describe('examples/', () => {
  it('lists every example script in this test and in examples/README.md', () => {
    const files = readdirSync(examplesDir).filter((f) => f.endsWith('.ts')).sort();
    expect(files).toEqual(EXAMPLES.map((e) => e.file).sort());
    const readme = readFileSync(path.join(examplesDir, 'README.md'), 'utf8');
    for (const f of files) expect(readme, `examples/README.md should mention ${f}`).toContain(f);
  });

  // Every example runs: a text test for "the data layer has landed" used to skip them and went stale silently when
  // src/node.ts became `export *` lines.
  for (const ex of EXAMPLES) {
    it(`${ex.file} runs with tsx, exits 0 and prints its key lines`, () => {
      const r = run(ex.file);
      expect(r.status, `exit status; stderr:\n${r.stderr}`).toBe(0);
      for (const re of ex.expect) expect(r.stdout, `output should match ${re}`).toMatch(re);
    });
  }
});
