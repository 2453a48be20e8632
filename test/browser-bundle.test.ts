import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Bundles `entry` (relative to the repo root) for the browser and lists every Node built-in it imports. */
async function nodeImports(entry: string): Promise<{ errors: unknown[]; imported: string[] }> {
  const imported: string[] = [];
  const result = await build({
    entryPoints: [resolve(__dirname, '..', entry)],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    logLevel: 'silent',
    plugins: [
      {
        name: 'flag-node-builtins',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            const bare = args.path.replace(/^node:/, '').split('/')[0];
            if (args.path.startsWith('node:') || builtins.has(args.path) || (builtins.has(bare) && !args.path.startsWith('.'))) {
              imported.push(`${args.path} (from ${args.importer.replace(resolve(__dirname, '..'), '.')})`);
              return { path: args.path, external: true };
            }
            return undefined;
          });
        },
      },
    ],
  });
  return { errors: result.errors, imported };
}

describe('the core runs in a browser', () => {
  it('bundling src/index.ts for the browser imports no Node built-in', async () => {
    const { errors, imported } = await nodeImports('src/index.ts');
    expect(errors).toEqual([]);
    expect(imported).toEqual([]);
  });

  it('the same check catches a Node import (src/node.ts pulls in node:fs)', async () => {
    const { imported } = await nodeImports('src/node.ts');
    expect(imported.some((p) => p.startsWith('node:fs'))).toBe(true);
  });
});
