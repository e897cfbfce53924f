/** Entry point of `cdktf synth`: builds the app from the declared topology, synthesizes it with the policy pack on every stack. */
import { formatPolicyOutcome, synthWithPolicy } from './lib/policy/enforce';
import { buildApp } from './stacks/app';
import { loadTopology } from './stacks/topology';

const topology = loadTopology();
const outcome = synthWithPolicy(buildApp(topology).app, topology);
process.stderr.write(formatPolicyOutcome(outcome));
if (outcome.failures.length > 0) process.exitCode = 1;
