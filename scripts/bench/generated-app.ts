/**
 * Benchmark entry: synthesizes a generated topology of N units (argv[2]) into CDKTF_OUTDIR, like main.ts does.
 * Past the region table's size, units share regions: every other problem still stops the run.
 */
import { buildApp, buildStacks } from '../../stacks/app';
import { benchProblems, generateTopology, maxBenchUnits } from './generate-topology';

const n = Number(process.argv[2]);
if (n <= maxBenchUnits()) {
  buildApp(generateTopology(n)).app.synth();
} else {
  const topology = generateTopology(n, undefined, { reuseRegions: true });
  const problems = benchProblems(topology);
  if (problems.length) throw new Error(`generated topology of ${n} units:\n  - ${problems.join('\n  - ')}`);
  buildStacks(topology).app.synth();
}
