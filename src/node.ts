/**
 * csikit/node: everything in the core plus the loaders that touch the file system (Node only).
 */
export * from './index.js';
export * from './data/node/index.js';
export * from './inference/node/index.js';
