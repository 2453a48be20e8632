/** data/node: the loaders that touch the file system (Node only; re-exported by csikit/node). */
export { readSurveyFile } from './readSurveyFile.js';
