import { CsiError } from '../errors.js';
import { concatBytes } from './concatBytes.js';
import { createCsvTokenizer, type CsvTokenizer } from './csvTokenizer.js';
import { createFieldDecoder, createStreamTextDecoder, ENCODING_SAMPLE_BYTES, estimateRows, prepareBytes, type StreamTextDecoder } from './decodeText.js';
import { detectDelimiter, type SurveyDelimiter } from './detectDelimiter.js';
import { assertBytes, assertText, builderOptions, givenDelimiter, givenEncoding, type ReadSurveyOptions } from './readSurveyOptions.js';
import { createSurveyBuilder, type SurveyBuilder } from './surveyBuilder.js';
import type { Survey } from './survey.js';

/** Iterates a web ReadableStream even where it is not async-iterable (older browsers). */
async function* chunksOf(
  stream: AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array>,
): AsyncGenerator<Uint8Array | string | ArrayBuffer> {
  if (stream && typeof (stream as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    yield* stream as AsyncIterable<Uint8Array | string>;
    return;
  }
  if (stream && typeof (stream as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (stream as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  throw new CsiError('INVALID_OPTION', 'readSurveyStream needs an async iterable of chunks or a ReadableStream.');
}

/**
 * Reads a survey from a stream of bytes or text chunks (a Node `Readable`, a web `ReadableStream`, any async
 * iterable), parsing chunk by chunk straight into growing typed columns; memory holds the columns, not the file.
 *
 * Same rules and errors as {@link readSurvey}. The encoding (with `'auto'`) and the delimiter are decided on the
 * first 64 KB. Numbers are parsed from the bytes; text fields (ids, segments) are decoded in the chosen encoding,
 * and bytes invalid in it fail with ENCODING (row and column given); `encoding: 'gb18030'` fixes a GBK file whose
 * first 64 KB happen to be plain ASCII.
 *
 * @example
 * import { createReadStream } from 'node:fs';
 * const survey = await readSurveyStream(createReadStream('survey.csv'), { codebook });
 */
export async function readSurveyStream(
  stream: AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array>,
  options: ReadSurveyOptions = {},
): Promise<Survey> {
  const enc = givenEncoding(options);
  const fixedDelimiter = givenDelimiter(options);
  const encoder = new TextEncoder();
  /** Chunks (as bytes to tokenize) held until the encoding and delimiter are known. */
  let pending: Uint8Array[] = [];
  let pendingLen = 0;
  let sawString = false;
  let sawBytes = false;
  let decided = false;
  let transcoder: StreamTextDecoder | null = null;
  let fieldLabel = 'utf-8';
  let encoding = 'string';
  let skip = 0;
  let tokenizer: CsvTokenizer | null = null;
  let builder: SurveyBuilder | null = null;
  let delimiter: SurveyDelimiter = ',';
  let firstText = true;

  const textBytes = (t: string): Uint8Array => {
    if (firstText) {
      firstText = false;
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    }
    assertText(t);
    return encoder.encode(t);
  };

  /** Decides the encoding from the raw sample, then the delimiter, and starts tokenizing. */
  const start = (complete: boolean): void => {
    decided = true;
    let sample = concatBytes(pending, pendingLen);
    pending = [];
    pendingLen = 0;
    if (sawBytes && !sawString) {
      const prep = prepareBytes(sample, enc);
      encoding = prep.encoding;
      fieldLabel = prep.fieldLabel;
      if (prep.transcode) {
        transcoder = createStreamTextDecoder(sample, enc);
        sample = textBytes(transcoder.push(sample));
      } else {
        sample = sample.subarray(prep.skip);
        skip = prep.skip;
        assertBytes(sample);
      }
    }
    const sampleText = new TextDecoder(fieldLabel).decode(sample.subarray(0, ENCODING_SAMPLE_BYTES), { stream: !complete });
    delimiter = fixedDelimiter ?? detectDelimiter(sampleText, complete);
    builder = createSurveyBuilder({ ...builderOptions(options, delimiter), decodeField: createFieldDecoder(fieldLabel) });
    if (options.sizeHint !== undefined && options.sizeHint > 0) builder.reserve(estimateRows(sample, options.sizeHint - skip));
    tokenizer = createCsvTokenizer(delimiter, builder.sink);
    tokenizer.push(sample);
  };

  for await (const chunk of chunksOf(stream)) {
    let bytes: Uint8Array;
    if (typeof chunk === 'string') {
      if (!decided) sawString = true;
      bytes = textBytes(chunk);
    } else if (chunk instanceof Uint8Array || chunk instanceof ArrayBuffer) {
      const raw = chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk);
      if (!decided) {
        sawBytes = true;
        bytes = raw;
      } else if (transcoder) {
        bytes = textBytes((transcoder as StreamTextDecoder).push(raw));
      } else {
        assertBytes(raw);
        bytes = raw;
      }
    } else {
      throw new CsiError('INVALID_OPTION', 'readSurveyStream: stream chunks must be Uint8Array or string.');
    }
    if (decided) {
      (tokenizer as unknown as CsvTokenizer).push(bytes);
    } else {
      pending.push(bytes);
      pendingLen += bytes.length;
      if (pendingLen >= ENCODING_SAMPLE_BYTES) start(false);
    }
  }
  if (!decided) start(true);
  const tk = tokenizer as CsvTokenizer | null;
  if (transcoder) tk!.push(textBytes((transcoder as StreamTextDecoder).end()));
  tk!.end();
  return (builder as SurveyBuilder | null)!.finish({ encoding, delimiter });
}
