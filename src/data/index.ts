export * from './codebook.js';
export type * from './survey.js';
