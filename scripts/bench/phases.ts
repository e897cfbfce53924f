/**
 * Benchmark entry that says where one synth's time goes: `node -r ./scripts/register.js scripts/bench/phases.ts
 * <empty|declared|N>` synthesizes into CDKTF_OUTDIR like the matching bench case and prints one JSON line of
 * milliseconds per phase:
 *
 * - start: node's own start-up and the require hook, until this file runs;
 * - load: requiring cdktf, the bindings and the project's modules;
 * - build: building the construct tree (with the declaration's validation, for `declared`);
 * - synth: cdktf's `app.synth()`: prepare, resolve, write each stack's cdk.tf.json;
 * - policy: the policy pack on every written stack, and its report (none for `empty`).
 *
 * Modules are required inside the timed phases, so this file imports nothing at its top.
 */
const startMs = performance.now();
const which = process.argv[2] ?? 'declared';
const marks: Record<string, number> = { start: startMs };
let last = startMs;
const mark = (phase: string) => {
  const now = performance.now();
  marks[phase] = now - last;
  last = now;
};

// Modules are required here, not imported at the top, so that loading them is timed as its own phase.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports */
if (which === 'empty') {
  const { App, TerraformStack } = require('cdktf') as typeof import('cdktf');
  mark('load');
  const app = new App();
  new TerraformStack(app, 'empty');
  mark('build');
  app.synth();
  mark('synth');
} else {
  const { checkSynthesized, policyPackFor } = require('../../lib/policy/enforce') as typeof import('../../lib/policy/enforce');
  const { buildApp, buildStacks } = require('../../stacks/app') as typeof import('../../stacks/app');
  const { resolveTopology } = require('../../lib/topology/resolve') as typeof import('../../lib/topology/resolve');
  const { loadTopology } = require('../../stacks/topology') as typeof import('../../stacks/topology');
  const { generateTopology, maxBenchUnits } = require('./generate-topology') as typeof import('./generate-topology');
  mark('load');
  const n = Number(which);
  if (which !== 'declared' && !(Number.isInteger(n) && n >= 2)) throw new Error(`phases: ${which} is not empty, declared or a unit count of 2 or more`);
  const built =
    which === 'declared'
      ? buildApp(loadTopology())
      : n <= maxBenchUnits()
        ? buildApp(generateTopology(n))
        : buildStacks(resolveTopology(generateTopology(n, undefined, { reuseRegions: true })));
  const pack = policyPackFor(built.model);
  mark('build');
  built.app.synth();
  mark('synth');
  const outcome = checkSynthesized(built.app, pack);
  mark('policy');
  if (outcome.failures.length) throw new Error(`policy failures:\n  ${outcome.failures.join('\n  ')}`);
}
process.stdout.write(`${JSON.stringify(marks)}\n`);
