/**
 * `npm run --silent review -- <base cdktf.out> <head cdktf.out>`: prints the Markdown plan review of what
 * head changes against base, then the changes to the data-flow register (data-flows.json). Exit code 0 without
 * data-loss risk, 3 with one (CI requires an approval label), 2 when the inputs cannot be read.
 */
import { loadSchemas } from '../lib/schema-check/check';
import { exitCodeOf, reviewOutputs } from '../lib/review/diff';
import { readSynthOutput } from '../lib/review/load';
import { renderReview } from '../lib/review/markdown';
import { readRegisterFile, renderRegisterChanges } from '../lib/review/register';

const [base, head] = process.argv.slice(2);
if (!base || !head) {
  process.stderr.write('usage: npm run --silent review -- <base cdktf.out> <head cdktf.out>\n');
  process.exit(2);
}
try {
  const review = reviewOutputs(readSynthOutput(base), readSynthOutput(head), loadSchemas());
  process.stdout.write(renderReview(review));
  process.stdout.write(renderRegisterChanges(readRegisterFile(base), readRegisterFile(head)));
  process.exitCode = exitCodeOf(review);
} catch (e) {
  process.stderr.write(`review: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
