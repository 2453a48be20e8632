/**
 * Indices and IPMA: load the example telecom survey with its codebook (which declares every item's scale), analyze it,
 * and print each construct's 0-100 index with its 95% interval and the importance-performance priority list for
 * Satisfaction (the fix quadrant first).
 *
 *   npx tsx examples/indices-ipma.ts
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { analyze, parseCodebook } from '../src/index.js';
import { readSurveyFile } from '../src/node.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const codebook = parseCodebook(JSON.parse(await readFile(here('../fixtures/telecom.codebook.json'), 'utf8')));
const survey = await readSurveyFile(here('../fixtures/telecom.csv'), { codebook });
const model = await readFile(here('../fixtures/telecom.model'), 'utf8');

// The item scales come from the codebook (pass `scale: [1, 10]` instead when there is none; never the observed range).
const study = analyze(survey, { model, codebook, ipma: ['Satisfaction'] });

const fmt = (x: number | null) => (x === null ? '-' : x.toFixed(1));
console.log(`Construct indices (0-100, 95% interval), ${study.n} respondents:`);
for (const [c, e] of Object.entries(study.indices ?? {})) {
  console.log(`  ${c.padEnd(18)} ${fmt(e.mean)}  [${fmt(e.lower)}, ${fmt(e.upper)}]`);
}

const map = study.ipma!.Satisfaction;
console.log('IPMA priorities for Satisfaction (importance = index points per point of the driver):');
map.priorities.forEach((c, i) => {
  const d = map.constructs[c];
  console.log(`  ${i + 1}. ${c.padEnd(18)} importance ${d.importance.toFixed(3)}  performance ${fmt(d.performance)}  ${map.quadrants[c]}`);
});
