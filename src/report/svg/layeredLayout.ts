/**
 * Layered placement of a directed acyclic graph for the path diagram: a node's column is its longest-path depth
 * (exogenous constructs left, outcomes right); its row is chosen among a few rows so that straight arrows pass
 * through no other node and cross as little as possible (greedy start, then a few sweeps of one-node moves).
 */

/** A placed node: column and row indices. */
export interface Placement {
  col: number;
  row: number;
}

/** The layout: placements, and the numbers of columns and rows used. */
export interface Layout {
  at: Map<string, Placement>;
  cols: number;
  rows: number;
}

/**
 * Columns by longest path from a source; a cycle (which a valid model has not) is broken by ignoring its back edge.
 *
 * @example
 * depths(['A', 'B', 'C'], [{ from: 'A', to: 'B' }, { from: 'B', to: 'C' }, { from: 'A', to: 'C' }]) // Map { A→0, B→1, C→2 }
 */
export function depths(nodes: string[], edges: { from: string; to: string }[]): Map<string, number> {
  const depth = new Map<string, number>(nodes.map((n) => [n, 0]));
  for (let pass = 0; pass < nodes.length; pass++) {
    let changed = false;
    for (const e of edges) {
      const d = (depth.get(e.from) ?? 0) + 1;
      if (d > (depth.get(e.to) ?? 0) && d < nodes.length) {
        depth.set(e.to, d);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return depth;
}

/** Does the segment p→q pass within (hw, hh) of the box centred at c (a node box, shrunk a little)? */
function hits(p: [number, number], q: [number, number], c: [number, number], hw: number, hh: number): boolean {
  // Liang–Barsky clip of the segment against the box.
  let t0 = 0;
  let t1 = 1;
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const checks: [number, number][] = [
    [-dx, p[0] - (c[0] - hw)],
    [dx, c[0] + hw - p[0]],
    [-dy, p[1] - (c[1] - hh)],
    [dy, c[1] + hh - p[1]],
  ];
  for (const [pp, qq] of checks) {
    if (pp === 0) {
      if (qq < 0) return false;
    } else {
      const t = qq / pp;
      if (pp < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  return t0 < t1;
}

/**
 * Does the segment a→b pass through the box [x0, y0, x1, y1]?
 *
 * @example
 * segmentHitsBox([0, 0], [10, 10], [4, 4, 6, 6]) // true
 */
export function segmentHitsBox(a: readonly [number, number], b: readonly [number, number], box: [number, number, number, number]): boolean {
  const hw = (box[2] - box[0]) / 2;
  const hh = (box[3] - box[1]) / 2;
  return hits([a[0], a[1]], [b[0], b[1]], [box[0] + hw, box[1] + hh], hw, hh);
}

function crosses(a: [number, number], b: [number, number], c: [number, number], d: [number, number]): boolean {
  const o = (p: [number, number], q: [number, number], r: [number, number]) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
}

/**
 * Places the nodes: columns by {@link depths}, rows chosen to keep arrows off other nodes and crossings few.
 * Deterministic: the same graph gives the same layout.
 *
 * @example
 * layeredLayout(['A', 'B'], [{ from: 'A', to: 'B' }]).at.get('B') // { col: 1, row: … }
 */
/** Node and row sizes in units of the column pitch (what the drawing will use), for the collision test. */
export interface LayoutGeometry {
  /** Row pitch / column pitch. */
  rowPitch: number;
  /** Node half-width and half-height / column pitch. */
  halfWidth: number;
  halfHeight: number;
}

export function layeredLayout(
  nodes: string[],
  edges: { from: string; to: string }[],
  geometry: LayoutGeometry = { rowPitch: 0.6, halfWidth: 0.32, halfHeight: 0.2 },
): Layout {
  const depth = depths(nodes, edges);
  const cols = Math.max(0, ...depth.values()) + 1;
  const widest = Math.max(1, ...[...new Set(depth.values())].map((d) => [...depth.values()].filter((x) => x === d).length));
  // A few row counts are tried; each extra row costs a little, an arrow through a node a lot.
  const counts = cols > 2 ? [Math.max(widest + 1, 3), Math.max(widest + 2, 4)] : [widest];
  let best: { layout: Layout; cost: number } | null = null;
  for (const rows of counts) {
    const r = placeRows(nodes, edges, depth, cols, rows, geometry);
    const c = r.cost + rows * 25;
    if (!best || c < best.cost) best = { layout: r.layout, cost: c };
  }
  return best!.layout;
}

function placeRows(
  nodes: string[],
  edges: { from: string; to: string }[],
  depth: Map<string, number>,
  cols: number,
  rows: number,
  g: LayoutGeometry,
): { layout: Layout; cost: number } {
  const row = new Map<string, number>();
  // Unit geometry: columns 1 apart, rows g.rowPitch apart.
  const pos = (n: string): [number, number] => [depth.get(n)!, row.get(n)! * g.rowPitch];
  const cost = (): number => {
    let c = 0;
    const placed = edges.filter((e) => row.has(e.from) && row.has(e.to) && e.from !== e.to);
    for (const e of placed) {
      const p = pos(e.from);
      const q = pos(e.to);
      for (const n of row.keys()) if (n !== e.from && n !== e.to && hits(p, q, pos(n), g.halfWidth, g.halfHeight)) c += 1000;
      c += Math.abs(q[1] - p[1]) * 2;
    }
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i];
        const b = placed[j];
        if (a.from === b.from || a.to === b.to || a.from === b.to || a.to === b.from) continue;
        if (crosses(pos(a.from), pos(a.to), pos(b.from), pos(b.to))) c += 30;
      }
    }
    // Prefer the middle rows: a compact, centred drawing.
    for (const r of row.values()) c += Math.abs(r - (rows - 1) / 2) * 0.5;
    return c;
  };
  const free = (n: string, r: number) => ![...row.entries()].some(([m, rr]) => m !== n && rr === r && depth.get(m) === depth.get(n));
  const best = (n: string) => {
    let bestRow = row.get(n) ?? 0;
    let bestCost = Infinity;
    for (let r = 0; r < rows; r++) {
      if (!free(n, r)) continue;
      row.set(n, r);
      const c = cost();
      if (c < bestCost - 1e-9) {
        bestCost = c;
        bestRow = r;
      }
    }
    row.set(n, bestRow);
  };
  const order = [...nodes].sort((a, b) => depth.get(a)! - depth.get(b)!);
  for (const n of order) best(n);
  for (let sweep = 0; sweep < 4; sweep++) {
    const before = cost();
    for (const n of order) best(n);
    if (cost() >= before) break;
  }
  const at = new Map<string, Placement>();
  for (const n of nodes) at.set(n, { col: depth.get(n)!, row: row.get(n)! });
  return { layout: { at, cols, rows }, cost: cost() };
}
