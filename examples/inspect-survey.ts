/**
 * Load the shipped example survey (fixtures/telecom.csv) with its codebook and print the summary that `csi inspect`
 * shows: items with scale, mean, sd and missing counts, segment level counts, the coercion log (missing codes hit,
 * reversed items) and the data-quality flags (straight-liners, respondents missing many answers).
 *
 *     npx tsx examples/inspect-survey.ts                     # the example survey
 *     npx tsx examples/inspect-survey.ts DATA.csv CODEBOOK.json
 *
 * In your own project import from 'csikit/node' instead of '../src/node.js'.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CsiError, formatSurveySummary, parseCodebook, readSurveyFile, summarizeSurvey } from '../src/node.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataPath = process.argv[2] ?? path.join(here, '../fixtures/telecom.csv');
const codebookPath = process.argv[3] ?? path.join(here, '../fixtures/telecom.codebook.json');

try {
  // parseCodebook validates the JSON (INVALID_CODEBOOK with the path of the problem if it is wrong)
  const codebook = parseCodebook(JSON.parse(readFileSync(codebookPath, 'utf8')));
  const survey = await readSurveyFile(dataPath, { codebook });
  console.log(formatSurveySummary(summarizeSurvey(survey)));
} catch (e) {
  if (!(e instanceof CsiError)) throw e;
  console.error(`${e.code}: ${e.message}`);
  process.exit(1);
}
