/**
 * The layering of ../shared/DESIGN.md, enforced: each layer imports only layers above it.
 * asl → engine → runtime → adapters → api/console/cli/functions.
 */
const below = {
  asl: ['^src/engine', '^src/runtime', '^src/adapters', '^src/api', '^src/console', '^src/cli', '^functions'],
  engine: ['^src/runtime', '^src/adapters', '^src/api', '^src/console', '^src/cli', '^functions'],
  runtime: ['^src/adapters', '^src/api', '^src/console', '^src/cli', '^functions'],
  adapters: ['^src/api', '^src/console', '^src/cli', '^functions'],
};
const layerRule = (layer) => ({
  name: `${layer}-imports-only-layers-above`,
  comment: `src/${layer} may not import a layer below it (DESIGN.md, Layers)`,
  severity: 'error',
  from: { path: layer === 'adapters' ? '^src/adapters' : `^src/${layer}` },
  to: { path: below[layer] },
});
module.exports = {
  forbidden: [
    ...Object.keys(below).map(layerRule),
    {
      name: 'no-circular',
      comment: 'Import cycles make layers meaningless',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'aws-sdk-only-in-adapters-and-functions',
      comment: 'The AWS SDK is used only by src/adapters and functions/',
      severity: 'error',
      from: { path: '^src', pathNot: '^src/adapters' },
      to: { path: '@aws-sdk|@smithy' },
    },
    {
      name: 'pure-layers-do-no-io',
      comment: 'src/asl and src/engine are pure: no file, network or process I/O',
      severity: 'error',
      from: { path: '^src/(asl|engine)' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|net|http|https|child_process|dgram|dns|worker_threads|cluster|tls)',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
