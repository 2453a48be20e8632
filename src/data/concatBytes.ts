/**
 * The byte chunks `parts` joined into one array of `length` bytes (the sum of their lengths). A single part is
 * returned as it is, not copied: callers hand over chunks they no longer use.
 *
 * @example
 * concatBytes([Uint8Array.of(1, 2), Uint8Array.of(3)], 3) // Uint8Array [1, 2, 3]
 */
export function concatBytes(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
