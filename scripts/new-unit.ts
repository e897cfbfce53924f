/**
 * `npm run new-unit -- --id th --country TH --region ap-southeast-7 --cidr 10.3.0.0/16 [--name "..."]`:
 * writes stacks/unit-<id>/unit.ts for a new country, derived and validated against the whole topology, then
 * regenerates docs/topology.md from the declaration with the new unit (as `npm run diagram` does), so the
 * diagram test passes without a separate step.
 * Exit code 1 with every problem listed (and nothing written) when the topology would not validate.
 */
import * as path from 'path';
import { parseArgs } from 'util';
import { ScaffoldError, scaffoldUnit } from '../lib/scaffold/new-unit';
import type { TopologyDeclaration } from '../lib/topology/types';
import { loadTopology, loadUnitSites, loadUnits, shared as declaredShared } from '../stacks/topology';
import { TOPOLOGY_DOC, writeTopologyDoc } from './diagram';

const USAGE =
  'usage: npm run new-unit -- --id <id> --country <ISO code> --region <region id> --cidr <VPC CIDR> [--name <display name>]' +
  ' [--residency-basis <instrument> --residency-reference <record>]';
const STACKS_DIR = path.resolve(__dirname, '..', 'stacks');

export interface NewUnitOptions {
  /** Folder holding the unit-<id> folders. @default the project's stacks/ */
  readonly stacksDir?: string;
  /** The generated diagram to regenerate. @default the project's docs/topology.md */
  readonly topologyDoc?: string;
  /** Everything of the topology but the units. @default `shared` of stacks/topology.ts */
  readonly shared?: Omit<TopologyDeclaration, 'units'>;
  readonly stdout?: (text: string) => void;
  readonly stderr?: (text: string) => void;
}

/** A legal basis from its two flags; either one alone still reaches validation, which names what is missing. */
function basis(field: 'residency', instrument: string | undefined, reference: string | undefined) {
  return instrument === undefined && reference === undefined ? {} : { [field]: { basis: instrument ?? '', reference: reference ?? '' } };
}

/** Runs the command on `argv` (the arguments after the script); returns the exit code. */
export function newUnit(argv: readonly string[], options: NewUnitOptions = {}): number {
  const stacksDir = options.stacksDir ?? STACKS_DIR;
  const topologyDoc = options.topologyDoc ?? TOPOLOGY_DOC;
  const shared = options.shared ?? declaredShared;
  const out = options.stdout ?? ((text: string) => process.stdout.write(text));
  const err = options.stderr ?? ((text: string) => process.stderr.write(text));
  const shown = (file: string) => path.relative(process.cwd(), file);

  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        id: { type: 'string' },
        country: { type: 'string' },
        region: { type: 'string' },
        cidr: { type: 'string' },
        name: { type: 'string' },
        'residency-basis': { type: 'string' },
        'residency-reference': { type: 'string' },
      },
    }).values;
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const missing = ['id', 'country', 'region', 'cidr'].filter((k) => !values[k]);
  if (missing.length) {
    err(`missing ${missing.map((m) => `--${m}`).join(', ')}\n${USAGE}\n`);
    return 2;
  }

  let written: ReturnType<typeof scaffoldUnit>;
  try {
    written = scaffoldUnit(stacksDir, { ...shared, sites: [...shared.sites, ...loadUnitSites(stacksDir)] }, loadUnits(stacksDir), {
      id: values.id!,
      country: values.country!,
      region: values.region!,
      cidr: values.cidr!,
      name: values.name,
      ...basis('residency', values['residency-basis'], values['residency-reference']),
    });
  } catch (e) {
    if (e instanceof ScaffoldError) {
      err(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const { file, unit, site } = written;
  out(`wrote ${shown(file)}: unit ${unit.id} in ${unit.region} (zones ${unit.zones.join(', ')}), VPC ${unit.network.vpcCidr}\n`);
  out(`  with site ${site.id}, a placeholder at ${site.latitude}, ${site.longitude}: move it to where the unit's staff work\n`);

  // The diagram is generated from the declaration as loaded from the folders, the new unit included: exactly
  // what the diagram test compares docs/topology.md with.
  try {
    const state = writeTopologyDoc(loadTopology(stacksDir, shared), topologyDoc);
    out(
      state === 'written'
        ? `regenerated ${shown(topologyDoc)} with unit ${unit.id} (as \`npm run diagram\` does); commit it with the unit\n`
        : `${shown(topologyDoc)} is up to date\n`,
    );
  } catch (e) {
    err(
      `${shown(file)} was written, but ${shown(topologyDoc)} could not be regenerated: ${(e as Error).message}\nfix the unit file, then run \`npm run diagram\`\n`,
    );
    return 1;
  }
  out(
    'next: review the file (residency, sizing, mastersTables, link, the site), then `npm run synth`, `npm run paths`, `npx jest --ci -u` (read the snapshot diff) and `npm test`; see docs/new-country.md\n',
  );
  return 0;
}

if (require.main === module) process.exitCode = newUnit(process.argv.slice(2));
