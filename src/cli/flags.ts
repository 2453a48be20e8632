import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CsiError } from '../errors.js';

/**
 * One strict reading of the command line for every `csi` command: flag values are checked here, and every mistake
 * is one plain `INVALID_OPTION` line naming the flag and what it accepts (never Node's parser messages).
 */

/** A parseArgs option spec: string or boolean, optionally repeatable. */
export type FlagSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a numeric flag strictly: plain decimal digits only (no '', ' ', hex `0x10`, `Infinity`, `1_000`), finite,
 * whole when `integer`, and at least `min`.
 *
 * @throws CsiError INVALID_OPTION `--boot must be a whole number ≥ 2 (got "0x10").`
 * @example
 * numberFlag('boot', '5000', { integer: true, min: 2 }) // 5000
 * numberFlag('seed', ' ', { integer: true, min: 0 })     // throws
 */
export function numberFlag(name: string, value: string, rule: { integer?: boolean; min?: number; max?: number } = {}): number {
  const x = DECIMAL.test(value) ? Number(value) : NaN;
  const ok = Number.isFinite(x) && (!rule.integer || Number.isSafeInteger(x)) && (rule.min === undefined || x >= rule.min) && (rule.max === undefined || x <= rule.max);
  if (!ok) {
    const what = rule.integer ? 'a whole number' : 'a number';
    const range = rule.min !== undefined && rule.max !== undefined ? ` from ${rule.min} to ${rule.max}` : rule.min !== undefined ? ` ≥ ${rule.min}` : rule.max !== undefined ? ` ≤ ${rule.max}` : '';
    throw new CsiError('INVALID_OPTION', `--${name} must be ${what}${range} written in decimal digits (got ${JSON.stringify(value)}).`);
  }
  return x;
}

/**
 * Checks that a flag's value is one of `choices`.
 *
 * @example
 * choiceFlag('ci', 'bca', ['percentile', 'bc', 'bca']) // 'bca'
 */
export function choiceFlag<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw new CsiError('INVALID_OPTION', `--${name} must be ${orList(choices)} (got ${JSON.stringify(value)}).`);
  return value as T;
}

function orList(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
}

type Parsed<O extends NonNullable<ParseArgsConfig['options']>> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/**
 * `parseArgs` in strict mode with csikit's messages: an unknown flag, a missing value or a value given to a switch
 * is one line naming the flag (and, for an unknown flag, the flags the command has).
 *
 * @example
 * parseFlags(['data.csv', '--json'], { json: { type: 'boolean' } }) // { values: { json: true }, positionals: ['data.csv'] }
 */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, command: string): Parsed<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (typeof err.code !== 'string' || !err.code.startsWith('ERR_PARSE_ARGS')) throw e;
    throw new CsiError('INVALID_OPTION', friendly(err.code, err.message ?? '', args, options as Record<string, FlagSpec>, command));
  }
}

function friendly(code: string, message: string, args: string[], options: Record<string, FlagSpec>, command: string): string {
  const names = Object.keys(options).map((k) => `--${k}`);
  const mentioned = /'(-{1,2}[^\s']+)/.exec(message)?.[1];
  const flag = mentioned?.replace(/[=\s].*$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const bad = flag ?? args.find((a) => a.startsWith('-') && a !== '-' && !names.includes(a.split('=')[0])) ?? '?';
    return `Unknown option ${bad} for csi ${command} (options: ${names.join(' ')}).`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = flag ?? '?';
    const spec = options[name.replace(/^-+/, '')];
    if (spec?.type === 'boolean') return `${name} is a switch and takes no value.`;
    if (/ambiguous/.test(message)) return `${name} needs a value; a value that starts with a dash is written ${name}=-VALUE.`;
    return `${name} needs a value (csi ${command} --help).`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Unexpected argument ${flag ?? ''} for csi ${command}.`.replace('  ', ' ');
  return `Bad command line for csi ${command}: ${message.split('\n')[0].replace(/\. To specify.*$/, '.')}`;
}

/** The input flags `csi inspect` and `csi estimate` share. */
export const DATA_FLAGS = {
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  na: { type: 'string', multiple: true },
} as const;

/** Usage line of {@link DATA_FLAGS}. */
export const DATA_USAGE = `Input: DATA is a CSV file, or - for standard input. [--encoding auto|utf-8|gbk|gb18030] (default auto)
[--delimiter auto|,|;|tab] (default auto) [--na TEXT] (a cell text that means missing, repeatable; default NA).`;

/**
 * The read options the data flags ask for.
 *
 * @example
 * dataReadOptions({ delimiter: 'tab', na: ['.', '-'] }) // { encoding: 'auto', delimiter: '\t', naStrings: ['.', '-'] }
 */
export function dataReadOptions(values: { encoding?: string; delimiter?: string; na?: string[] }): {
  encoding: 'auto' | 'utf-8' | 'gbk' | 'gb18030';
  delimiter: 'auto' | ',' | ';' | '\t';
  naStrings?: string[];
} {
  const encoding = choiceFlag('encoding', values.encoding ?? 'auto', ['auto', 'utf-8', 'gbk', 'gb18030'] as const);
  const d = values.delimiter ?? 'auto';
  if (!['auto', ',', ';', 'tab', '\t'].includes(d)) throw new CsiError('INVALID_OPTION', `--delimiter must be auto, ",", ";" or tab (got ${JSON.stringify(d)}).`);
  const delimiter = (d === 'tab' ? '\t' : d) as 'auto' | ',' | ';' | '\t';
  if (values.na?.some((t) => t === '')) throw new CsiError('INVALID_OPTION', '--na needs a non-empty text (empty cells are missing already).');
  return { encoding, delimiter, ...(values.na?.length ? { naStrings: values.na } : {}) };
}
