/**
 * Entry point of `cdktf synth`: builds the app from the declared topology. The only place that reads the
 * environment: `STATE_BACKEND=local|oss` chooses the state backend for one run, `STATE_BOOTSTRAP=1` adds the
 * bootstrap stacks (docs/operations.md).
 */
import { stateBackendKindFrom, switchFrom } from './lib/backend/state-location';
import { buildApp } from './stacks/app';
import { loadTopology } from './stacks/topology';

buildApp(loadTopology(), {
  stateBackend: stateBackendKindFrom(process.env.STATE_BACKEND),
  bootstrap: switchFrom(process.env.STATE_BOOTSTRAP, 'STATE_BOOTSTRAP'),
}).app.synth();
