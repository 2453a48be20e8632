import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatSurveySummary } from '../data/index.js';
import { summarizeSurvey } from '../data/index.js';
import type { ReadSurveyOptions } from '../data/index.js';
import { readSurveyFile } from '../data/node/index.js';
import { CsiError } from '../errors.js';
import { readCodebookFile } from './readCodebookFile.js';
import type { CliCommand, CliIO } from './types.js';

const usage = `Usage: csi inspect DATA.csv|.xlsx|.sav|.zsav [--codebook FILE] [--json] [--lang en|zh] [--sheet NAME|N]
                   [--encoding auto|utf-8|gbk|gb18030] [--delimiter auto|,|;|tab] [--write-codebook FILE]

Loads a survey and prints what it holds: respondents, items with scale, mean, sd and missing answers, segments
with level counts, what loading coerced, and data-quality flags. Without --codebook a draft codebook is inferred;
--write-codebook saves the codebook used (the draft, to edit and pass back with --codebook) as JSON. An SPSS file
brings its own codebook (labels, value labels, missing values, measurement levels); --sheet picks a workbook's sheet.`;

/** `csi inspect`: the survey summary and data-quality flags. */
export const inspect: CliCommand = {
  summary: 'print a survey summary and data-quality flags',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        codebook: { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'en' },
        encoding: { type: 'string', default: 'auto' },
        delimiter: { type: 'string', default: 'auto' },
        'write-codebook': { type: 'string' },
        sheet: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new CsiError('INVALID_OPTION', 'csi inspect needs exactly one data file (see csi inspect --help).');
    if (values.lang !== 'en' && values.lang !== 'zh') throw new CsiError('INVALID_OPTION', `--lang must be en or zh (got ${values.lang}).`);
    const options: ReadSurveyOptions = {
      encoding: values.encoding as ReadSurveyOptions['encoding'],
      delimiter: (values.delimiter === 'tab' ? '\t' : values.delimiter) as ReadSurveyOptions['delimiter'],
    };
    if (values.sheet !== undefined) options.sheet = values.sheet;
    if (values.codebook !== undefined) options.codebook = await readCodebookFile(values.codebook);
    const survey = await readSurveyFile(positionals[0], options);
    const out = values['write-codebook'];
    if (out !== undefined) {
      try {
        await writeFile(out, `${JSON.stringify(survey.codebook, null, 2)}\n`);
      } catch (e) {
        throw new CsiError('INVALID_OPTION', `Cannot write the codebook to ${out} (${(e as { code?: string }).code ?? String(e)}).`);
      }
    }
    const summary = summarizeSurvey(survey);
    io.stdout(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSurveySummary(summary, { lang: values.lang })}\n`);
    return 0;
  },
};
