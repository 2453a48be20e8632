/** Field delimiters csikit detects. */
export type SurveyDelimiter = ',' | ';' | '\t';

const CANDIDATES: SurveyDelimiter[] = [',', ';', '\t'];

/**
 * Detects the field delimiter from the first lines of a CSV text.
 *
 * Counts each candidate (comma, semicolon, tab) outside quotes on up to 20 complete lines. A candidate that occurs
 * on the first line and the same number of times on every line wins; among several, the most frequent. When none is
 * consistent, the one most frequent on the first line wins; with none at all (a one-column file), comma.
 *
 * @param sample The start of the text.
 * @param complete True when `sample` is the whole text (its last line counts even without a line break).
 * @example
 * detectDelimiter('a;b;c\n1;2;3\n', false) // ';'
 */
export function detectDelimiter(sample: string, complete: boolean): SurveyDelimiter {
  const lines: number[][] = [];
  let counts = [0, 0, 0];
  let inQ = false;
  let lineHasText = false;
  for (let i = 0; i < sample.length && lines.length < 20; i++) {
    const ch = sample[i];
    if (ch === '"') {
      inQ = !inQ;
      lineHasText = true;
    } else if (!inQ && (ch === '\n' || ch === '\r')) {
      if (lineHasText) lines.push(counts);
      counts = [0, 0, 0];
      lineHasText = false;
    } else if (!inQ) {
      const k = CANDIDATES.indexOf(ch as SurveyDelimiter);
      if (k >= 0) counts[k]++;
      lineHasText = true;
    }
  }
  if (complete && lineHasText && lines.length < 20) lines.push(counts);
  if (lines.length === 0) return ',';
  const first = lines[0];
  let best = -1;
  for (let k = 0; k < CANDIDATES.length; k++) {
    if (first[k] === 0) continue;
    if (lines.every((l) => l[k] === first[k]) && (best < 0 || first[k] > first[best])) best = k;
  }
  if (best < 0) {
    for (let k = 0; k < CANDIDATES.length; k++) if (first[k] > 0 && (best < 0 || first[k] > first[best])) best = k;
  }
  return best < 0 ? ',' : CANDIDATES[best];
}
