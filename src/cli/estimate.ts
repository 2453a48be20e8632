import { fileRowOf } from '../data/fileRowOf.js';
import type { ReadSurveyOptions } from '../data/readSurveyOptions.js';
import type { Survey } from '../data/survey.js';
import { CsiError } from '../errors.js';
import { estimate } from '../pls/estimate.js';
import { formatPlsResult } from '../pls/formatPlsResult.js';
import { resultToJson } from '../pls/result-json.js';
import type { EstimateOptions } from '../pls/types.js';
import { addBootstrap, BOOTSTRAP_FLAGS, BOOTSTRAP_USAGE } from './bootstrap-flags.js';
// --engine duckdb|clickhouse (issue 8): moments computed by an engine; logic in ./engine-source.ts.
import { ENGINE_ARG_OPTIONS, ENGINE_USAGE, runEngineEstimate } from './engine-source.js';
import { estimateFlags, readModelFile } from './estimate-flags.js';
import { explainModelColumns } from './explainModelColumns.js';
import { inferredCodebookNotes } from './inferredCodebookNotes.js';
import { DATA_FLAGS, DATA_USAGE, dataReadOptions, parseFlags } from './flags.js';
import { readCodebookFile } from './readCodebookFile.js';
import { presetFromMapFile, presetName } from './presetModel.js';
import { readData } from './readData.js';
import type { CliCommand, CliIO } from './types.js';

const usage = `Usage: csi estimate DATA.csv --model MODEL.txt [--codebook FILE] [--missing mean|casewise|pairwise]
                    [--scheme path|factorial|centroid] [--weights COLUMN] [--max-iterations N] [--f2] [--json]
       csi estimate DATA.csv --preset ecsi|acsi|ccsi|scsb --map MAP.json [options as above]

Estimates a PLS path model exactly as seminr 2.3.1 does (path weighting, mode A/B, 1e-7 stop rule, 300 iterations).
The model is lavaan-style text: "Image =~ IMAG1 + IMAG2" (mode A), "Value <~ PERV1 + PERV2" (mode B),
"Satisfaction ~ Image + Value" (paths); names with spaces in double quotes ("Inflight wifi service"). --preset uses a
national index model instead, with --map MAP.json ({ "Image": ["IMG1", "IMG2"], … }; csi model --preset NAME prints it).
Columns the model does not use are ignored. --weights names a sampling-weight
column (weighted PLS). --f2 adds effect sizes f². --json prints one JSON document (outer weights, loadings, paths, R²,
effects, reliability, HTMT, Fornell–Larcker, VIF, f², warnings). Without --codebook one is inferred (see csi inspect).

${DATA_USAGE}

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
        model: { type: 'string' },
        preset: { type: 'string' },
        map: { type: 'string' },
        codebook: { type: 'string' },
        missing: { type: 'string', default: 'mean' },
        scheme: { type: 'string', default: 'path' },
        weights: { type: 'string' },
        'max-iterations': { type: 'string' },
        f2: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        ...ENGINE_ARG_OPTIONS, // --engine --url --table --database --threads (./engine-source.ts)
        ...BOOTSTRAP_FLAGS, // --boot --seed --resamples --ci --progress (./bootstrap-flags.ts)
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
      if (values.boot !== undefined || values.resamples !== undefined) throw new CsiError('INVALID_OPTION', '--boot and --resamples need the rows in memory: not available with --engine.');
      if (values.preset !== undefined && values.map === undefined) throw new CsiError('INVALID_OPTION', '--preset needs --map FILE: a JSON object of construct → item names (csi model --preset NAME prints the preset).');
      const fromPreset = values.preset !== undefined ? await presetFromMapFile(presetName(values.preset), values.map!) : undefined;
      return runEngineEstimate(values, positionals, io, fromPreset);
    }
    for (const flag of ['url', 'table', 'database', 'threads'] as const) {
      if (values[flag] !== undefined) throw new CsiError('INVALID_OPTION', `--${flag} is an option of --engine (see csi estimate --help).`);
    }
    if (positionals.length !== 1) throw new CsiError('INVALID_OPTION', 'csi estimate needs exactly one data file (see csi estimate --help).');
    if (values.model === undefined && values.preset === undefined) throw new CsiError('INVALID_OPTION', 'csi estimate needs --model MODEL.txt or --preset NAME --map FILE (see csi estimate --help).');
    if (values.model !== undefined && values.preset !== undefined) throw new CsiError('INVALID_OPTION', 'Give --model or --preset, not both.');
    if (values.preset !== undefined && values.map === undefined) throw new CsiError('INVALID_OPTION', '--preset needs --map FILE: a JSON object of construct → item names (csi model --preset NAME prints the preset).');
    if (values.map !== undefined && values.preset === undefined) throw new CsiError('INVALID_OPTION', '--map is an option of --preset.');
    const { missing, scheme, maxIterations } = estimateFlags(values);
    const model = values.preset !== undefined ? await presetFromMapFile(presetName(values.preset), values.map!) : await readModelFile(values.model!);
    const readOptions: ReadSurveyOptions = dataReadOptions(values);
    if (values.codebook !== undefined) readOptions.codebook = await readCodebookFile(values.codebook);
    const survey = await readData(positionals[0], readOptions, io);
    explainModelColumns(survey, model, values.codebook !== undefined);
    // --weights COLUMN becomes the survey's weight column (so resamples carry their rows' weights too).
    const data: Survey = values.weights === undefined ? survey : { ...survey, weights: weightColumn(survey, values.weights) };
    const options: EstimateOptions = { scheme, missing, ...(maxIterations !== undefined ? { maxIterations } : {}) };
    const result = estimate(data, model, { ...options, fSquared: values.f2 });
    if (values.codebook === undefined) result.warnings.unshift(...inferredCodebookNotes(survey, positionals[0]));
    const json = resultToJson(result);
    const bootText = await addBootstrap(json, data, model, values, options, io);
    io.stdout(values.json ? `${JSON.stringify(json, null, 2)}\n` : `${formatPlsResult(result)}\n${bootText ? `\n${bootText}\n` : ''}`);
    return 0;
  },
};

/** The sampling weights in column `name`: the codebook's weight column, a numeric column or an (inferred) item. */
function weightColumn(survey: Survey, name: string): Float64Array {
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
