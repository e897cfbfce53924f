/**
 * `npm run diagram`: regenerates docs/topology.md from the declaration. `npm run diagram -- --check` only
 * compares, exiting 1 when the committed file is out of date. `npm run new-unit` regenerates it too, through
 * `writeTopologyDoc`, right after it writes a unit.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderTopologyDoc } from '../lib/diagram/topology-diagram';
import { resolveTopology } from '../lib/topology/resolve';
import type { TopologyDeclaration } from '../lib/topology/types';
import { validateTopology } from '../lib/topology/validate';
import { loadTopology } from '../stacks/topology';

export const TOPOLOGY_DOC = path.resolve(__dirname, '..', 'docs', 'topology.md');

/** The doc of a declaration: rendered from its resolved model, so it shows what the stacks build. */
export function topologyDoc(topology: TopologyDeclaration): string {
  return renderTopologyDoc(resolveTopology(validateTopology(topology)));
}

/** Whether `file` holds exactly the doc of `topology`. */
export function topologyDocIsCurrent(topology: TopologyDeclaration, file: string = TOPOLOGY_DOC): boolean {
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8') === topologyDoc(topology);
}

/** Writes the doc of `topology` to `file` unless it already holds it; says which. */
export function writeTopologyDoc(topology: TopologyDeclaration, file: string = TOPOLOGY_DOC): 'written' | 'unchanged' {
  if (topologyDocIsCurrent(topology, file)) return 'unchanged';
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, topologyDoc(topology));
  return 'written';
}

function main(argv: readonly string[]): number {
  const topology = loadTopology();
  const shown = path.relative(process.cwd(), TOPOLOGY_DOC);
  if (argv.includes('--check')) {
    if (topologyDocIsCurrent(topology)) return 0;
    process.stderr.write(`${shown} is out of date with the declaration; run \`npm run diagram\` and commit the result\n`);
    return 1;
  }
  process.stdout.write(writeTopologyDoc(topology) === 'written' ? `wrote ${shown}\n` : `${shown} is up to date\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
