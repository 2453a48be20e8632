import type { CliCommand, CliIO } from './types.js';

/**
 * A `csi` sub-command whose module is imported only when it runs, so `csi --help`, `csi --version` and the other
 * commands do not load its code (zod, ml-matrix, the worker runner, …). `summary` must be the command's own
 * summary (a test compares them); `usage` is the command's, read after loading.
 *
 * @example
 * const estimate = lazyCommand('estimate a PLS path model', () => import('./estimate.js').then((m) => m.estimateCommand));
 * await estimate.run(['--help'], io); // imports ./estimate.js now
 */
export function lazyCommand(summary: string, load: () => Promise<CliCommand>): CliCommand & { load: () => Promise<CliCommand> } {
  let loaded: Promise<CliCommand> | null = null;
  const get = (): Promise<CliCommand> => (loaded ??= load());
  return {
    summary,
    usage: `(loaded with the command: csi <command> --help)`,
    load: get,
    async run(args: string[], io: CliIO): Promise<number> {
      return (await get()).run(args, io);
    },
  };
}
