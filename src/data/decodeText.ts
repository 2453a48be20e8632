import { CsiError } from '../errors.js';

/** Text encodings a survey file may be given in. `'auto'` detects: BOM, then UTF-8, then GB18030 (a superset of GBK). */
export type SurveyEncoding = 'auto' | 'utf-8' | 'gbk' | 'gb18030';

/** Bytes of the encoding sample used by the stream reader before it commits to an encoding. */
export const ENCODING_SAMPLE_BYTES = 65536;

function bomOf(b: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

function makeDecoder(label: string): TextDecoder {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    throw new CsiError('ENCODING', `This JavaScript runtime cannot decode ${label}; convert the file to UTF-8 first.`);
  }
}

function encodingError(label: string, detected: boolean): CsiError {
  return new CsiError(
    'ENCODING',
    detected
      ? 'The file is neither valid UTF-8 nor valid GBK/GB18030; save it as UTF-8 (CSV UTF-8 in Excel) and try again.'
      : `The file is not valid ${label}; check the encoding option (utf-8, gbk or gb18030).`,
  );
}

/**
 * True when non-UTF-8 bytes that GB18030 accepts look like Western European text (Latin-1 / Windows-1252) instead:
 * in Chinese GBK text both bytes of a character are ≥ 0xA1 almost always, while a Latin-1 accented letter is one
 * high byte followed by an ASCII letter ("Région" = R, 0xE9, g, …, which GB18030 reads as "R間ion"). Counts the
 * two-byte characters by their trail byte; Latin-looking when those with an ASCII trail outnumber the others 2 : 1.
 *
 * @example
 * looksLatin1(new Uint8Array([0x52, 0xe9, 0x67, 0x69, 0x6f, 0x6e])) // true ("Région" in Latin-1)
 * looksLatin1(new Uint8Array([0xc2, 0xfa, 0xd2, 0xe2])) // false ("满意" in GBK)
 */
export function looksLatin1(b: Uint8Array): boolean {
  let asciiTrail = 0;
  let highTrail = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const t = i + 1 < b.length ? b[i + 1] : -1;
    if (t >= 0x30 && t <= 0x39) {
      i += 4; // GB18030 four-byte sequence
      continue;
    }
    if (t >= 0 && t < 0x80) asciiTrail++;
    else if (t >= 0x80) highTrail++;
    i += 2;
  }
  return asciiTrail > 0 && asciiTrail >= 2 * highTrail;
}

function latinError(): CsiError {
  return new CsiError(
    'ENCODING',
    'The file is not UTF-8. Its bytes are valid GB18030 (Chinese), but they look like Western European text in Latin-1/Windows-1252 (accented letters such as "é" followed by plain letters), which GB18030 would misread ("Région" as "R間ion"). Save the file as UTF-8 (CSV UTF-8 in Excel) and try again; if it really is Chinese, pass the encoding option gb18030 (or gbk).',
  );
}

/** A push decoder: bytes in, text out, one encoding for the whole stream. */
export interface StreamTextDecoder {
  /** Decodes the next bytes (a character may span chunks). */
  push(bytes: Uint8Array): string;
  /** Flushes the decoder; throws ENCODING if the input ended inside a character. */
  end(): string;
  /** The encoding in use, as recorded in `SurveyLog.encoding` (`'utf-8'`, `'utf-8-bom'`, `'gb18030'`, ...). */
  readonly encoding: string;
}

/**
 * Chooses an encoding from a sample of the first bytes and returns a fatal streaming decoder for it.
 *
 * With `'auto'`: a BOM wins (UTF-8, UTF-16LE/BE as Excel's "Unicode text" writes); otherwise the sample must be
 * valid UTF-8 (a character cut at the sample's end is fine), else GB18030 is used, which decodes GBK as Excel and
 * WPS write it in China — unless the bytes look like Latin-1/Windows-1252 text ({@link looksLatin1}): both
 * encodings fit, so ENCODING is thrown naming them and how to choose (save as UTF-8, or pass `gb18030`). If the sample is valid UTF-8 but later bytes are not, `push` throws ENCODING and the
 * caller should pass `encoding: 'gb18030'` explicitly.
 *
 * @example
 * const d = createStreamTextDecoder(new Uint8Array([0xc2, 0xfa, 0xd2, 0xe2]), 'auto');
 * d.encoding; // 'gb18030'
 */
export function createStreamTextDecoder(sample: Uint8Array, encoding: SurveyEncoding = 'auto'): StreamTextDecoder {
  let label: string;
  let name: string;
  if (encoding !== 'auto') {
    label = encoding;
    name = encoding;
    if (encoding === 'utf-8' && bomOf(sample) === 'utf-8') name = 'utf-8-bom';
  } else {
    const bom = bomOf(sample);
    if (bom) {
      label = bom;
      name = bom === 'utf-8' ? 'utf-8-bom' : bom;
    } else {
      label = 'utf-8';
      name = 'utf-8';
      try {
        makeDecoder('utf-8').decode(sample, { stream: true });
      } catch {
        label = 'gb18030';
        name = 'gb18030';
        if (looksLatin1(sample)) throw latinError();
      }
    }
  }
  const dec = makeDecoder(label);
  const detected = encoding === 'auto' && label === 'gb18030';
  return {
    encoding: name,
    push(bytes: Uint8Array): string {
      try {
        return dec.decode(bytes, { stream: true });
      } catch {
        throw encoding === 'auto' && label === 'utf-8'
          ? new CsiError(
              'ENCODING',
              'The file starts as valid UTF-8 but later bytes are not UTF-8; pass the encoding option (e.g. gb18030).',
            )
          : encodingError(label, detected);
      }
    },
    end(): string {
      try {
        return dec.decode();
      } catch {
        throw encodingError(label, detected);
      }
    },
  };
}

