import { isSignificant, type GapResult } from '../../study/index.js';
import type { Block, Cell } from '../blocks.js';
import type { ReportContext } from '../context.js';

/**
 * A table of perception − expectation gaps by segment level or wave (rows gap pairs, columns levels: the signed gap,
 * red when significantly negative at 5 %, green when significantly positive), or null when no level has gaps.
 *
 * @example
 * gapByLevelTable([{ name: '3G', gaps: seg.levels['3G'].gaps }, { name: '4G', gaps: seg.levels['4G'].gaps }], ctx)
 */
export function gapByLevelTable(levels: { name: string; gaps?: GapResult[] }[], ctx: ReportContext): Block | null {
  const { t, f, name } = ctx;
  const pairs: [string, string][] = [];
  for (const l of levels) for (const g of l.gaps ?? []) if (!pairs.some(([p, e]) => p === g.perceived && e === g.expected)) pairs.push([g.perceived, g.expected]);
  if (pairs.length === 0) return null;
  return {
    type: 'table',
    head: [t.colGap, ...levels.map((l) => l.name)],
    rows: pairs.map(([p, e]) => [
      `${name(p)} − ${name(e)}`,
      ...levels.map((l): Cell => {
        const g = l.gaps?.find((x) => x.perceived === p && x.expected === e);
        if (!g || g.mean === null) return '–';
        const sig = isSignificant(g.p);
        return { text: f.signed(g.mean, 1), cls: sig ? (g.mean < 0 ? 'bad' : 'ok') : '' };
      }),
    ]),
    numeric: [false, ...levels.map(() => true)],
  };
}
