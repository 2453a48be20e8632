import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { tempDir } from '../helpers/cli.js';

const { dir } = tempDir('csi-estimate-');

describe('csi estimate --weights', () => {
  it('names the file row of a bad weight even with blank lines before the header and between rows', async () => {
    // pw is not a name the loader takes as the weight, so it is read as an item. File rows (by hand): 1 blank, 2 header, 3-4 data, 5 blank, 6 data with weight -1.
    const data = join(dir, 'w.csv');
    writeFileSync(data, '\nQ1,Q2,pw\n1,2,1\n3,4,2\n\n2,2,-1\n4,3,1\n');
    const model = join(dir, 'm.txt');
    writeFileSync(model, 'A =~ Q1 + Q2\n');
    let err = '';
    const code = await runCli(['estimate', data, '--model', model, '--weights', 'pw'], { stdout: () => {}, stderr: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toMatch(/^csi: Weight -1 in column pw .*\(row 6\)\n$/);
  });
});

describe('files named on the command line', () => {
  it('a missing model, codebook or resample file is one line naming the kind of file and the path, exit 2', async () => {
    const data = join(dir, 'ok.csv');
    writeFileSync(data, 'Q1,Q2\n1,2\n3,4\n2,2\n4,3\n');
    const model = join(dir, 'ok.txt');
    writeFileSync(model, 'A =~ Q1\nB =~ Q2\nB ~ A\n');
    const nope = join(dir, 'nope');
    for (const [args, what] of [
      [['estimate', data, '--model', nope], 'model file'],
      [['estimate', data, '--model', model, '--codebook', nope], 'codebook file'],
      [['estimate', data, '--model', model, '--resamples', nope], 'resample file'],
    ] as const) {
      let err = '';
      const code = await runCli([...args], { stdout: () => {}, stderr: (t) => (err += t) });
      expect(code, what).toBe(2);
      expect(err, what).toBe(`csi: No such ${what}: ${nope}\n`);
    }
  });
});
