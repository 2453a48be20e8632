import { CsiError } from '../errors.js';
import { ahpReport } from '../indices/index.js';
import { readTextFile } from './readTextFile.js';
import { parseFlags } from './flags.js';
import type { CliCommand, CliIO } from './types.js';

const usage = `Usage: csi ahp MATRIX.json [--json]

AHP weights of a pairwise comparison matrix {"dimensions": ["A", "B", ...], "matrix": [[1, 3, ...], [1/3, 1, ...], ...]}
(Saaty: principal eigenvector, λmax, CI = (λmax − n)/(n − 1), CR = CI/RI). Any positive reciprocal matrix is
reported; CR ≥ 0.10 gives a warning (hierarchy weights refuse it unless forced).`;

/** `csi ahp`: weights and consistency of a pairwise comparison matrix. */
export const ahpCommand: CliCommand = {
  summary: 'AHP weights, λmax, CI and CR of a pairwise comparison matrix',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseFlags(args, { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } }, 'ahp');
    if (values.help) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new CsiError('INVALID_OPTION', 'csi ahp needs exactly one matrix file (see csi ahp --help).');
    const text = await readTextFile(positionals[0], 'matrix file');
    let json: unknown;
    try {
      json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      throw new CsiError('INVALID_MATRIX', `The matrix file ${positionals[0]} is not valid JSON: ${(e as Error).message}`);
    }
    const r = ahpReport(json);
    if (values.json) {
      io.stdout(`${JSON.stringify(r, null, 2)}\n`);
      return 0;
    }
    const w = Math.max(9, ...r.dimensions.map((d) => d.length));
    const lines = ['AHP weights (principal eigenvector)', ...r.dimensions.map((d) => `  ${d.padEnd(w)}  ${r.weights[d].toFixed(4)}`)];
    lines.push(`λmax ${r.lambdaMax.toFixed(4)}  CI ${r.ci.toFixed(4)}  RI ${r.ri.toFixed(2)}  CR ${r.cr.toFixed(4)}${r.consistent ? ' (consistent: CR < 0.10)' : ''}`);
    for (const msg of r.warnings) lines.push(`Warning: ${msg}`);
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
