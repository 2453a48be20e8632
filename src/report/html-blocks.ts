import type { Block, Cell, TreeItem } from './blocks.js';
import { escapeHtml } from './escape.js';

function cell(tag: 'td' | 'th', c: Cell, numeric: boolean, scope?: 'col' | 'row'): string {
  const text = typeof c === 'string' ? c : c.text;
  const cls = [numeric ? 'num' : '', typeof c === 'string' ? '' : (c.cls ?? '')].filter(Boolean).join(' ');
  return `<${tag}${scope ? ` scope="${scope}"` : ''}${cls ? ` class="${escapeHtml(cls)}"` : ''}>${escapeHtml(text)}</${tag}>`;
}

function tree(item: TreeItem): string {
  const kids = item.children.length ? `<ul>${item.children.map(tree).join('')}</ul>` : '';
  const text = item.cls ? `<span class="${escapeHtml(item.cls)}">${escapeHtml(item.text)}</span>` : escapeHtml(item.text);
  return `<li>${text}${kids}</li>`;
}

/**
 * Writes blocks as HTML (text escaped; a chart's SVG inserted as built).
 *
 * @example
 * blocksToHtml([{ type: 'p', text: 'a < b' }]) // '<p>a &lt; b</p>'
 */
export function blocksToHtml(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'h3':
          return `<h3>${escapeHtml(b.text)}</h3>`;
        case 'p':
          return `<p>${escapeHtml(b.text)}</p>`;
        case 'note':
          return `<p class="note">${escapeHtml(b.text)}</p>`;
        case 'list': {
          const tag = b.ordered ? 'ol' : 'ul';
          return `<${tag}>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
        }
        case 'table': {
          const num = (k: number) => b.numeric?.[k] ?? false;
          const head = `<thead><tr>${b.head.map((h, k) => cell('th', h, num(k), 'col')).join('')}</tr></thead>`;
          const body = `<tbody>${b.rows.map((r) => `<tr>${r.map((c, k) => (k === 0 ? cell('th', c, false, 'row') : cell('td', c, num(k)))).join('')}</tr>`).join('')}</tbody>`;
          return `<div class="table-wrap"><table${b.cls ? ` class="${escapeHtml(b.cls)}"` : ''}>${head}${body}</table></div>`;
        }
        case 'chart':
          return `<figure>${b.svg}</figure>`;
        case 'tree':
          return `<ul class="tree">${tree(b.root)}</ul>`;
        case 'kv':
          return `<dl class="kv">${b.rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
      }
    })
    .join('\n');
}
