export type * from './types.js';
export { parseModel } from './parse.js';
export { tokenizeModel, isPlainName, type ModelToken } from './tokenize.js';
export { formatModel, quoteName, type FormatModelOptions } from './format.js';
export { modelSpecSchema, constructSpecSchema, pathSpecSchema } from './schema.js';
export { parseModelJson, type ParseModelJsonOptions } from './parseModelJson.js';
export {
  model,
  composite,
  higherComposite,
  paths,
  items,
  modelInfo,
  type CompositeOptions,
  type ModelInfoPart,
  type ModelPart,
} from './builder.js';
export { PRESETS, SCSB, ACSI, ECSI, CCSI, type PresetName, type PresetDefinition, type PresetConstruct } from './presets.js';
export { preset, type PresetOptions } from './preset.js';
export { hierarchyOf, firstOrderConstructs, higherOrderConstructs, structuralConstructs, type HierarchyOptions } from './hierarchy.js';
export { validateModel, type ValidateModelOptions } from './validate.js';
