/**
 * The floors of src/ (docs/architecture.md), checked by `npm run lint:deps` (CI and test/architecture.test.ts).
 * A folder imports only folders on lower floors, through their index.ts, plus src/errors.ts. No import circle.
 * The browser core imports no Node built-in (only the Node-only places listed in NODE_ONLY may).
 */
/** Ground floor first. A folder may import only folders before it. Folders not yet present are harmless. */
const FLOORS = ['wasm', 'data', 'model', 'stats', 'quality', 'pls', 'inference', 'engines', 'indices', 'segments', 'gaps', 'kpi', 'tracking', 'study', 'report', 'cli'];
/** Where Node built-ins are allowed: the CLI, the csikit/node entry, the engine adapters and the Node helpers. */
const NODE_ONLY = ['^src/cli/', '^src/node\\.ts$', '^src/engines/(duckdb|clickhouse)/', '^src/inference/node/', '^src/data/node/'];

const floorRules = FLOORS.slice(0, -1).map((folder, i) => ({
  name: `floor-${folder}`,
  comment: `src/${folder}/ is on floor ${i}: it may import only ${FLOORS.slice(0, i).join(', ') || 'errors.ts'} (docs/architecture.md).`,
  severity: 'error',
  from: { path: `^src/${folder}/` },
  to: { path: `^src/(${FLOORS.slice(i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle: two modules (or folders) that need each other. Move the shared piece down a floor.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...floorRules,
    {
      name: 'pls-sees-moments-and-models',
      comment: 'pls/ estimates from moments and models only: the survey-taking entry points (estimate) live in inference/.',
      severity: 'error',
      from: { path: '^src/pls/' },
      to: { path: '^src/data/' },
    },
    {
      name: 'quality-sees-matrices',
      comment: 'quality/ holds formulas over correlation matrices and blocks: it needs neither surveys nor models.',
      severity: 'error',
      from: { path: '^src/quality/' },
      to: { path: '^src/(data|model)/' },
    },
    {
      name: 'through-index',
      comment: "Another folder is reached through its index.ts (its public face), never its internals.",
      severity: 'error',
      from: { path: `^src/(${FLOORS.join('|')})/` },
      to: { path: `^src/(${FLOORS.join('|')})/.+`, pathNot: ['^src/$1/', `^src/(${FLOORS.join('|')})/(duckdb/|clickhouse/|node/)?index\\.ts$`] },
    },
    {
      name: 'no-root-barrel',
      comment: 'src/index.ts and src/node.ts are the package entries; folders import the folder they need, not the whole package.',
      severity: 'error',
      from: { path: '^src/[^/]+/' },
      to: { path: '^src/(index|node)\\.ts$' },
    },
    {
      name: 'errors-imports-nothing',
      comment: 'src/errors.ts is below every floor.',
      severity: 'error',
      from: { path: '^src/errors\\.ts$' },
      to: { path: '^src/' },
    },
    {
      name: 'browser-core-no-node',
      comment: 'The browser core imports no Node built-in; Node-only code lives in src/cli, src/node.ts, src/engines/{duckdb,clickhouse}, src/inference/node, src/data/node.',
      severity: 'error',
      from: { path: '^src/', pathNot: NODE_ONLY },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'browser-core-no-node-only-code',
      comment: 'The browser core does not import the Node-only folders either.',
      severity: 'error',
      from: { path: '^src/', pathNot: NODE_ONLY },
      to: { path: NODE_ONLY.filter((p) => p !== '^src/cli/').concat('^src/cli/') },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.d.ts'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
