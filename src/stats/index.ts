export type * from './moments-types.js';
