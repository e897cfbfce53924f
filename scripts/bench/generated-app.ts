/**
 * Benchmark entry: synthesizes a generated topology of N units (argv[2]) into CDKTF_OUTDIR the way main.ts does,
 * policy pack and report included, so its time is what `cdktf synth` of such a topology would take.
 * Past the region table's size, units share regions: every other problem still stops the run.
 */
import { synthWithPolicy } from '../../lib/policy/enforce';
import { resolveTopology } from '../../lib/topology/resolve';
import { buildApp, buildStacks } from '../../stacks/app';
import { benchProblems, generateTopology, maxBenchUnits } from './generate-topology';

const n = Number(process.argv[2]);
let built;
if (n <= maxBenchUnits()) {
  built = buildApp(generateTopology(n));
} else {
  const topology = generateTopology(n, undefined, { reuseRegions: true });
  const problems = benchProblems(topology);
  if (problems.length) throw new Error(`generated topology of ${n} units:\n  - ${problems.join('\n  - ')}`);
  built = buildStacks(resolveTopology(topology));
}
const outcome = synthWithPolicy(built.app, built.model);
// A generated topology is the declared one grown: a failing finding here is a real problem of the constructs.
if (outcome.failures.length) throw new Error(`policy on ${n} generated units:\n  ${outcome.failures.join('\n  ')}`);
