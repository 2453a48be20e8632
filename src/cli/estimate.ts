import type { Survey } from '../data/index.js';
import { fileRowOf } from '../data/index.js';
import { CsiError } from '../errors.js';
import { estimate } from '../inference/index.js';

import { analyzeDetailed, formatPlsResult, formatStudy, studyEstimateOptions, studyModel } from '../study/index.js';
import { addBootstrap, BOOTSTRAP_FLAGS, BOOTSTRAP_USAGE } from './bootstrap-flags.js';
// --engine duckdb|clickhouse (issue 8): moments computed by an engine; logic in ./engine-source.ts.
import { ENGINE_ARG_OPTIONS, ENGINE_USAGE, runEngineEstimate } from './engine-source.js';
// --study --scale --index-weights --ipma --hierarchy --index-scores (issue 13): one parser in ./study-flags.ts.
import { STUDY_FLAGS, STUDY_USAGE, studySpecFromFlags, writeIndexScores } from './study-flags.js';
import { ESTIMATE_FLAGS } from './estimate-flags.js';
import { explainModelColumns } from './explainModelColumns.js';
import { inferredCodebookNotes } from './inferredCodebookNotes.js';
import { DATA_FLAGS, DATA_USAGE, parseFlags } from './flags.js';
import { readDataFromFlags } from './readData.js';
import type { CliCommand, CliIO } from './types.js';

const usage = `Usage: csi estimate DATA.csv|.xlsx|.sav|.zsav|- --model MODEL.txt [--codebook FILE] [--sheet NAME|N]
                    [--missing mean|casewise|pairwise] [--scheme path|factorial|centroid] [--weights COLUMN]
                    [--max-iterations N] [--f2] [--json]
       csi estimate DATA.csv --preset ecsi|acsi|ccsi|scsb --map MAP.json | --codebook FILE [options as above]

Estimates a PLS path model exactly as seminr 2.3.1 does (path weighting, mode A/B, 1e-7 stop rule, 300 iterations).
The model is lavaan-style text: "Image =~ IMAG1 + IMAG2" (mode A), "Value <~ PERV1 + PERV2" (mode B),
"Satisfaction ~ Image + Value" (paths); names with spaces in double quotes ("Inflight wifi service"). --preset uses a
national index model instead, with --map MAP.json ({ "Image": ["IMG1", "IMG2"], … }; csi model --preset NAME prints it)
or, without --map, the codebook's item groups ("group": "Image" on each item; --map wins when both are given).
Columns the model does not use are ignored. --weights names a sampling-weight
column (weighted PLS). --f2 adds effect sizes f². --json prints one JSON document (outer weights, loadings, paths, R²,
effects, reliability, HTMT, Fornell–Larcker, VIF, f², warnings). Without --codebook one is inferred (see csi inspect).

${DATA_USAGE}

${STUDY_USAGE}

${ENGINE_USAGE}

${BOOTSTRAP_USAGE}`;

/** `csi estimate`: PLS path model estimation. */
export const estimateCommand: CliCommand = {
  summary: 'estimate a PLS path model (seminr-exact) and its quality',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseFlags(
      args,
      {
        ...ESTIMATE_FLAGS, // --model --codebook --missing --scheme --weights --max-iterations --f2 (./estimate-flags.ts)
        preset: { type: 'string' },
        map: { type: 'string' },
        sheet: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        ...ENGINE_ARG_OPTIONS, // --engine --url --table --database --threads (./engine-source.ts)
        ...BOOTSTRAP_FLAGS, // --boot --seed --resamples --ci --progress (./bootstrap-flags.ts)
        ...STUDY_FLAGS, // --study --scale --index-weights --ipma --hierarchy --index-scores (./study-flags.ts)
        ...DATA_FLAGS, // --encoding --delimiter --na (./flags.ts)
      },
      'estimate',
    );
    if (values.help) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    // --engine: the data stay in DuckDB/ClickHouse; no Survey is built in JS (./engine-source.ts).
    if (values.engine !== undefined) {
      return runEngineEstimate(values, positionals, io);
    }
    for (const flag of ['url', 'table', 'database', 'threads', 'row-key'] as const) {
      if (values[flag] !== undefined) throw new CsiError('INVALID_OPTION', `--${flag} is an option of --engine (see csi estimate --help).`);
    }
    if (positionals.length !== 1) throw new CsiError('INVALID_OPTION', 'csi estimate needs exactly one data file (see csi estimate --help).');
    const spec = await studySpecFromFlags(values);
    const survey = await readDataFromFlags(positionals[0], values, spec.codebook, io);
    const codebookGiven = spec.codebook !== undefined;
    // --weights COLUMN becomes the survey's weight column (so resamples carry their rows' weights too).
    const data: Survey = values.weights === undefined ? survey : { ...survey, weights: weightColumn(survey, values.weights) };
    explainModelColumns(survey, studyModel(spec), codebookGiven);
    const { study, result, model } = analyzeDetailed(data, spec);
    if (!codebookGiven) {
      const notes = inferredCodebookNotes(survey, positionals[0]);
      result.warnings.unshift(...notes);
      study.warnings.unshift(...notes.map((w) => `${w.code}: ${w.message}`));
    }
    const { fSquared: _f2, ...options } = studyEstimateOptions(spec);
    void _f2;
    if (values['index-scores'] !== undefined) await writeIndexScores(study, values['index-scores'], data.codebook.id ?? 'id');
    const bootText = await addBootstrap(study, data, model, values, options, io);
    const studyText = formatStudy(study);
    io.stdout(values.json ? `${JSON.stringify(study, null, 2)}\n` : `${formatPlsResult(result)}\n${studyText ? `\n${studyText}\n` : ''}${bootText ? `\n${bootText}\n` : ''}`);
    return 0;
  },
};

/** The sampling weights in column `name`: the codebook's weight column, a numeric column or an (inferred) item. */
export function weightColumn(survey: Survey, name: string): Float64Array {
  let values: Float64Array | undefined;
  if (survey.weights && survey.codebook.weight === name) values = survey.weights;
  values ??= survey.numeric.find((c) => c.name === name)?.values;
  if (!values) {
    const k = survey.itemNames.indexOf(name);
    if (k >= 0) values = survey.items[k];
  }
  if (!values) throw new CsiError('MISSING_COLUMN', `The weight column ${name} is not a numeric column of the data.`, { column: name });
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    if (!(v >= 0) || v === Infinity) throw new CsiError('INVALID_WEIGHT', `Weight ${Number.isNaN(v) ? 'missing' : v} in column ${name} is not a finite number ≥ 0.`, { row: fileRowOf(survey.log, r), column: name });
  }
  return values;
}
