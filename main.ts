/**
 * Entry point of `cdktf synth`: builds the app from the declared topology and synthesizes it with the policy
 * pack on every stack, then runs the reachability and residency analysis on the written stacks (docs/data-flows.md).
 * The only place that reads the environment: `STATE_BACKEND=local|oss` chooses the state backend for one run,
 * `STATE_BOOTSTRAP=1` adds the bootstrap stacks (docs/operations.md). Whether the run is a deploy
 * (`UNIT_CELLS_COMMAND`, or the cdktf command line of a parent process) is read by lib/app/placeholders.ts.
 */
import { stateBackendKindFrom, switchFrom } from './lib/topology/state';
import { writeArtifacts } from './lib/app/artifacts';
import { analyzeOutdir } from './lib/analyze/analyze';
import { errorsOf, formatAnalysisSummary } from './lib/analyze/report';
import { deployRefusal } from './lib/app/placeholders';
import { formatPolicyOutcome, synthWithPolicy } from './lib/policy/enforce';
import { buildApp } from './stacks/app';
import { loadTopology } from './stacks/topology';

const declared = loadTopology();
const built = buildApp(declared, {
  stateBackend: stateBackendKindFrom(process.env.STATE_BACKEND),
  bootstrap: switchFrom(process.env.STATE_BOOTSTRAP, 'STATE_BOOTSTRAP'),
});
// `cdktf deploy` (or `npm run deploy`) of a declaration that still holds example values stops here, before anything
// is written for Terraform to apply; synth and diff go on (lib/app/placeholders.ts).
const refusal = deployRefusal(declared);
if (refusal !== undefined) {
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}
const outcome = synthWithPolicy(built.app, built.model);
const analysis = analyzeOutdir(built.app.outdir, built.model);
writeArtifacts(built.app.outdir, built.model);
process.stderr.write(formatPolicyOutcome(outcome));
process.stderr.write(formatAnalysisSummary(analysis));
if (outcome.failures.length > 0 || errorsOf(analysis).length > 0) process.exitCode = 1;
