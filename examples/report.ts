/**
 * A report: analyze the example telecom survey (indices, the hierarchy, IPMA for Satisfaction) and render the Study
 * as Markdown (`renderMarkdown`; `renderHtml` gives the self-contained HTML page). Prints it to stdout, or writes it to
 * a file when given a path. Pass `zh` for the Chinese text.
 *
 *   npx tsx examples/report.ts [zh] [OUT.md]
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { analyze, parseCodebook, parseModelJson, renderMarkdown } from '../src/index.js';
import { readSurveyFile } from '../src/node.js';

const args = process.argv.slice(2);
const lang = args[0] === 'zh' ? 'zh' : 'en';
const out = args.find((a) => a !== 'zh' && a !== 'en');

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const codebook = parseCodebook(JSON.parse(await readFile(here('../fixtures/telecom.codebook.json'), 'utf8')));
const survey = await readSurveyFile(here('../fixtures/telecom.csv'), { codebook });
const model = parseModelJson(JSON.parse(await readFile(here('../fixtures/telecom.model.json'), 'utf8'))); // with zh/en labels
const hierarchy = JSON.parse(await readFile(here('../fixtures/telecom.hierarchy.json'), 'utf8'));

const study = analyze(survey, { model, codebook, ipma: ['Satisfaction'], hierarchy });
const markdown = renderMarkdown(study, { lang, model, codebook }); // a pure function: no file, no Node built-in

if (out) {
  await writeFile(out, markdown);
  console.log(`Wrote ${out} (${markdown.length} characters)`);
} else {
  process.stdout.write(markdown);
}
