/**
 * Data that does not fit in memory: DuckDB reads the CSV and computes the items' moments in one SQL statement;
 * csikit estimates from those moments with the same estimator as in memory. No Survey is built in JS.
 *
 *   npx tsx examples/duckdb-moments.ts
 *
 * In your own project: `import { duckdbMoments, marginOf } from 'csikit/duckdb'` (needs `npm install @duckdb/node-api`).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { duckdbMoments, marginOf } from '../src/engines/duckdb/index.js';
import { estimateFromMoments, parseModel } from '../src/index.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const model = parseModel(await readFile(here('../fixtures/telecom.model'), 'utf8'));
const codebook = JSON.parse(await readFile(here('../fixtures/telecom.codebook.json'), 'utf8'));
const items = [...new Set(model.constructs.flatMap((c) => c.items ?? []))];

const { moments, grouped } = await duckdbMoments({ file: here('../fixtures/telecom.csv'), items, codebook, groupBy: ['line'] });
const all = estimateFromMoments(moments, model);
console.log(`All ${all.n} respondents: R² of Satisfaction ${all.rSquared.Satisfaction.r2.toFixed(3)}`);
for (const p of all.paths) console.log(`  ${p.from} -> ${p.to}  ${p.estimate.toFixed(3)}`);
for (const g of marginOf(grouped!, ['line']).groups) {
  const r = estimateFromMoments(g.moments, model);
  console.log(`Business line ${g.key[0]}: n = ${r.n}, R² of Satisfaction ${r.rSquared.Satisfaction.r2.toFixed(3)}`);
}
