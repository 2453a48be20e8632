/**
 * The main job: load the example telecom survey, estimate its CCSI-style model (perceived quality as a higher-order
 * construct over five service dimensions) exactly as seminr would, and bootstrap the paths.
 *
 *   npx tsx examples/estimate-model.ts
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bootstrap, estimate, parseModel } from '../src/index.js';
import { readSurveyFile } from '../src/node.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const codebook = JSON.parse(await readFile(here('../fixtures/telecom.codebook.json'), 'utf8'));
const survey = await readSurveyFile(here('../fixtures/telecom.csv'), { codebook });
const model = parseModel(await readFile(here('../fixtures/telecom.model'), 'utf8'));

const result = estimate(survey, model); // path scheme, mean replacement, seminr's stop rule
console.log(`Estimated on ${result.n} respondents in ${result.iterations} iterations (converged: ${result.converged})`);
for (const [c, r] of Object.entries(result.rSquared)) console.log(`R² ${c}: ${r.r2.toFixed(3)}`);
for (const [c, q] of Object.entries(result.quality!.reliability)) {
  console.log(`Reliability ${c}: alpha ${q.alpha.toFixed(3)}, rhoC ${q.rhoC.toFixed(3)}, AVE ${q.ave.toFixed(3)}`);
}

const boot = await bootstrap(survey, model, { resamples: 500, seed: 2026 });
console.log(`Bootstrap: ${boot.nboot} resamples, seed ${boot.seed}`);
for (const p of boot.paths) {
  console.log(`  ${p.from} -> ${p.to}  ${p.estimate.toFixed(3)}  95% CI [${p.lower.toFixed(3)}, ${p.upper.toFixed(3)}]`);
}