/**
 * Decodes a whole byte buffer, detecting the encoding as {@link createStreamTextDecoder} does but over all bytes.
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // { text: 'a', encoding: 'utf-8-bom' }
 */
export function decodeText(bytes: Uint8Array, encoding: SurveyEncoding = 'auto'): { text: string; encoding: string } {
  const d = createStreamTextDecoder(encoding === 'auto' && !bomOf(bytes) ? bytes : bytes.subarray(0, 4), encoding);
  const text = d.push(bytes) + d.end();
  return { text, encoding: d.encoding };
}

/**
 * A decoder for single fields of an ASCII-compatible encoding: short ASCII fields are built directly (no decoder
 * call), anything else goes through a fatal `TextDecoder` (which throws a TypeError on invalid bytes).
 *
 * @example
 * createFieldDecoder('gb18030')(new Uint8Array([0xc2, 0xfa, 0xd2, 0xe2]), 0, 4) // '满意'
 */
export function createFieldDecoder(label: string): (b: Uint8Array, start: number, end: number) => string {
  const dec = makeDecoder(label);
  return (b, start, end) => {
    if (end - start <= 32) {
      let t = '';
      for (let k = start; k < end; k++) {
        const c = b[k];
        if (c > 127) return dec.decode(b.subarray(start, end));
        t += String.fromCharCode(c);
      }
      return t;
    }
    return dec.decode(b.subarray(start, end));
  };
}

/**
 * Rough number of records in a text of `totalBytes` bytes, from the line breaks in its first bytes `sample`
 * (used only to preallocate columns; a wrong guess costs memory or a regrowth, never correctness).
 *
 * @example
 * estimateRows(new TextEncoder().encode('a\n1\n2\n'), 600) // 300
 */
export function estimateRows(sample: Uint8Array, totalBytes: number): number {
  const len = Math.min(sample.length, 65536);
  let lines = 0;
  // indexOf jumps from line feed to line feed natively (a byte loop runs cold here: it is the file's first scan); on
  // a plain Uint8Array view, not a Node Buffer, whose indexOf goes through JavaScript argument handling on every call
  const head = sample.constructor === Uint8Array ? sample : new Uint8Array(sample.buffer, sample.byteOffset, len);
  for (let i = head.indexOf(10); i !== -1 && i < len; i = head.indexOf(10, i + 1)) lines++;
  if (lines === 0 || len === 0) return 0;
  return Math.ceil((lines * totalBytes) / len * 1.02);
}

/** How byte input will be read: the bytes to tokenize (BOM stripped, UTF-16 transcoded) and how to decode fields. */
export interface PreparedBytes {
  /** `'utf-8'`, `'utf-8-bom'`, `'gb18030'`, `'gbk'`, `'utf-16le'`, ... as recorded in `SurveyLog.encoding`. */
  encoding: string;
  /** Label for field decoding of the tokenized bytes (ASCII-compatible). */
  fieldLabel: string;
  /** True when the input is UTF-16 and must be decoded to text and re-encoded as UTF-8 before tokenizing. */
  transcode: boolean;
  /** Bytes to skip at the start (a BOM). */
  skip: number;
}

/**
 * Decides how to read byte input from its first bytes (see {@link createStreamTextDecoder} for the rules).
 *
 * @example
 * prepareBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'auto') // { encoding: 'utf-8-bom', fieldLabel: 'utf-8', transcode: false, skip: 3 }
 */
export function prepareBytes(sample: Uint8Array, encoding: SurveyEncoding): PreparedBytes {
  const bom = bomOf(sample);
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    if (encoding === 'auto') return { encoding: bom, fieldLabel: 'utf-8', transcode: true, skip: 0 };
  }
  if (encoding !== 'auto') {
    const skip = bom === 'utf-8' && encoding === 'utf-8' ? 3 : 0;
    return { encoding: skip ? 'utf-8-bom' : encoding, fieldLabel: encoding, transcode: false, skip };
  }
  if (bom === 'utf-8') return { encoding: 'utf-8-bom', fieldLabel: 'utf-8', transcode: false, skip: 3 };
  try {
    makeDecoder('utf-8').decode(sample, { stream: true });
    return { encoding: 'utf-8', fieldLabel: 'utf-8', transcode: false, skip: 0 };
  } catch {
    try {
      makeDecoder('gb18030').decode(sample, { stream: true });
    } catch {
      throw encodingError('gb18030', true);
    }
    if (looksLatin1(sample)) throw latinError();
    return { encoding: 'gb18030', fieldLabel: 'gb18030', transcode: false, skip: 0 };
  }
}
