/** Where a command writes; injected so tests can capture output. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, for a data file given as `-`. Default `process.stdin`. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Whether stderr is a terminal (progress bars). Default `process.stderr.isTTY`. */
  stderrIsTTY?: boolean;
}

/** One `csi` sub-command. `run` returns the exit code (0 ok, 2 bad input or usage, 1 internal error). */
export interface CliCommand {
  /** One line for `csi --help`. */
  summary: string;
  /** Usage text for `csi <command> --help`. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}
