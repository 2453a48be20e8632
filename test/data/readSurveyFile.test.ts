import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSurveyFile } from '../../src/node.js';
import { readSurvey } from '../../src/data/readSurvey.js';
import { cb, csiErrorOfAsync } from './helpers.js';
import { tempDir } from '../helpers/cli.js';

const { dir } = tempDir('csikit-file-');

describe('readSurveyFile (csikit/node)', () => {
  it('reads a file larger than one chunk exactly as readSurvey reads its text', async () => {
    const lines = ['"id";"seg";"Q1";"Q2"'];
    for (let i = 0; i < 40000; i++) lines.push(`${i};"g;${i % 3}";${(i % 10) + 1};${i % 7 === 0 ? '' : (i % 5) + 1}`);
    const text = `${lines.join('\r\n')}\r\n`;
    const path = join(dir, 'big.csv');
    writeFileSync(path, text);
    const codebook = cb(['Q1', 'Q2'], { id: 'id', segments: [{ id: 'seg' }] });
    const fromFile = await readSurveyFile(path, { codebook });
    const fromText = readSurvey(text, { codebook });
    expect(fromFile.n).toBe(40000);
    expect(fromFile.log.delimiter).toBe(';');
    expect(fromFile.items).toEqual(fromText.items);
    expect(fromFile.segments).toEqual(fromText.segments);
    expect(fromFile.ids).toEqual(fromText.ids);
    expect(fromFile.log.emptyCells).toEqual(fromText.log.emptyCells);
  });

  it('an unnamed column (R row names) is ignored and listed', async () => {
    const path = join(dir, 'rownames.csv');
    writeFileSync(path, '"","Q1","Q2"\n"1",3,4\n"2",5,6\n');
    const s = await readSurveyFile(path);
    expect(s.itemNames).toEqual(['Q1', 'Q2']);
    expect(s.log.ignoredColumns).toEqual(['(unnamed column 1)']);
  });

  it('a missing path or a directory is INVALID_OPTION', async () => {
    expect((await csiErrorOfAsync(() => readSurveyFile(join(dir, 'nope.csv')))).code).toBe('INVALID_OPTION');
    expect((await csiErrorOfAsync(() => readSurveyFile(dir))).code).toBe('INVALID_OPTION');
    expect((await csiErrorOfAsync(() => readSurveyFile(join(dir, 'nope.csv')))).message).toBe(`No such file: ${join(dir, 'nope.csv')}`);
    expect((await csiErrorOfAsync(() => readSurveyFile(dir))).message).toBe(`${dir} is a directory, not a data file.`);
    const file = join(dir, 'plain.csv');
    writeFileSync(file, 'Q1\n1\n');
    const under = join(file, 'x.csv'); // a path through a file
    expect((await csiErrorOfAsync(() => readSurveyFile(under))).message).toBe(`Cannot read ${under} (ENOTDIR).`);
  });

  it('an empty file is EMPTY_FILE', async () => {
    const path = join(dir, 'empty.csv');
    writeFileSync(path, '');
    expect((await csiErrorOfAsync(() => readSurveyFile(path))).code).toBe('EMPTY_FILE');
  });
});
