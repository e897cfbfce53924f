/** Entry point of `cdktf synth`: builds the app from the declared topology, synthesizes it and enforces the policy pack. */
import { formatPolicyOutcome, synthWithPolicy } from './lib/policy/enforce';
import { buildApp } from './stacks/app';
import { loadTopology } from './stacks/topology';

const { app, policy } = buildApp(loadTopology());
const outcome = synthWithPolicy(app, policy);
process.stderr.write(formatPolicyOutcome(outcome));
if (outcome.failures.length > 0) process.exitCode = 1;
