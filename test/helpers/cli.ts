/**
 * Test helpers for the command line: run `csi` in-process with its output captured, and a temporary folder removed
 * after the test file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/types.js';

/** What one `csi` run printed and returned. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs `csi ARGS` in-process and captures standard output and standard error.
 *
 * @example
 * const r = await runCsi(['model', '--preset', 'ccsi']);
 * expect(r.code).toBe(0);
 */
export async function runCsi(args: string[], extra: Partial<CliIO> = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), ...extra });
  return { code, out, err };
}

/**
 * A fresh folder under the system temp folder, removed (with its contents) after the calling test file; `file` writes
 * one file in it and returns its path.
 *
 * @example
 * const { dir, file } = tempDir('csi-kpi-');
 * const data = file('d.csv', 'Q1,Q2\n1,2\n');
 */
export function tempDir(prefix: string): { dir: string; file: (name: string, content: string | Uint8Array) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
  };
}
