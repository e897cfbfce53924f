/**
 * `npm run diagram`: regenerates docs/topology.md from the declaration. `npm run diagram -- --check` only
 * compares, exiting 1 when the committed file is out of date.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderTopologyDoc } from '../lib/diagram/topology-diagram';
import { resolveTopology } from '../lib/topology/resolve';
import { validateTopology } from '../lib/topology/validate';
import { loadTopology } from '../stacks/topology';

export const TOPOLOGY_DOC = path.resolve(__dirname, '..', 'docs', 'topology.md');

const doc = renderTopologyDoc(resolveTopology(validateTopology(loadTopology())));
const current = fs.existsSync(TOPOLOGY_DOC) ? fs.readFileSync(TOPOLOGY_DOC, 'utf8') : undefined;
if (process.argv.includes('--check')) {
  if (current !== doc) {
    process.stderr.write('docs/topology.md is out of date with the declaration; run `npm run diagram` and commit the result\n');
    process.exitCode = 1;
  }
} else if (current !== doc) {
  fs.mkdirSync(path.dirname(TOPOLOGY_DOC), { recursive: true });
  fs.writeFileSync(TOPOLOGY_DOC, doc);
  process.stdout.write(`wrote ${path.relative(process.cwd(), TOPOLOGY_DOC)}\n`);
} else {
  process.stdout.write('docs/topology.md is up to date\n');
}
