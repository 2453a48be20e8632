import { describe, expect, it } from 'vitest';
import { commands, runCli } from '../../src/cli/main.js';
import type { CliCommand } from '../../src/cli/types.js';

describe('csi loads a command module only when the command runs', () => {
  it('each lazy entry carries its command module\'s own summary', async () => {
    for (const [name, entry] of Object.entries(commands)) {
      const lazy = entry as CliCommand & { load?: () => Promise<CliCommand> };
      if (!lazy.load) continue;
      const real = await lazy.load();
      expect(`${name}: ${lazy.summary}`).toBe(`${name}: ${real.summary}`);
    }
  });
  it('csi <command> --help prints the loaded command\'s usage', async () => {
    let out = '';
    const code = await runCli(['estimate', '--help'], { stdout: (t) => void (out += t), stderr: () => undefined });
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: csi estimate DATA\.csv/);
  });
});
