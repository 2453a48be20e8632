export type { Quadrant, Estimate, IndexEstimate, HierarchyNode, IpmaResult } from './types.js';
/** Earlier names of the same shapes, kept for importers. */
export type { IndexEstimate as IndexEstimateShape, HierarchyNode as IndexTreeNode, IpmaResult as IpmaShape } from './types.js';
export { itemMoments, type ItemMoments } from './itemMoments.js';
export { studentTQuantile } from '../stats/index.js';
export { acsiIndexForm, rescaledItemWeights, combineForms, linearMoments, indexEstimate, type LinearIndex, type ItemScale } from './linearIndex.js';
export { indexScales, checkScale, parseScale, checkColumnsInScale, type IndexScalesOptions } from './scales.js';
export { unstandardizedWeights, indexRecipes, type IndexWeightSource, type IndexRecipe } from './indexWeights.js';
export { constructIndices, type ConstructIndices, type ConstructIndicesOptions } from './constructIndices.js';
export { indexScores } from './indexScores.js';
export { importances, impacts, ipma, QUADRANT_NAMES_ZH, type IpmaOptions } from './ipma.js';
export { ahpMatrixSchema, levelWeightsSchema, hierarchySpecSchema, type AhpMatrix, type LevelWeights, type HierarchySpec } from './hierarchySpec.js';
export { ahpWeights, ahpReport, SAATY_RI, type AhpResult, type AhpReport } from './ahp.js';
export { entropyWeights } from './entropyWeights.js';
export { rollUpHierarchy, type RollUpOptions, type RolledHierarchy } from './hierarchy.js';
