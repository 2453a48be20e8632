/**
 * Adversarial inputs for the hostile-input tests (issue 18), made on the fly and never stored: a seeded generator,
 * survey CSV text, a chain model of m constructs, a CSV with a stray quote.
 */

/** A seeded uniform generator on [0, 1) (LCG; enough for test data). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

/** A 1–10 survey: `items` columns named `prefix1..k`, `n` rows driven by one latent factor, as CSV text. */
export function surveyCsv(n: number, items: string[], seed = 1, cell?: (row: number, item: string, value: number) => string): string {
  const rnd = seeded(seed);
  const lines = [items.join(',')];
  for (let r = 0; r < n; r++) {
    const f = rnd();
    lines.push(items.map((it) => {
      const v = Math.max(1, Math.min(10, Math.round(1 + 9 * (0.6 * f + 0.4 * rnd()))));
      return cell ? cell(r, it, v) : String(v);
    }).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Model text chaining m one-item constructs C0 → C1 → … (items x0, x1, …). */
export function chainModelText(m: number): string {
  const lines: string[] = [];
  for (let i = 0; i < m; i++) {
    lines.push(`C${i} =~ x${i}`);
    if (i > 0) lines.push(`C${i} ~ C${i - 1}`);
  }
  return lines.join('\n');
}

/** Path matrix and adjacency of a chain of m constructs (every path 0.9). */
export function chainPaths(m: number): { B: Float64Array; adjacency: Uint8Array } {
  const B = new Float64Array(m * m);
  const adjacency = new Uint8Array(m * m);
  for (let a = 0; a + 1 < m; a++) {
    adjacency[a * m + a + 1] = 1;
    B[a * m + a + 1] = 0.9;
  }
  return { B, adjacency };
}

/** About `bytes` of plain numeric CSV (3 columns), with a stray `"` opening row 3 when `strayQuote`. */
export function bigCsv(bytes: number, strayQuote: boolean): Uint8Array {
  const line = '1,2,3\n';
  const rows = Math.max(4, Math.floor(bytes / line.length));
  const out = new Uint8Array(rows * line.length + 6 + (strayQuote ? 1 : 0));
  const enc = new TextEncoder();
  let o = 0;
  o += enc.encodeInto('a,b,c\n', out).written;
  for (let r = 0; r < rows; r++) {
    if (strayQuote && r === 1) out[o++] = 34;
    o += enc.encodeInto(line, out.subarray(o)).written;
  }
  return out.subarray(0, o);
}
