import { isCsiError } from '../errors.js';
import { lazyCommand } from './lazyCommand.js';
import type { CliCommand, CliIO } from './types.js';
import { cliVersion } from './version.js';

/**
 * The `csi` sub-commands. To add one, import its module above and add one line here — or, to keep start-up lean,
 * a {@link lazyCommand} line (the module is imported only when the command runs; `csi --help` loads none of them;
 * the shipped build puts every module imported here with `import()` into the commands' script, scripts/build-cli.ts).
 */
export const commands: Record<string, CliCommand> = {
  inspect: lazyCommand('print a survey summary and data-quality flags', () => import('./inspect.js').then((m) => m.inspect)),
  estimate: lazyCommand('estimate a PLS path model (seminr-exact) and its quality', () => import('./estimate.js').then((m) => m.estimateCommand)),
  ahp: lazyCommand('AHP weights, λmax, CI and CR of a pairwise comparison matrix', () => import('./ahp.js').then((m) => m.ahpCommand)),
  model: lazyCommand('print a preset model (ECSI, ACSI, CCSI, SCSB) as model text to edit', () => import('./model.js').then((m) => m.modelCommand)),
  kpi: lazyCommand('service KPIs (NPS, CSAT, FCR, CES, response time) and the satisfaction distribution, no model', () => import('./kpi.js').then((m) => m.kpiCommand)),
  plan: lazyCommand('sample sizes: margins, detectable changes, targets, allocation across segments', () => import('./plan.js').then((m) => m.planCommand)),
  report: lazyCommand('write the report of a study (self-contained HTML or Markdown, Chinese or English)', () => import('./report.js').then((m) => m.reportCommand)),
};

const processIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};

function help(): string {
  const names = Object.keys(commands);
  const w = Math.max(...names.map((n) => n.length));
  return `Usage: csi <command> [args]\n\nCommands:\n${names.map((n) => `  ${n.padEnd(w)}  ${commands[n].summary}`).join('\n')}\n\nRun csi <command> --help for the options of a command.\n`;
}

/**
 * One plain line for an error: `csi: <message> (row R, column C)`. Bad input (a CsiError, a bad flag) exits 2,
 * anything else is an internal error and exits 1. Never a stack trace.
 *
 * @example
 * describeCliError(new CsiError('OUT_OF_SCALE', '11 is outside 1-10.', { row: 3, column: 'SAT1' }))
 * // { line: 'csi: 11 is outside 1-10. (row 3, column SAT1)', code: 2 }
 */
export function describeCliError(e: unknown): { line: string; code: number } {
  if (isCsiError(e)) {
    // Name the row and column unless the message already does.
    const says = (what: string) =>
      new RegExp(`(^|[^\\p{L}\\p{N}_])${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}_])`, 'iu').test(e.message);
    const where = [
      e.row !== undefined && !says(`row ${e.row}`) ? `row ${e.row}` : '',
      e.column !== undefined && !says(e.column) ? `column ${e.column}` : '',
    ].filter(Boolean).join(', ');
    return { line: `csi: ${e.message}${where ? ` (${where})` : ''}`, code: 2 };
  }
  const err = e as { code?: unknown; message?: unknown };
  if (typeof err?.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) {
    return { line: `csi: ${String(err.message)}`, code: 2 };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { line: `csi: internal error: ${msg.split('\n')[0]}`, code: 1 };
}

/**
 * Runs `csi` with the given arguments (without `node` and the script path) and returns the exit code.
 *
 * @example
 * const code = await runCli(['inspect', 'survey.csv', '--lang', 'zh']);
 */
export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`csi (csikit) ${cliVersion()}\n`);
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr(`csi: unknown command "${name}" (commands: ${Object.keys(commands).join(', ')})\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    const { line, code } = describeCliError(e);
    io.stderr(`${line.replace(/\n/g, ' ')}\n`);
    return code;
  }
}

/**
 * Runs `csi` on the process's own arguments and sets `process.exitCode`: what the `csi` executable does. A rejected
 * run (which `runCli` does not produce) is reported as an internal error, never with a stack trace.
 *
 * @example
 * startCli(process.argv.slice(2));
 */
export function startCli(argv: string[]): void {
  runCli(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${describeCliError(e).line}\n`);
      process.exitCode = 1;
    },
  );
}
