/**
 * csikit: customer-satisfaction-index survey analysis. The browser-safe core: no Node built-ins are imported from
 * here (file-path loaders live in `csikit/node`, the CLI in `csi`).
 */
export * from './errors.js';
export * from './data/index.js';
export * from './model/index.js';
export * from './stats/index.js';
export * from './pls/index.js';
export * from './quality/index.js';
export * from './inference/index.js';
export * from './engines/index.js';
export * from './indices/index.js';
export * from './study/index.js';
// model's HierarchyNode (the plain tree) keeps its name; the Study's rolled-up node is StudyHierarchyNode.
export type { HierarchyNode } from './model/index.js';
export type { HierarchyNode as StudyHierarchyNode } from './study/index.js';
export * from './report/index.js';
