/**
 * The CCSI four-level indicator hierarchy (一级/二级/三级/四级指标, methodology §4.3) of the example model:
 * level 1 the satisfaction index, level 2 the structural constructs, level 3 the dimensions of perceived quality,
 * level 4 the questionnaire items. Reads fixtures/telecom.model.json (the same model as fixtures/telecom.model, with
 * Chinese/English construct labels), checks it against the codebook's items, and prints the tree with labels.
 *
 *     npx tsx examples/model-hierarchy.ts          # English labels
 *     npx tsx examples/model-hierarchy.ts zh       # Chinese labels
 *
 * In your own project import from 'csikit' instead of '../src/index.js'.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CsiError, hierarchyOf, parseCodebook, parseModelJson, type HierarchyNode, type Label } from '../src/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const readJson = (name: string): unknown => JSON.parse(readFileSync(path.join(here, '../fixtures', name), 'utf8'));
const lang: 'en' | 'zh' = process.argv[2] === 'zh' ? 'zh' : 'en';

try {
  const codebook = parseCodebook(readJson('telecom.codebook.json'));
  const itemLabels = new Map(codebook.items.map((i) => [i.id, i.label] as const));
  // validates the model; UNKNOWN_ITEM if the model names an item the codebook does not have
  const spec = parseModelJson(readJson('telecom.model.json'), { items: codebook.items.map((i) => i.id) });
  const { root } = hierarchyOf(spec);

  const text = (label: Label | undefined): string => label?.[lang] ?? label?.en ?? '';
  const print = (node: HierarchyNode, depth: number): void => {
    const label = node.kind === 'item' ? text(itemLabels.get(node.name)) : text(node.label);
    const name = node.kind === 'index' ? `${node.name} index` : node.name;
    console.log(`L${node.level}  ${'  '.repeat(depth)}${name}${label ? `  ${label}` : ''}`);
    for (const child of node.children) print(child, depth + 1);
  };
  print(root, 0);

  const count = (level: number, n: HierarchyNode = root): number =>
    (n.level === level ? 1 : 0) + n.children.reduce((s, c) => s + count(level, c), 0);
  console.log(`\n${spec.name}: ${count(2)} level-2 constructs, ${count(3)} level-3 dimensions, ${count(4)} level-4 items, ${spec.paths.length} paths`);
} catch (e) {
  if (!(e instanceof CsiError)) throw e;
  console.error(`${e.code}: ${e.message}`);
  process.exit(1);
}
