import { formatModel } from '../model/index.js';
import { PRESETS } from '../model/index.js';
import { CsiError } from '../errors.js';
import { parseFlags } from './flags.js';
import { presetFromFlags, presetName, presetTemplate } from './presetModel.js';
import type { CliCommand, CliIO } from './types.js';

const usage = `Usage: csi model --preset ecsi|acsi|ccsi|scsb [--map FILE | --codebook FILE]

Prints a preset model (${Object.keys(PRESETS).join(', ')}) as model text to edit and pass to csi estimate --model.
Without --map or --codebook the items are placeholders (Image1 + Image2 + Image3); with --map FILE (JSON:
{ "Image": ["IMG1", "IMG2"], … }) they are your columns, and preset constructs the map leaves out are dropped with their
paths. With --codebook FILE (and no --map) the map is the codebook's item groups ("group": "Image" on an item;
construct names case-insensitive). Names with spaces are written in double quotes:
Image =~ "Brand image 1" + "Brand image 2".`;

/** `csi model`: print a preset as model text. */
export const modelCommand: CliCommand = {
  summary: 'print a preset model (ECSI, ACSI, CCSI, SCSB) as model text to edit',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseFlags(args, { preset: { type: 'string' }, map: { type: 'string' }, codebook: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, 'model');
    if (values.help) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    if (positionals.length > 0) throw new CsiError('INVALID_OPTION', `csi model takes no file argument (got ${positionals[0]}); see csi model --help.`);
    if (values.preset === undefined) throw new CsiError('INVALID_OPTION', 'csi model needs --preset ecsi|acsi|ccsi|scsb (see csi model --help).');
    const name = presetName(values.preset);
    const bound = values.map !== undefined || values.codebook !== undefined;
    const spec = bound ? await presetFromFlags(values.preset, values.map, values.codebook) : presetTemplate(name);
    io.stdout(`${formatModel(spec)}\n`);
    return 0;
  },
};
