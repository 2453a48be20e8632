import { writeFile } from 'node:fs/promises';
import type { ReadSurveyOptions, Survey } from '../data/index.js';
import { readSurveyFile } from '../data/node/index.js';
import { CsiError } from '../errors.js';
import { renderHtml, renderMarkdown } from '../report/index.js';
import { analyzeDetailed, studyEstimateOptions } from '../study/index.js';
import { addBootstrap, BOOTSTRAP_FLAGS, BOOTSTRAP_USAGE } from './bootstrap-flags.js';
import { weightColumn } from './estimate.js';
import { ESTIMATE_FLAGS } from './estimate-flags.js';
import { STUDY_FLAGS, STUDY_USAGE, studySpecFromFlags, writeIndexScores } from './study-flags.js';
import { parseFlags } from './flags.js';
import type { CliCommand, CliIO } from './types.js';

const usage = `Usage: csi report DATA.csv --model MODEL.txt [--codebook FILE] [study, estimation and bootstrap flags of csi estimate]
                  [--lang zh|en] [--format html|md] [--title TEXT] [--out FILE]

Writes the report of the study: one self-contained HTML file (inline CSS and SVG charts, no script, nothing fetched;
print it to PDF from a browser) or Markdown. Sections appear when their analysis is there: sample and data quality,
path model, indices, hierarchy, impacts, IPMA, segments, waves, scorecard, gaps, KPIs, measurement quality, settings.
--lang (default en) sets the language of all text and number formats; labels come from the codebook. Without --out
the report goes to standard output. Estimation flags: --missing mean|casewise|pairwise, --scheme
path|factorial|centroid, --weights COLUMN, --max-iterations N, --f2 (as csi estimate).

${STUDY_USAGE}

${BOOTSTRAP_USAGE}`;

/** `csi report`: the study's report as HTML or Markdown. */
export const reportCommand: CliCommand = {
  summary: 'write the report of a study (self-contained HTML or Markdown, Chinese or English)',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseFlags(
      args,
      {
        ...ESTIMATE_FLAGS, // the estimation flags of csi estimate (./estimate-flags.ts)
        ...BOOTSTRAP_FLAGS,
        ...STUDY_FLAGS,
        lang: { type: 'string', default: 'en' },
        format: { type: 'string', default: 'html' },
        title: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      'report',
    );
    if (values.help) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    const lang = values.lang;
    if (lang !== 'zh' && lang !== 'en') throw new CsiError('INVALID_OPTION', `--lang must be zh or en (got ${lang}).`);
    const format = values.format;
    if (format !== 'html' && format !== 'md') throw new CsiError('INVALID_OPTION', `--format must be html or md (got ${format}).`);
    if (positionals.length !== 1) throw new CsiError('INVALID_OPTION', 'csi report needs exactly one data file (see csi report --help).');
    const spec = await studySpecFromFlags(values);
    const readOptions: ReadSurveyOptions = {};
    if (spec.codebook !== undefined) readOptions.codebook = spec.codebook;
    const survey = await readSurveyFile(positionals[0], readOptions);
    const data: Survey = values.weights === undefined ? survey : { ...survey, weights: weightColumn(survey, values.weights) };
    const { study, model } = analyzeDetailed(data, spec);
    const { fSquared: _f2, ...options } = studyEstimateOptions(spec);
    void _f2;
    if (values['index-scores'] !== undefined) await writeIndexScores(study, values['index-scores'], data.codebook.id ?? 'id');
    await addBootstrap(study, data, model, values, options, io);
    const render = format === 'md' ? renderMarkdown : renderHtml;
    const text = render(study, { lang, model, codebook: spec.codebook ?? data.codebook, ...(values.title !== undefined ? { title: values.title } : {}) });
    if (values.out === undefined) {
      io.stdout(text);
      return 0;
    }
    try {
      await writeFile(values.out, text, 'utf8');
    } catch (e) {
      throw new CsiError('INVALID_OPTION', `Cannot write the report file ${values.out} (${(e as { code?: string }).code ?? String(e)}).`);
    }
    io.stdout(`${lang === 'zh' ? '报告已写入' : 'Report written to'} ${values.out}\n`);
    return 0;
  },
};
