/**
 * Read a GBK-encoded CSV, as Excel or WPS save "CSV" on a Chinese Windows: the bytes go to the browser-safe core
 * `readSurvey`, which detects the encoding (BOM, else UTF-8 if valid, else GB18030, a superset of GBK) and the
 * delimiter. The file (fixtures/telecom-gbk.csv, 50 rows, CRLF) has Chinese column names and segment values, so
 * its codebook (fixtures/telecom-gbk.codebook.json) only matches when the text was decoded correctly.
 *
 *     npx tsx examples/read-gbk-survey.ts
 *
 * In your own project import from 'csikit' instead of '../src/index.js'.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CsiError, parseCodebook, readSurvey } from '../src/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bytes = readFileSync(path.join(here, '../fixtures/telecom-gbk.csv'));
const codebook = parseCodebook(JSON.parse(readFileSync(path.join(here, '../fixtures/telecom-gbk.codebook.json'), 'utf8')));

try {
  const survey = readSurvey(new Uint8Array(bytes), { codebook });
  console.log(`Read ${survey.n} respondents; encoding ${survey.log.encoding}, delimiter ${JSON.stringify(survey.log.delimiter)}`);
  console.log(`Respondent ids: ${survey.ids?.[0]} … ${survey.ids?.[survey.n - 1]}`);
  for (const seg of survey.segments) {
    const counts = seg.levels.map((level, k) => `${level} ${seg.codes.filter((c) => c === k).length}`);
    const missing = seg.codes.filter((c) => c === -1).length;
    console.log(`${seg.name}: ${counts.join(', ')}${missing > 0 ? `, (missing) ${missing}` : ''}`);
  }
  // mean overall satisfaction per business line (业务线), straight from the columnar survey
  const line = survey.segments.find((s) => s.name === '业务线')!;
  const sat1 = survey.items[survey.itemNames.indexOf('SAT1')];
  for (const [k, level] of line.levels.entries()) {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < survey.n; i++) {
      if (line.codes[i] === k && !Number.isNaN(sat1[i])) {
        sum += sat1[i];
        n += 1;
      }
    }
    console.log(`SAT1 mean, ${level}: ${(sum / n).toFixed(2)} (n = ${n})`);
  }
} catch (e) {
  if (!(e instanceof CsiError)) throw e;
  console.error(`${e.code}: ${e.message}`);
  process.exit(1);
}
