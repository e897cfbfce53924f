/**
 * The layer rules, checked by `npm run layers` (part of `npm test`):
 *
 *   facts ← topology ← constructs (core, unit, link, accel, backend, governance) ← stacks ← app (main.ts, lib/app)
 *   tools (policy, review, diagram, scaffold, schema-check, analyze, register, paths, preflight, ddl) read the model
 *   (topology, facts) or synthesized output: never a construct or a stack module.
 *
 * Plus: no cycles anywhere, and the declaration layer stays free of cdktf (it is data and pure functions).
 */
const CONSTRUCTS = '^lib/(core|unit|link|accel|backend|governance)/';
const TOOLS = '^lib/(policy|review|diagram|scaffold|schema-check|analyze|register|paths|preflight|ddl)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle ties modules together so that neither can be understood, tested or loaded alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'facts-are-the-bottom',
      severity: 'error',
      comment: 'lib/facts holds product and provider facts; it imports nothing of the package above it.',
      from: { path: '^lib/facts/' },
      to: { path: '^(lib/(?!facts/)|stacks/|scripts/|main\\.ts|\\.gen/)' },
    },
    {
      name: 'topology-reads-only-facts',
      severity: 'error',
      comment: 'The declaration, its validation and the model (lib/topology) sit above lib/facts only.',
      from: { path: '^lib/topology/' },
      to: { path: '^(lib/(?!topology/|facts/)|stacks/|scripts/|main\\.ts|\\.gen/)' },
    },
    {
      name: 'topology-is-plain-data',
      severity: 'error',
      comment: 'The model is data and pure functions: no cdktf, constructs or provider bindings.',
      from: { path: '^lib/(topology|facts)/' },
      to: { path: '(^|/)node_modules/(cdktf|constructs)/' },
    },
    {
      name: 'constructs-sit-below-stacks-and-tools',
      severity: 'error',
      comment: 'Constructs take their values through props; they never import a stack, a tool or the app.',
      from: { path: CONSTRUCTS },
      to: { path: `^(stacks/|scripts/|main\\.ts|lib/app/)|${TOOLS}` },
    },
    {
      name: 'constructs-share-only-core',
      severity: 'error',
      comment: 'One construct package per entity: unit, link, accel, backend and governance share helpers through lib/core only.',
      from: { path: '^lib/(unit|link|accel|backend|governance)/' },
      to: { path: '^lib/(unit|link|accel|backend|governance)/', pathNot: '^lib/$1/' },
    },
    {
      name: 'core-is-below-the-constructs',
      severity: 'error',
      comment: 'lib/core holds what every construct package shares; it imports none of them.',
      from: { path: '^lib/core/' },
      to: { path: '^lib/(unit|link|accel|backend|governance)/' },
    },
    {
      name: 'stacks-are-thin-wiring',
      severity: 'error',
      comment: 'Stacks bind providers and call constructs; they never reach into the tools or the app.',
      from: { path: '^stacks/' },
      to: { path: `^(scripts/|main\\.ts|lib/app/)|${TOOLS}` },
    },
    {
      name: 'tools-read-the-model-not-the-constructs',
      severity: 'error',
      comment: 'Tools read the model (lib/topology, lib/facts) or synthesized output, never a construct or a stack module.',
      from: { path: TOOLS },
      to: { path: `^(stacks/|scripts/|main\\.ts|lib/app/|\\.gen/)|${CONSTRUCTS}` },
    },
    {
      name: 'nothing-imports-tests',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|cdktf\\.out|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
