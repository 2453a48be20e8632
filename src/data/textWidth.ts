/**
 * Terminal width of a string: East Asian wide and full-width characters take two columns, others one.
 *
 * @example
 * textWidth('满意度') // 6
 * textWidth('PerceivedQuality') // 16
 */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

/**
 * Lays out rows as aligned columns (two spaces apart) by terminal width; columns from `rightFrom` on are
 * right-aligned (numbers), the others left-aligned. Trailing spaces are trimmed.
 *
 * @example
 * alignColumns([['path', 'estimate'], ['满意 -> 忠诚', '0.512']], 1)
 * // ['path          estimate', '满意 -> 忠诚     0.512']
 */
export function alignColumns(rows: string[][], rightFrom: number, rightTo = Infinity): string[] {
  if (rows.length === 0) return [];
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, j) => Math.max(...rows.map((r) => textWidth(r[j] ?? ''))));
  return rows.map((r) =>
    r
      .map((cell, j) => {
        const pad = ' '.repeat(widths[j] - textWidth(cell));
        return j >= rightFrom && j <= rightTo ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}
