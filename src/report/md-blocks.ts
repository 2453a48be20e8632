import type { Block, TreeItem } from './blocks.js';
import { cellText } from './blocks.js';
import { escapeMarkdown } from './escape.js';

function tree(item: TreeItem, depth: number): string[] {
  return [`${'  '.repeat(depth)}- ${escapeMarkdown(item.text)}`, ...item.children.flatMap((c) => tree(c, depth + 1))];
}

/**
 * Writes blocks as Markdown (GitHub tables; text escaped). Charts are left out: every chart's figures are also in a
 * table of the same section.
 *
 * @example
 * blocksToMarkdown([{ type: 'table', head: ['a'], rows: [['1']] }]) // '| a |\n|---|\n| 1 |'
 */
export function blocksToMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'h3':
        out.push(`### ${escapeMarkdown(b.text)}`);
        break;
      case 'p':
        out.push(escapeMarkdown(b.text));
        break;
      case 'note':
        out.push(`_${escapeMarkdown(b.text)}_`);
        break;
      case 'list':
        out.push(b.items.map((i, k) => `${b.ordered ? `${k + 1}.` : '-'} ${escapeMarkdown(i)}`).join('\n'));
        break;
      case 'table': {
        const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
        const rule = `|${b.head.map((_, k) => (b.numeric?.[k] ? '---:' : '---')).join('|')}|`;
        out.push([row(b.head), rule, ...b.rows.map((r) => row(r.map(cellText)))].join('\n'));
        break;
      }
      case 'chart':
        break;
      case 'tree':
        out.push(tree(b.root, 0).join('\n'));
        break;
      case 'kv':
        out.push(b.rows.map(([k, v]) => `- ${escapeMarkdown(k)}: ${escapeMarkdown(v)}`).join('\n'));
        break;
    }
  }
  return out.join('\n\n');
}
