/**
 * `npm run check:schema [-- <cdktf.out>]`: checks every synthesized stack against the provider schemas in
 * provider/. Prints one line per problem and a summary; exits 1 when there are problems.
 */
import { checkOutdir } from '../lib/schema-check/check';

const outdir = process.argv[2] ?? 'cdktf.out';
const { stacks, resources, problems } = checkOutdir(outdir);
for (const p of problems) process.stdout.write(`${p.stack} ${p.address}: ${p.problem}\n`);
process.stdout.write(`schema check: ${stacks} stacks, ${resources} resources and data sources, ${problems.length} problems\n`);
process.exitCode = problems.length ? 1 : 0;
