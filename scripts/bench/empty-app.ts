/** Benchmark floor: an empty cdktf app through the same toolchain (node + ts-node/swc) as main.ts. */
import { App, TerraformStack } from 'cdktf';

const app = new App();
new TerraformStack(app, 'empty');
app.synth();
