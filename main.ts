/** Entry point of `cdktf synth`: builds the app from the declared topology. Nothing else lives here. */
import { buildApp } from './stacks/app';
import { loadTopology } from './stacks/topology';

buildApp(loadTopology()).app.synth();
