import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSurveyFile } from '../../src/data/node/readSurveyFile.js';

describe('GBK bytes first met after 256 KiB (issue 18 item 17, message half)', () => {
  it('says the file is probably GBK/GB18030 and that the option applies to the whole file', async () => {
    const enc = new TextEncoder();
    const ascii = enc.encode('note,Q1\n' + 'plain,5\n'.repeat(40_000)); // 320 KB of ASCII
    const gbk = new Uint8Array([0xc2, 0xfa, 0xd2, 0xe2, ...enc.encode(',6\n')]);
    const bytes = new Uint8Array(ascii.length + gbk.length);
    bytes.set(ascii);
    bytes.set(gbk, ascii.length);
    const dir = mkdtempSync(join(tmpdir(), 'csikit-late-gbk-'));
    const file = join(dir, 'late.csv');
    writeFileSync(file, bytes);
    const message = await readSurveyFile(file).then(() => '', (e: Error) => e.message);
    expect(message).toMatch(/valid GBK\/GB18030, so the file probably is: pass the encoding option gb18030 \(it applies to the whole file, not to this column\)/);
    expect((await readSurveyFile(file, { encoding: 'gb18030' })).n).toBe(40_001);
    rmSync(dir, { recursive: true, force: true });
  });
});
