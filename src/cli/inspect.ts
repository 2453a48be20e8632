import { writeFile } from 'node:fs/promises';
import { formatSurveySummary } from '../data/index.js';
import { summarizeSurvey } from '../data/index.js';
import { CsiError } from '../errors.js';
import { choiceFlag, DATA_FLAGS, DATA_USAGE, parseFlags } from './flags.js';
import { readCodebookFile } from './readCodebookFile.js';
import { readDataFromFlags } from './readData.js';
import type { CliCommand, CliIO } from './types.js';

const usage = `Usage: csi inspect DATA.csv|.xlsx|.sav|.zsav|- [--codebook FILE] [--json] [--lang en|zh] [--sheet NAME|N]
                   [--encoding auto|utf-8|gbk|gb18030] [--delimiter auto|,|;|tab] [--na TEXT] [--write-codebook FILE]

Loads a survey and prints what it holds: respondents, items with scale, mean, sd and missing answers, segments
with level counts, what loading coerced, and data-quality flags. Without --codebook a draft codebook is inferred
(rating items with guessed scales and likely missing codes, other numeric columns, segments, id, weight: one note per
column whose guess needs checking); --write-codebook saves the codebook used (the draft, to edit and pass back with
--codebook) as JSON. An SPSS file brings its own codebook (labels, value labels, missing values, measurement levels);
--sheet picks a workbook's sheet.

${DATA_USAGE}`;

/** `csi inspect`: the survey summary and data-quality flags. */
export const inspect: CliCommand = {
  summary: 'print a survey summary and data-quality flags',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseFlags(
      args,
      {
        codebook: { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'en' },
        ...DATA_FLAGS,
        'write-codebook': { type: 'string' },
        sheet: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      'inspect',
    );
    if (values.help) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new CsiError('INVALID_OPTION', 'csi inspect needs exactly one data file (see csi inspect --help).');
    const lang = choiceFlag('lang', values.lang ?? 'en', ['en', 'zh'] as const);
    const codebook = values.codebook !== undefined ? await readCodebookFile(values.codebook) : undefined;
    const survey = await readDataFromFlags(positionals[0], values, codebook, io);
    const out = values['write-codebook'];
    if (out !== undefined) {
      try {
        await writeFile(out, `${JSON.stringify(survey.codebook, null, 2)}\n`);
      } catch (e) {
        throw new CsiError('INVALID_OPTION', `Cannot write the codebook to ${out} (${(e as { code?: string }).code ?? String(e)}).`);
      }
    }
    const summary = summarizeSurvey(survey);
    io.stdout(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSurveySummary(summary, { lang })}\n`);
    return 0;
  },
};
