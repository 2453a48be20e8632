import { describe, expect, it } from 'vitest';
import * as core from '../../src/index.js';
import * as internals from '../../src/internals.js';

describe('public exports (issue 17.15)', () => {
  it('the core exports what users need, not the kernels', () => {
    for (const name of ['readSurvey', 'parseCodebook', 'inferCodebook', 'parseModel', 'preset', 'formatModel', 'estimate', 'estimateFromMoments', 'resultToJson', 'formatPlsResult', 'assessQuality', 'bootstrap', 'momentsFromSurvey', 'computeMoments', 'CsiError']) {
      expect(core, name).toHaveProperty(name);
    }
    for (const name of ['xoshiro128ss', 'mix32', 'solveSubSpdInto', 'choleskyDecompose', 'quantileType7', 'fitPls', 'innerWeights', 'quoteIdentifier', 'parseMomentsRow']) {
      expect(core, name).not.toHaveProperty(name);
      expect(internals, name).toHaveProperty(name);
    }
    // ~75 names for loading, models, estimation, bootstrap and moments; the CSI layer (indices, study, …) adds its own.
    expect(Object.keys(core).length).toBeLessThan(160);
  });
});
