import { CsiError } from '../../errors.js';

/** Windows code pages and other numbers of the integer-info record's character code, as TextDecoder labels. */
const CODE_PAGES: Record<number, string> = {
  2: 'windows-1252',
  3: 'windows-1252',
  20127: 'windows-1252',
  28591: 'iso-8859-1',
  65001: 'utf-8',
  936: 'gbk',
  54936: 'gb18030',
  950: 'big5',
  932: 'shift_jis',
  949: 'euc-kr',
};

/**
 * The TextDecoder label for a system file's declared encoding: the name in extension record 20 if present, else
 * the character code of record 3 (a Windows code page number), else windows-1252.
 *
 * @throws CsiError ENCODING when the declared encoding is one this runtime cannot decode (EBCDIC, an unknown name).
 * @example
 * savEncodingLabel('UTF-8', 1252) // 'utf-8'
 * savEncodingLabel(undefined, 1255) // 'windows-1255'
 */
export function savEncodingLabel(name: string | undefined, codePage: number | undefined): string {
  const candidates: string[] = [];
  if (name !== undefined && name.trim() !== '') {
    const n = name.trim().toLowerCase();
    candidates.push(n, n.replace(/^cp/, 'windows-'), n.replace(/^windows-/, 'cp'));
  } else if (codePage !== undefined) {
    if (codePage === 1) throw new CsiError('ENCODING', 'The .sav file is in EBCDIC, which csikit cannot read; save it again from SPSS as Unicode.');
    candidates.push(CODE_PAGES[codePage] ?? `windows-${codePage}`, `cp${codePage}`);
  } else {
    candidates.push('windows-1252');
  }
  for (const label of candidates) {
    try {
      return new TextDecoder(label).encoding;
    } catch {
      // try the next spelling
    }
  }
  throw new CsiError('ENCODING', `The .sav file declares the text encoding "${name ?? codePage}", which csikit cannot decode; save it again from SPSS as Unicode (UTF-8).`);
}

/**
 * A strict decoder for the file's encoding: invalid bytes throw ENCODING naming `what` (e.g. "the value label of
 * mylabl"). A multi-byte character cut off at the very end is dropped, not an error: SPSS cuts strings and labels
 * to a width in bytes, which can split the last character (pyreadstat's basic_tegulu.sav has one).
 *
 * @example
 * savDecoder('utf-8')(new Uint8Array([0x61, 0xe0, 0xb1]), 'a name') // 'a'
 */
export function savDecoder(label: string): (b: Uint8Array, what: string) => string {
  const dec = new TextDecoder(label, { fatal: true });
  return (b, what) => {
    try {
      const text = dec.decode(b, { stream: true });
      try {
        dec.decode(); // flush: throws (and resets) when an incomplete character is left over, which is dropped
      } catch {
        // cut-off last character
      }
      return text;
    } catch {
      throw new CsiError('ENCODING', `The .sav file's ${what} is not valid ${label} text, the encoding the file declares.`);
    }
  };
}
