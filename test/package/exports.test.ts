import { describe, expect, it } from 'vitest';
import * as core from '../../src/index.js';
import * as internals from '../../src/internals.js';
import * as indices from '../../src/indices/index.js';
import * as segments from '../../src/segments/index.js';
import * as tracking from '../../src/tracking/index.js';
import * as study from '../../src/study/index.js';
import * as kpi from '../../src/kpi/index.js';
import * as gaps from '../../src/gaps/index.js';
import * as report from '../../src/report/index.js';

/** The CSI layer's public names (each folder's barrel is its public face; these are counted separately). */
const csiLayer = new Set([indices, segments, tracking, gaps, kpi, study, report].flatMap((m) => Object.keys(m)));

describe('public exports (issue 17.15)', () => {
  it('the core exports what users need, not the kernels', () => {
    for (const name of ['readSurvey', 'parseCodebook', 'inferCodebook', 'parseModel', 'preset', 'formatModel', 'estimate', 'estimateFromMoments', 'resultToJson', 'formatPlsResult', 'assessQuality', 'bootstrap', 'momentsFromSurvey', 'computeMoments', 'CsiError']) {
      expect(core, name).toHaveProperty(name);
    }
    for (const name of ['xoshiro128ss', 'mix32', 'solveSubSpdInto', 'choleskyDecompose', 'quantileType7', 'fitPls', 'innerWeights', 'quoteIdentifier', 'parseMomentsRow']) {
      expect(core, name).not.toHaveProperty(name);
      expect(internals, name).toHaveProperty(name);
    }
    // ~100 names for loading (CSV, xlsx, .sav readers), models, estimation, bootstrap and moments; the CSI layer adds its own.
    expect(Object.keys(core).filter((k) => !csiLayer.has(k)).length).toBeLessThan(110);
  });
});
