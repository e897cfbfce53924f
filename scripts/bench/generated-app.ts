/** Benchmark entry: synthesizes a generated topology of N units (argv[2]) into CDKTF_OUTDIR, like main.ts does. */
import { buildApp } from '../../stacks/app';
import { generateTopology } from './generate-topology';

buildApp(generateTopology(Number(process.argv[2]))).app.synth();
