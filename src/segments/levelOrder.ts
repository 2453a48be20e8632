/**
 * Natural-sort comparison of labels: digit runs compare as numbers, other runs as text (so "Q2" < "Q10",
 * "2025Q4" < "2026Q1"); ties broken by plain code-unit order.
 *
 * @example
 * ['Q10', 'Q2', 'Q1'].sort(naturalCompare) // ['Q1', 'Q2', 'Q10']
 */
export function naturalCompare(a: string, b: string): number {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i];
    const y = rb[i];
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = x.replace(/^0+(?=\d)/, '');
      const ny = y.replace(/^0+(?=\d)/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
    } else if (x !== y) {
      if (dx !== dy) return dx ? -1 : 1;
      return x < y ? -1 : 1;
    }
  }
  if (ra.length !== rb.length) return ra.length - rb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order of the levels of a wave (or segment) column: the codebook's level order when one is given (levels the
 * codebook does not list follow in natural order), else natural sort of the labels ({@link naturalCompare}).
 * `source` says which rule decided.
 *
 * @example
 * orderLevels(['2026Q1', '2025Q4']) // { order: ['2025Q4', '2026Q1'], source: 'natural' }
 */
export function orderLevels(labels: Iterable<string>, codebookLevels?: readonly string[] | null): { order: string[]; source: 'codebook' | 'natural' } {
  const present = [...new Set(labels)];
  if (codebookLevels && codebookLevels.length > 0) {
    const known = codebookLevels.filter((l) => present.includes(l));
    const rest = present.filter((l) => !codebookLevels.includes(l)).sort(naturalCompare);
    return { order: [...known, ...rest], source: 'codebook' };
  }
  return { order: present.sort(naturalCompare), source: 'natural' };
}
