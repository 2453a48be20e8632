import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

describe('the core runs in a browser', () => {
  it('bundling src/index.ts for the browser imports no Node built-in', async () => {
    const imported: string[] = [];
    const result = await build({
      entryPoints: [resolve(__dirname, '../src/index.ts')],
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
    expect(result.errors).toEqual([]);
    expect(imported).toEqual([]);
  });

  it('the check itself catches a Node import (src/node.ts pulls in node:fs)', async () => {
    const imported: string[] = [];
    await build({
      entryPoints: [resolve(__dirname, '../src/node.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
      plugins: [
        {
          name: 'flag-node-builtins',
          setup(b) {
            b.onResolve({ filter: /^(node:|fs$|fs\/|path$|stream$)/ }, (args) => {
              imported.push(args.path);
              return { path: args.path, external: true };
            });
          },
        },
      ],
    });
    expect(imported.length).toBeGreaterThan(0);
  });
});
