import { describe, expect, it } from 'vitest';
import { looksLatin1 } from '../../src/data/decodeText.js';
import { readSurvey } from '../../src/data/readSurvey.js';
import { readSurveyStream } from '../../src/data/readSurveyStream.js';

/** Latin-1 bytes of a string (every char < 256). */
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('Latin-1 text that happens to be valid GB18030 (issue 18 item 9)', () => {
  const text = 'Région,Q1,Q2\nÎle-de-France,5,7\nBretagne,8,9\nGrand-Est,3,4\nProvence-Côte,6,6\n';

  it('the bytes are valid GB18030 (the trap) and look Latin-1', () => {
    const bytes = latin1(text);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(bytes)).toContain('R間ion');
    expect(looksLatin1(bytes)).toBe(true);
  });

  it('readSurvey refuses with ENCODING naming both encodings and how to choose, instead of "R間ion"', () => {
    expect(() => readSurvey(latin1(text))).toThrow(/valid GB18030 .* look like Western European text in Latin-1\/Windows-1252 .* Save the file as UTF-8 .* pass the encoding option gb18030/);
  });

  it('the stream reader says the same', async () => {
    const bytes = latin1(text);
    const stream = new ReadableStream<Uint8Array>({ start(c) { c.enqueue(bytes); c.close(); } });
    await expect(readSurveyStream(stream)).rejects.toThrow(/Latin-1\/Windows-1252/);
  });

  it('real GBK Chinese is still read as GB18030, and encoding gb18030 forces it', () => {
    const gbk = new Uint8Array([...latin1('seg,Q1\n'), 0xc2, 0xfa, 0xd2, 0xe2, ...latin1(',5\n'), 0xb1, 0xb1, 0xbe, 0xa9, ...latin1(',6\n')]);
    expect(looksLatin1(gbk)).toBe(false);
    expect(readSurvey(gbk).log.encoding).toBe('gb18030');
    expect(readSurvey(latin1(text), { encoding: 'gb18030' }).log.encoding).toBe('gb18030');
  });
});
